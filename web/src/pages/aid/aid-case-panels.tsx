// Case-work panels of a help request page: checklist, messages, notes, full-report access, closure.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/alerts.tsx';
import { SelectField, TextAreaField } from '../../components/fields.tsx';
import { Card } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { Link } from 'react-router';
import { aidApi, OUTCOMES, useAidChange, type AidDetail, type Post } from './aid-api.ts';
import { k } from './aid-bits.tsx';

interface PanelProps { request: AidDetail }
const active = (r: AidDetail) => r.status === 'assigned' || r.status === 'in_progress';
const mayWork = (r: AidDetail) => active(r) && (r.side === 'victim' || (r.side === 'responder' && r.assignedAt !== null && r.myOffer === null));

export function TasksPanel({ request }: PanelProps) {
  const { t, locale } = useI18n();
  const tick = useAidChange(({ taskId, done }: { taskId: string; done: boolean }) => aidApi.task(request.id, taskId, done));
  // Ticked at once (the box follows the click); the server's answer then reloads the case.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const tasks = (request.tasks ?? []).map((x) => (x.id in pending ? { ...x, done: pending[x.id] as boolean } : x));
  if (tasks.length === 0) return null;
  const editable = mayWork(request);
  const toggle = (taskId: string, done: boolean) => {
    setPending((p) => ({ ...p, [taskId]: done }));
    tick.mutate({ taskId, done }, {
      onError: () => setPending((p) => ({ ...p, [taskId]: !done })), // refused: show what is stored
    });
  };
  return (
    <Card title={t('aid.tasks.title')} id="aid-tasks">
      <p>{t('aid.tasks.progress', { done: tasks.filter((x) => x.done).length, total: tasks.length })}</p>
      <ErrorAlert error={tick.error} />
      <ul className="aid-tasks">
        {tasks.map((task) => (
          <li key={task.id}>
            <label>
              <input type="checkbox" checked={task.done} disabled={!editable} onChange={(e) => toggle(task.id, e.target.checked)} />
              <span>{task.text[locale]}{task.done ? <> <span className="tag tag-ok">{t('aid.tasks.done')}</span></> : null}</span>
            </label>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Thread({ posts, empty, label }: { posts: Post[]; empty: string; label: string }) {
  const { t, locale } = useI18n();
  if (posts.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ol className="plain-list aid-thread" aria-label={label}>
      {posts.map((p) => (
        <li key={p.id} className={`aid-side-${p.side}`}>
          <p><strong>{t(k(`aid.side.${p.side}`))}</strong> {p.author} <span className="muted">{formatDateTime(p.createdAt, locale)}</span></p>
          <p className="aid-post-body">{p.body}</p>
        </li>
      ))}
    </ol>
  );
}

function PostForm({ label, button, send }: { label: string; button: string; send: (body: string) => Promise<void> }) {
  const [body, setBody] = useState('');
  const post = useAidChange(send);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    post.mutate(body, { onSuccess: () => setBody('') });
  };
  return (
    <form onSubmit={submit}>
      <TextAreaField label={label} value={body} onValue={setBody} maxLength={10000} />
      <ErrorAlert error={post.error} />
      <button type="submit" disabled={post.isPending || !body.trim()}>{button}</button>
    </form>
  );
}

export function MessagesPanel({ request }: PanelProps) {
  const { t } = useI18n();
  if (!request.messages) return null;
  return (
    <Card title={t('aid.messages.title')} id="aid-messages">
      <Thread posts={request.messages} empty={t('aid.messages.none')} label={t('aid.messages.title')} />
      {mayWork(request) ? (
        <PostForm label={t('aid.messages.body')} button={t('aid.messages.send')} send={(body) => aidApi.message(request.id, body)} />
      ) : null}
    </Card>
  );
}

export function NotesPanel({ request }: PanelProps) {
  const { t } = useI18n();
  if (!request.notes) return null;
  return (
    <Card title={t('aid.notes.title')} id="aid-notes">
      <Thread posts={request.notes} empty={t('aid.notes.none')} label={t('aid.notes.title')} />
      <PostForm label={t('aid.notes.body')} button={t('aid.notes.add')} send={(body) => aidApi.note(request.id, body)} />
    </Card>
  );
}

export function ReportPanel({ request }: PanelProps) {
  const { t, locale } = useI18n();
  const grant = (request.grants ?? []).find((g) => g.revokedAt === null);
  const access = useAidChange(() => (grant ? aidApi.revoke(request.id) : aidApi.grant(request.id)));
  // The full text is read only when asked for, once: each read is recorded, so it is never refetched on its own.
  const [showFull, setShowFull] = useState(false);
  const full = useQuery({
    queryKey: ['aid-full-report', request.id],
    queryFn: () => aidApi.fullReport(request.id),
    enabled: showFull,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
  });
  const report = request.report;
  if (!report) return null;
  return (
    <Card title={t('aid.request.report')} id="aid-report">
      <ErrorAlert error={full.error ?? access.error} />
      {report.reportId ? <p><Link to={`/reports/${report.reportId}`}>{t('aid.request.openReport')}</Link></p> : null}
      {report.redactedText ? <p className="aid-report-text">{report.redactedText}</p> : <p className="muted">{t('aid.request.reportNone')}</p>}
      {report.fullAccess ? (
        !(showFull && full.data)
          ? <button type="button" className="button-secondary" disabled={full.isFetching || access.isPending} onClick={() => showFull ? void full.refetch() : setShowFull(true)}>{t('aid.request.showFull')}</button>
          : <><h3>{t('aid.request.fullReport')}</h3><p className="aid-report-text">{full.data.text}</p></>
      ) : null}
      {request.side === 'victim' && request.responder && active(request) ? (
        <>
          <h3>{t('aid.request.fullAccess')}</h3>
          <p>{t('aid.request.fullAccessLead')}</p>
          <p>{grant ? t('aid.request.granted', { time: formatDateTime(grant.grantedAt, locale) }) : t('aid.request.notGranted')}</p>
          <button type="button" className={grant ? 'button-danger' : 'button-secondary'} disabled={access.isPending || full.isFetching}
            onClick={() => access.mutate()}>
            {grant ? t('aid.request.revoke') : t('aid.request.grant')}
          </button>
        </>
      ) : null}
    </Card>
  );
}

export function ClosePanel({ request }: PanelProps) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState('resolved');
  const [rating, setRating] = useState('5');
  const [feedback, setFeedback] = useState('');
  const close = useAidChange((body: { outcome: string; rating?: number; feedback?: string }) => aidApi.close(request.id, body));
  if (request.status === 'closed') {
    return (
      <Card title={t('aid.close.title')} id="aid-close">
        <p>{t('aid.close.result', { outcome: t(k(`aid.outcome.${request.outcome ?? 'resolved'}`)) })}</p>
        {request.rating !== null ? <p>{t('aid.close.yourRating', { rating: request.rating })}</p> : null}
        {request.feedback ? <p className="aid-post-body">{request.feedback}</p> : null}
      </Card>
    );
  }
  if (request.side !== 'victim' || !active(request)) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    close.mutate({ outcome, ...(rating ? { rating: Number(rating) } : {}), ...(feedback.trim() ? { feedback } : {}) });
  };
  return (
    <Card title={t('aid.close.title')} id="aid-close">
      <form onSubmit={submit}>
        <SelectField label={t('aid.close.outcome')} value={outcome} onValue={setOutcome} options={OUTCOMES.map((o) => ({ value: o, label: t(k(`aid.outcome.${o}`)) }))} />
        <SelectField label={t('aid.close.rating')} value={rating} onValue={setRating} empty={t('aid.none')}
          options={[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: t('aid.close.ratingValue', { n }) }))} />
        <TextAreaField label={t('aid.close.feedback')} value={feedback} onValue={setFeedback} maxLength={2000} />
        <ErrorAlert error={close.error} />
        <button type="submit" disabled={close.isPending}>{t('aid.close.submit')}</button>
      </form>
    </Card>
  );
}
