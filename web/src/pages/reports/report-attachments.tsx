// Attachments of a report: upload (raw bytes), list with hashes and e-mail clues, download only.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { ErrorAlert, SuccessNote } from '../../components/alerts.tsx';
import { useI18n } from '../../i18n/index.ts';
import { reportsApi, uploadAttachment, type Attachment } from './reports-api.ts';

interface Props {
  reportId: string;
  attachments: Attachment[];
  canUpload: boolean;
  maxBytes: number;
}

export function AttachmentsView({ reportId, attachments, canUpload, maxBytes }: Props) {
  const { t } = useI18n();
  return (
    <>
      {attachments.length === 0 ? <p className="muted">{t('report.attachments.none')}</p> : null}
      <ul className="plain-list attachments">
        {attachments.map((a) => (
          <li key={a.id}>
            <a href={reportsApi.attachmentUrl(reportId, a.id)} download={a.filename}>
              {a.filename}
            </a>{' '}
            <span className="muted">
              ({a.kind === 'sample' ? t('report.attachments.kind.sample') : a.kind}, {a.size.toLocaleString()} B)
            </span>
            <div className="hash">SHA-256 {a.sha256}</div>
            <div className="hash">SHA-1 {a.sha1} · MD5 {a.md5}</div>
            {a.indicators.length > 0 ? (
              <details>
                <summary>{t('report.attachments.indicators')} ({a.indicators.length})</summary>
                <ul className="indicators">
                  {a.indicators.map((i) => (
                    <li key={`${i.type}|${i.value}`}>
                      <code>{i.value}</code> <span className="muted">{i.type} · {i.source}</span>
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </li>
        ))}
      </ul>
      {canUpload ? <UploadForm reportId={reportId} maxBytes={maxBytes} /> : null}
    </>
  );
}

function UploadForm({ reportId, maxBytes }: { reportId: string; maxBytes: number }) {
  const { t, locale } = useI18n();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [sample, setSample] = useState(false);
  const [done, setDone] = useState('');
  const queryClient = useQueryClient();
  const megabytes = (maxBytes / 1024 / 1024).toLocaleString(locale, { maximumFractionDigits: 1 });
  const action = useMutation({
    mutationFn: ({ chosen }: { chosen: File | null; form: HTMLFormElement }) => {
      if (!chosen) throw t('report.attachments.noFile');
      if (chosen.size > maxBytes) throw t('report.attachments.tooLarge', { size: megabytes });
      return uploadAttachment(reportId, chosen, sample);
    },
    onSuccess: (stored, { form }) => {
      setDone(t('report.attachments.uploaded', { name: stored.filename }));
      setFile(null);
      form.reset();
      return queryClient.invalidateQueries({ queryKey: ['reports', reportId] });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone('');
    action.mutate({ chosen: file, form: event.currentTarget });
  };
  return (
    <form className="form" onSubmit={submit}>
      <div className="field">
        <label htmlFor={fileId}>{t('report.attachments.file')}</label>
        <input id={fileId} type="file" aria-describedby={`${fileId}-hint`} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />
        <p className="hint" id={`${fileId}-hint`}>{t('report.attachments.hint', { size: megabytes })}</p>
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={sample} onChange={(event) => setSample(event.target.checked)} />
        {t('report.attachments.sample')}
      </label>
      <ErrorAlert error={action.error} />
      <SuccessNote>{done}</SuccessNote>
      <div className="form-actions">
        <button type="submit" disabled={action.isPending}>{t('report.attachments.upload')}</button>
      </div>
    </form>
  );
}
