// One notice as a card in plain words: which device, how urgent (exploited in attacks first, then severity and the
// likelihood of attacks, end of support, internet exposure), what is wrong, what to do, why it matched, and what the
// member did about it; with "ask for help", which opens the report form filled in from the notice.
import { useMutation } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/alerts.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { GlossaryLink } from '../glossary/glossary-page.tsx';
import { TextWithError } from '../reports/quick-report-fields.tsx';
import { cvssText, epssText, subjectOf, todoWords, whyWords } from './finding-words.ts';
import { assetName, CLOSING_STATUSES, NOTE_MAX, NOTE_REQUIRED, useVulnsChange, vulnsApi, type Finding, type FindingStatus } from './vulns-api.ts';

export const statusLabel = (t: ReturnType<typeof useI18n>['t'], status: string): string =>
  ['open', ...CLOSING_STATUSES].includes(status) ? t(`finding.status.${status}` as MessageKey) : status;

/** The link to the report form prefilled from a notice (new-report-page.tsx reads it). */
export const helpHref = (orgId: string, findingId: string): string =>
  `/reports/new?finding=${encodeURIComponent(findingId)}&org=${encodeURIComponent(orgId)}`;

export function FindingCard({ finding: f, orgId, onSaved }: { finding: Finding; orgId: string; onSaved: (status: FindingStatus) => void }) {
  const { t, locale } = useI18n();
  const id = `finding-${f.id}`;
  const why = whyWords(t, f);
  const otherLanguage = f.description !== null && f.descriptionLanguage !== null && f.descriptionLanguage !== locale;
  return (
    <article className={f.kev && f.status === 'open' ? 'card finding-card finding-kev' : 'card finding-card'} aria-labelledby={id}>
      <p className="finding-device">{t(`asset.cat.${f.asset.category}` as MessageKey)}: {assetName(f.asset)}</p>
      <h3 id={id} tabIndex={-1}>{subjectOf(t, f)}</h3>
      {f.kev ? <p className="finding-kev-badge">{t('finding.kev')}</p> : null}
      {f.status !== 'open' ? (
        <p>
          <span className="tag tag-ok">{t('finding.status', { status: statusLabel(t, f.status) })}</span>{' '}
          {f.statusAt ? <span className="muted">{t('finding.statusAt', { when: formatDateTime(f.statusAt, locale) })}</span> : null}
        </p>
      ) : null}
      {f.status !== 'open' && f.note ? <p className="prewrap">{t('finding.statusNote', { note: f.note })}</p> : null}
      {f.reopenedAt && f.status === 'open' ? <p className="alert alert-info">{t('finding.reopened')}</p> : null}

      <h4>{t('finding.urgency')}</h4>
      <ul className="finding-urgency">
        {f.kev ? (
          <li>
            {t('finding.kevText', { date: f.kev.dateAdded })}
            {f.kev.ransomware ? ` ${t('finding.ransomware')}` : ''} <GlossaryLink term="kev" />
          </li>
        ) : null}
        {f.eol ? (
          <li>
            {t(f.eol.state === 'passed' ? 'finding.eolPassed' : 'finding.eolSoon', { date: f.eol.date ?? t('finding.eolUnknownDate') })}
            {' '}{t('finding.eolText')} <GlossaryLink term="eol" />
          </li>
        ) : null}
        {f.cvss ? <li>{cvssText(t, f.cvss)} {t('finding.cvssText')} <GlossaryLink term="cvss" /></li> : null}
        {f.epss ? <li>{epssText(t, f.epss)} <GlossaryLink term="epss" /></li> : null}
        {f.asset.internetFacing ? <li>{t('finding.internetFacing')}</li> : null}
      </ul>

      {f.kind !== 'eol' ? (
        <>
          <h4>{t('finding.what')}</h4>
          {f.description ? (
            <>
              {otherLanguage ? <p className="muted">{t('finding.descriptionOther')}</p> : null}
              <p className="finding-description" lang={f.descriptionLanguage ?? undefined}>{f.description}</p>
            </>
          ) : <p className="muted">{t('finding.noDescription')}</p>}
        </>
      ) : null}

      <h4>{t('finding.todo')}</h4>
      <p>{todoWords(t, f)}</p>
      {f.kev?.requiredAction ? <p>{t('finding.kevAction')} <span lang="en">{f.kev.requiredAction}</span></p> : null}
      {f.advisoryUrl ? <p><a href={f.advisoryUrl} target="_blank" rel="noopener noreferrer">{t('finding.advisory')}</a></p> : null}

      <h4>{t('finding.why')}</h4>
      <p>{why.rule}</p>
      {why.verdict ? <p className="muted">{why.verdict}</p> : null}
      <p className="muted">{t('finding.firstSeen', { when: formatDateTime(f.firstSeenAt, locale) })}</p>

      <StatusActions finding={f} orgId={orgId} onSaved={onSaved} />
      <div className="finding-help">
        <Link to={helpHref(orgId, f.id)} className="button" aria-describedby={`${id}-help`}>{t('finding.help')}</Link>
        <p className="hint" id={`${id}-help`}>{t('finding.helpHint')}</p>
      </div>
    </article>
  );
}

