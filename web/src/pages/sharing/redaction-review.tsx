// Step 1 of publishing: every proposal accepted or rejected, missed ones added by selecting text.
// Decisions show in the highlighted text at once; they are recorded (and logged) when saved.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/alerts.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Card } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { explainReason } from '../../../../src/modules/redaction/reasons.ts';
import { HighlightedText, labelKey } from './highlighted-text.tsx';
import { REDACTION_LABELS, sharingApi, type Addition, type Decision, type Redaction, type Review } from './sharing-api.ts';

function DecisionRow({ item, decision, readOnly, onDecision }: { item: Redaction; decision: Decision | null; readOnly: boolean; onDecision: (d: Decision) => void }) {
  const { t, locale } = useI18n();
  const name = `decision-${item.id}`;
  const reason = item.origin === 'coordinator' ? t('sharing.review.origin.coordinator') : explainReason(item.reason, locale);
  return (
    <tr>
      <td><code>{item.text}</code></td>
      <td>{t(labelKey(item.label), { defaultValue: item.label })}<span className="narrow-only hint">{reason}</span></td>
      <td className="wide-only">{reason}</td>
      <td>
        <fieldset className="inline-choice">
          <legend className="visually-hidden">{t('sharing.review.decision')}: {item.text}</legend>
          {(['accepted', 'rejected'] as const).map((d) => (
            <label key={d} className="checkbox">
              <input type="radio" name={name} checked={decision === d} disabled={readOnly} onChange={() => onDecision(d)} />
              {t(d === 'accepted' ? 'sharing.review.accept' : 'sharing.review.reject')}
            </label>
          ))}
        </fieldset>
      </td>
    </tr>
  );
}

function AddRedaction({ review, pending, onAdd }: { review: Review; pending: boolean; onAdd: (a: Addition, onAdded: () => void) => void }) {
  const { t } = useI18n();
  const source = useRef<HTMLTextAreaElement>(null);
  const [range, setRange] = useState<{ start: number; end: number } | null>(null);
  const [label, setLabel] = useState<string>('PERSON');
  const [remember, setRemember] = useState(true);
  const track = () => {
    const el = source.current;
    setRange(el && el.selectionEnd > el.selectionStart ? { start: el.selectionStart, end: el.selectionEnd } : null);
  };
  const add = () => {
    if (!range) return;
    onAdd({ ...range, label, remember }, () => {
      setRange(null);
      setRemember(true); // each new value starts from the safe default
    });
  };
  return (
    <div className="add-redaction">
      <h3>{t('sharing.review.add.title')}</h3>
      <label htmlFor="redaction-source">{t('sharing.review.add.source')}</label>
      <textarea id="redaction-source" ref={source} readOnly value={review.text} rows={6} onSelect={track} onKeyUp={track} onMouseUp={track} />
      <p className="hint" aria-live="polite">
        {range ? t('sharing.review.add.selection', { text: review.text.slice(range.start, range.end) }) : t('sharing.review.add.noSelection')}
      </p>
      <SelectField label={t('sharing.review.label')} value={label} onValue={setLabel} options={REDACTION_LABELS.map((l) => ({ value: l, label: t(labelKey(l)) }))} />
      <div className="field">
        <label className="checkbox">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} aria-describedby="remember-hint" />
          {t('sharing.review.add.remember')}
        </label>
        <p className="hint" id="remember-hint">{t('sharing.review.add.rememberHint')}</p>
      </div>
      <button type="button" className="button button-secondary" disabled={!range || pending} onClick={add}>
        {t('sharing.review.add.button')}
      </button>
    </div>
  );
}

