import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ErrorAlert, ProblemList, SuccessNote } from '../../components/alerts.tsx';
import { Card } from '../../components/page.tsx';
import { useT } from '../../i18n/index.ts';
import { DetailedApiError, importFile } from './directory-api.ts';
import { issueText } from './directory-labels.ts';

/** Import (all or nothing, problems listed per row) and the export downloads. */
export function DirectoryTransfer() {
  const t = useT();
  const file = useRef<HTMLInputElement>(null);
  const queryClient = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const action = useMutation({
    mutationFn: (chosen: File) => importFile(chosen),
    onSuccess: (result) => {
      setDone(t('dir.import.done', { created: result.created, updated: result.updated }));
      return queryClient.invalidateQueries({ queryKey: ['directory'] });
    },
  });
  const [done, setDone] = useState<string | null>(null);
  const details = action.error instanceof DetailedApiError ? action.error.details : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setDone(null);
    setProblem(null);
    const chosen = file.current?.files?.[0];
    if (!chosen) {
      action.reset();
      setProblem(t('dir.import.chooseFile'));
      return;
    }
    action.mutate(chosen);
  };

  return (
    <>
      <Card title={t('dir.import.title')} id="dir-import">
        <form className="form" onSubmit={submit}>
          <p className="hint">{t('dir.import.hint')}</p>
          <SuccessNote>{done}</SuccessNote>
          {details.length > 0 ? (
            <div>
              <p>{t('dir.import.problems')}</p>
              <ProblemList problems={details.map((issue) => issueText(t, issue))} />
            </div>
          ) : (
            <ErrorAlert error={problem ?? action.error} />
          )}
          <div className="field">
            <label htmlFor="dir-import-file">{t('dir.import.file')}</label>
            <input id="dir-import-file" ref={file} type="file" accept=".csv,.json,text/csv,application/json" />
          </div>
          <div className="form-actions">
            <button type="submit" disabled={action.isPending}>
              {t('dir.import.submit')}
            </button>
          </div>
        </form>
      </Card>
      <Card title={t('dir.export.title')} id="dir-export">
        <p className="directory-links">
          <a href="/api/directory/export?format=csv" download>
            {t('dir.export.csv')}
          </a>
          <a href="/api/directory/export?format=json" download>
            {t('dir.export.json')}
          </a>
        </p>
      </Card>
    </>
  );
}