type Closing = (typeof CLOSING_STATUSES)[number];

/** Patched at once; mitigated, not applicable and accepted risk ask what was done or why first; reopen. */
function StatusActions({ finding: f, orgId, onSaved }: { finding: Finding; orgId: string; onSaved: (status: FindingStatus) => void }) {
  const { t } = useI18n();
  const groupId = useId();
  const [choosing, setChoosing] = useState<Closing | null>(null);
  const [note, setNote] = useState('');
  const [noteError, setNoteError] = useState('');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const changed = useVulnsChange();
  const mark = useMutation({
    mutationFn: (body: { status: FindingStatus; note?: string }) => vulnsApi.setStatus(orgId, f.id, body.status, body.note),
    onSuccess: async (_, body) => {
      setChoosing(null);
      onSaved(body.status);
      await changed();
    },
  });

  const choose = (status: Closing) => {
    mark.reset();
    if (status === 'patched') return mark.mutate({ status });
    setNote('');
    setNoteError('');
    setChoosing(status);
    window.setTimeout(() => noteRef.current?.focus(), 0);
  };

  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (!choosing) return;
    if (NOTE_REQUIRED.includes(choosing) && note.trim() === '') {
      setNoteError(t('finding.note.required'));
      noteRef.current?.focus();
      return;
    }
    mark.mutate({ status: choosing, note: note.trim() });
  };

  return (
    <div className="finding-actions" role="group" aria-labelledby={`${groupId}-title`}>
      <h4 id={`${groupId}-title`}>{t('finding.actions')}</h4>
      {f.status === 'open' ? (
        <div className="row-actions">
          {CLOSING_STATUSES.map((status) => (
            <button key={status} type="button" className={status === 'patched' ? undefined : 'button-secondary'} disabled={mark.isPending}
              aria-pressed={choosing === status ? true : undefined} onClick={() => choose(status)}>
              {t(`finding.act.${status}` as MessageKey)}
            </button>
          ))}
        </div>
      ) : (
        <div className="row-actions">
          <button type="button" className="button-secondary" disabled={mark.isPending} onClick={() => mark.mutate({ status: 'open' })}>{t('finding.act.reopen')}</button>
        </div>
      )}
      {choosing ? (
        <form className="finding-note-form" onSubmit={confirm} noValidate>
          <TextWithError
            label={t(`finding.note.${choosing}` as MessageKey)} hint={t(`finding.note.${choosing}.hint` as MessageKey)} value={note} rows={3}
            required={NOTE_REQUIRED.includes(choosing)} error={noteError} inputRef={noteRef}
            onValue={(value) => {
              if (value.trim()) setNoteError('');
              setNote(value.slice(0, NOTE_MAX));
            }}
          />
          <div className="row-actions">
            <button type="submit" disabled={mark.isPending}>{t('finding.confirm')}</button>
            <button type="button" className="button-secondary" onClick={() => setChoosing(null)}>{t('finding.cancel')}</button>
          </div>
        </form>
      ) : null}
      <ErrorAlert error={mark.error} />
    </div>
  );
}