export function RedactionReview({ reportId, review, readOnly = false }: { reportId: string; review: Review; readOnly?: boolean }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, Decision>>({});
  const savedNote = useRef<HTMLParagraphElement>(null);
  const decisionOf = (r: Redaction): Decision | null => choices[r.id] ?? r.decision;
  const unsaved = (r: Redaction) => r.id in choices && choices[r.id] !== r.decision;
  const changed = review.redactions.filter(unsaved).map((r) => ({ id: r.id, decision: choices[r.id] as Decision }));
  // Adding a redaction keeps the decisions not yet saved; saving them clears them.
  // The server answers with the whole new review: it becomes the cached one (the draft follows from its key).
  const action = useMutation({
    mutationFn: ({ body }: { body: Parameters<typeof sharingApi.decide>[1]; message: string }) => {
      setSaved(null);
      return sharingApi.decide(reportId, body);
    },
    onSuccess: (next, { body, message }) => {
      queryClient.setQueryData(['sharing', 'review', reportId], next);
      if (body.decisions) setChoices({});
      setSaved(message);
    },
  });
  const send = (body: Parameters<typeof sharingApi.decide>[1], message: string, onSent?: () => void) =>
    action.mutate({ body, message }, { onSuccess: () => onSent?.() });
  // Once saved, the keyboard continues from the note that says so (the save button is disabled by then).
  useEffect(() => { if (saved && !action.isPending) savedNote.current?.focus(); }, [saved, action.isPending]);
  const choose = (id: string, d: Decision) => { setSaved(null); setChoices({ ...choices, [id]: d }); };
  const acceptAll = () => {
    setSaved(null);
    setChoices({ ...choices, ...Object.fromEntries(review.redactions.filter((r) => decisionOf(r) === null).map((r) => [r.id, 'accepted' as const])) });
  };
  const add = (a: Addition, onAdded: () => void) =>
    send({ version: review.version, additions: [a] }, t(a.remember ? 'sharing.review.addedRemembered' : 'sharing.review.added', { text: review.text.slice(a.start, a.end) }), onAdded);
  const stillUndecided = review.redactions.filter((r) => decisionOf(r) === null).length;
  return (
    <Card title={t('sharing.review.title')} id="redaction-review">
      <p>{t('sharing.review.intro')}</p>
      <p className={review.undecided > 0 ? 'tag tag-warn' : 'tag tag-ok'} role="status">
        {review.undecided > 0 ? t('sharing.review.undecided', { count: review.undecided }) : t('sharing.review.done')}
      </p>
      <HighlightedText review={review} decisionOf={decisionOf} unsaved={unsaved} />
      {review.redactions.length === 0 ? <p>{t('sharing.review.none')}</p> : (
        <div className="table-wrap review-table">
          <table>
            <caption className="visually-hidden">{t('sharing.review.title')}</caption>
            <thead><tr>
              <th scope="col">{t('sharing.review.text')}</th><th scope="col">{t('sharing.review.label')}</th>
              <th scope="col" className="wide-only">{t('sharing.review.reason')}</th><th scope="col">{t('sharing.review.decision')}</th>
            </tr></thead>
            <tbody>
              {review.redactions.map((r) => (
                <DecisionRow key={r.id} item={r} decision={decisionOf(r)} readOnly={readOnly} onDecision={(d) => choose(r.id, d)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorAlert error={action.error} />
      <p className="hint" aria-live="polite">
        {changed.length > 0 ? t('sharing.review.unsaved', { count: changed.length }) : null}
        {changed.length > 0 && stillUndecided > 0 ? ` ${t('sharing.review.stillUndecided', { count: stillUndecided })}` : null}
      </p>
      {saved && !action.isPending ? <p className="alert alert-success" role="status" tabIndex={-1} ref={savedNote}>{saved}</p> : null}
      {readOnly ? <p className="hint">{t('sharing.review.readOnly')}</p> : (
        <>
          <div className="form-actions">
            <button type="button" className="button button-secondary" onClick={acceptAll} disabled={stillUndecided === 0}>{t('sharing.review.acceptAll')}</button>
            <button type="button" className="button" disabled={changed.length === 0 || action.isPending}
              onClick={() => send({ version: review.version, decisions: changed }, t('sharing.review.saved'))}>
              {t('sharing.review.save')}
            </button>
          </div>
          <AddRedaction review={review} pending={action.isPending} onAdd={add} />
        </>
      )}
    </Card>
  );
}
