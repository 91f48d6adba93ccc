// Import a STIX bundle file (.json) into a collection the user can write; shows what was stored and why
// the rest was not.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/alerts.tsx';
import { SelectField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.ts';
import { intelApi, type ImportStatus, type IntelCollection } from './intel-api.ts';
import { collectionName } from './intel-labels.ts';

const SHOWN_FAILURES = 100;

interface ImportFormProps {
  collections: IntelCollection[];
  maxBytes: number;
}

export function ImportForm({ collections, maxBytes }: ImportFormProps) {
  const { t, locale } = useI18n();
  const fileId = useId();
  const [collectionId, setCollectionId] = useState(collections[0]?.id ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<{ status: ImportStatus; into: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const megabytes = (maxBytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 });
  const action = useMutation({
    mutationFn: async ({ chosen, into }: { chosen: File; into: string }) => {
      let bundle: unknown;
      try {
        bundle = JSON.parse(await chosen.text());
      } catch {
        throw t('intel.import.notJson');
      }
      return { status: await intelApi.importBundle(into, bundle), into };
    },
    onSuccess: ({ status, into }) => {
      const collection = collections.find((c) => c.id === into);
      setResult({ status, into: collection ? collectionName(collection, t, locale) : '' });
      return queryClient.invalidateQueries({ queryKey: ['intel'] });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    setProblem(null);
    action.reset();
    if (!file) return setProblem(t('intel.import.noFile'));
    if (file.size > maxBytes) return setProblem(t('intel.import.tooLarge', { size: megabytes }));
    action.mutate({ chosen: file, into: collectionId });
  };

  return (
    <form className="form" onSubmit={submit}>
      <SelectField
        label={t('intel.import.collection')}
        value={collectionId}
        onValue={setCollectionId}
        options={collections.map((c) => ({ value: c.id, label: collectionName(c, t, locale) }))}
      />
      <div className="field">
        <label htmlFor={fileId}>{t('intel.import.file')}</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json,application/stix+json"
          aria-describedby={`${fileId}-hint`}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <p className="hint" id={`${fileId}-hint`}>
          {t('intel.import.fileHint', { size: megabytes })}
        </p>
      </div>
      <ErrorAlert error={problem ?? action.error} />
      <div className="form-actions">
        <button type="submit" disabled={action.isPending}>
          {action.isPending ? t('intel.import.running') : t('intel.import.submit')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {result ? <ImportResult status={result.status} into={result.into} /> : null}
      </div>
    </form>
  );
}

function ImportResult({ status, into }: { status: ImportStatus; into: string }) {
  const { t } = useI18n();
  const failures = status.failures ?? [];
  return (
    <div className={status.failure_count > 0 ? 'alert alert-warning import-result' : 'alert alert-success import-result'}>
      <p className="alert-title">
        {t('intel.import.result', { into, total: status.total_count, success: status.success_count, failure: status.failure_count })}
      </p>
      {failures.length > 0 ? (
        <>
          <p>{t('intel.import.failures')}</p>
          <ul className="import-failures">
            {failures.slice(0, SHOWN_FAILURES).map((f, i) => (
              <li key={`${f.id}|${i}`}>
                <code className="wrap">{f.id}</code>: {f.message ?? ''}
              </li>
            ))}
          </ul>
          {failures.length > SHOWN_FAILURES ? <p>{t('intel.import.moreFailures', { count: failures.length - SHOWN_FAILURES })}</p> : null}
        </>
      ) : null}
    </div>
  );
}
