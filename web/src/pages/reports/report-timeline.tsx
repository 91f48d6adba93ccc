// The case timeline with comments; coordinators may mark a comment internal.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/alerts.tsx';
import { TextAreaField } from '../../components/fields.tsx';
import { useI18n, type MessageKey, type Translate } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { reportsApi, type TimelineEntry } from './reports-api.ts';

function describe(t: Translate, entry: TimelineEntry): string {
  const d = entry.details;
  const state = (value: unknown) => (typeof value === 'string' ? t(`report.state.${value}` as MessageKey) : '');
  switch (entry.kind) {
    case 'amended': return t('report.timeline.amended', { version: String(d.version ?? '') });
    case 'state_changed': return t('report.timeline.state_changed', { from: state(d.from), to: state(d.to) })
      + (typeof d.outcome === 'string' ? ` (${t(`report.outcome.${d.outcome}` as MessageKey)})` : '');
    case 'attachment_added': return t('report.timeline.attachment_added', { filename: String(d.filename ?? '') });
    case 'created': case 'submitted': case 'assigned': case 'comment': case 'deadline_reminder': case 'published':
      return t(`report.timeline.${entry.kind}`);
    default: return entry.kind;
  }
}

export function TimelineView({ reportId, entries, canComment, canInternal }: {
  reportId: string; entries: TimelineEntry[]; canComment: boolean; canInternal: boolean;
}) {
  const { t, locale } = useI18n();
  return (
    <>
      <ol className="plain-list timeline">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.internal ? 'timeline-internal' : undefined}>
            <div className="muted">
              <time dateTime={entry.at}>{formatDateTime(entry.at, locale)}</time> · {entry.actorName || t('report.timeline.system')}
            </div>
            <div>
              {describe(t, entry)}
              {entry.internal ? <span className="tag tag-warn"> {t('report.timeline.internal')}</span> : null}
            </div>
            {entry.body ? <p className="comment-body">{entry.body}</p> : null}
          </li>
        ))}
      </ol>
      {canComment ? <CommentForm reportId={reportId} canInternal={canInternal} /> : null}
    </>
  );
}

function CommentForm({ reportId, canInternal }: { reportId: string; canInternal: boolean }) {
  const { t } = useI18n();
  const [body, setBody] = useState('');
  const [internal, setInternal] = useState(false);
  const queryClient = useQueryClient();
  const action = useMutation({
    mutationFn: (comment: { body: string; internal: boolean }) => reportsApi.comment(reportId, comment.body, comment.internal),
    onSuccess: () => {
      setBody('');
      setInternal(false);
      return queryClient.invalidateQueries({ queryKey: ['reports', reportId] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    action.mutate({ body, internal: canInternal && internal });
  };
  return (
    <form className="form" onSubmit={submit}>
      <TextAreaField label={t('report.comment.label')} value={body} onValue={setBody} required maxLength={10_000} />
      {canInternal ? (
        <label className="checkbox">
          <input type="checkbox" checked={internal} onChange={(event) => setInternal(event.target.checked)} />
          {t('report.comment.internal')}
        </label>
      ) : null}
      <ErrorAlert error={action.error} />
      <div className="form-actions">
        <button type="submit" disabled={action.isPending || body.trim() === ''}>{t('report.comment.send')}</button>
      </div>
    </form>
  );
}
