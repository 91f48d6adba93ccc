// Step 1 of publishing: every proposal accepted or rejected, missed ones added by selecting text.
import { useRef, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../../components/alerts.tsx';
import { SelectField } from '../../components/fields.tsx';
import { Card } from '../../components/page.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { useAction } from '../../lib/use-load.ts';
import { explainReason } from '../../../../src/modules/redaction/reasons.ts';
import { REDACTION_LABELS, sharingApi, type Decision, type Redaction, type Review } from './sharing-api.ts';

export const labelKey = (label: string) => `sharing.label.${label}` as MessageKey;

function Highlighted({ review }: { review: Review }) {
  const { t } = useI18n();
  const parts: ReactNode[] = [];
  let at = 0;
  const shown = review.redactions.filter((r) => r.decision !== 'rejected' && r.start >= at);
  for (const r of shown) {
    if (r.start < at) continue;
    parts.push(review.text.slice(at, r.start));
    parts.push(
      <mark key={r.id} className={r.decision === 'accepted' ? 'redaction redaction-accepted' : 'redaction'} title={t(labelKey(r.label))}>
        {review.text.slice(r.start, r.end)}
        <span className="redaction-label"> [{t(labelKey(r.label))}]</span>
      </mark>,
    );
    at = r.end;
  }
  parts.push(review.text.slice(at));
  return <pre className="report-text" aria-label={t('sharing.review.highlighted')}>{parts}</pre>;
}

function DecisionRow({ item, decision, onDecision }: { item: Redaction; decision: Decision | null; onDecision: (d: Decision) => void }) {
  const { t, locale } = useI18n();
  const name = `decision-${item.id}`;
  return (
    <tr>
      <td><code>{item.text}</code></td>
      <td>{t(labelKey(item.label))}</td>
      <td className="wide-only">{item.origin === 'coordinator' ? t('sharing.review.origin.coordinator') : explainReason(item.reason, locale)}</td>
      <td>
        <fieldset className="inline-choice">
          <legend className="visually-hidden">{t('sharing.review.decision')}: {item.text}</legend>
          {(['accepted', 'rejected'] as const).map((d) => (
            <label key={d} className="checkbox">
              <input type="radio" name={name} checked={decision === d} onChange={() => onDecision(d)} />
              {t(d === 'accepted' ? 'sharing.review.accept' : 'sharing.review.reject')}
            </label>
          ))}
        </fieldset>
      </td>
    </tr>
  );
}

function AddRedaction({ review, onAdd }: { review: Review; onAdd: (a: { start: number; end: number; label: string }) => Promise<boolean> }) {
  const { t } = useI18n();
  const source = useRef<HTMLTextAreaElement>(null);
  const [range, setRange] = useState<{ start: number; end: number } | null>(null);
  const [label, setLabel] = useState<string>('PERSON');
  const track = () => {
    const el = source.current;
    setRange(el && el.selectionEnd > el.selectionStart ? { start: el.selectionStart, end: el.selectionEnd } : null);
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
      <button type="button" className="button button-secondary" disabled={!range} onClick={async () => {
        if (range && (await onAdd({ ...range, label }))) setRange(null);
      }}>
        {t('sharing.review.add.button')}
      </button>
    </div>
  );
}

export function RedactionReview({ reportId, review, onChange }: { reportId: string; review: Review; onChange: (r: Review) => void }) {
  const { t } = useI18n();
  const action = useAction();
  const [saved, setSaved] = useState(false);
  const [choices, setChoices] = useState<Record<string, Decision>>({});
  const decisionOf = (r: Redaction): Decision | null => choices[r.id] ?? r.decision;
  const send = (body: Parameters<typeof sharingApi.decide>[1]) => action.run(async () => {
    onChange(await sharingApi.decide(reportId, body));
    setChoices({});
    setSaved(true);
  });
  const changed = Object.entries(choices).map(([id, decision]) => ({ id, decision }));
  const acceptAll = () => setChoices(Object.fromEntries(review.redactions.filter((r) => decisionOf(r) === null).map((r) => [r.id, 'accepted' as const])));
  return (
    <Card title={t('sharing.review.title')} id="redaction-review">
      <p>{t('sharing.review.intro')}</p>
      <p className={review.undecided > 0 ? 'tag tag-warn' : 'tag tag-ok'} role="status">
        {review.undecided > 0 ? t('sharing.review.undecided', { count: review.undecided }) : t('sharing.review.done')}
      </p>
      <Highlighted review={review} />
      {review.redactions.length === 0 ? <p>{t('sharing.review.none')}</p> : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('sharing.review.title')}</caption>
            <thead><tr>
              <th scope="col">{t('sharing.review.text')}</th><th scope="col">{t('sharing.review.label')}</th>
              <th scope="col" className="wide-only">{t('sharing.review.reason')}</th><th scope="col">{t('sharing.review.decision')}</th>
            </tr></thead>
            <tbody>
              {review.redactions.map((r) => (
                <DecisionRow key={r.id} item={r} decision={decisionOf(r)} onDecision={(d) => { setSaved(false); setChoices({ ...choices, [r.id]: d }); }} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ErrorAlert error={action.error} />
      {saved && !action.pending ? <p className="alert alert-success" role="status">{t('sharing.review.saved')}</p> : null}
      <div className="form-actions">
        <button type="button" className="button button-secondary" onClick={acceptAll} disabled={review.undecided === 0}>{t('sharing.review.acceptAll')}</button>
        <button type="button" className="button" disabled={changed.length === 0 || action.pending} onClick={() => send({ version: review.version, decisions: changed })}>
          {t('sharing.review.save')}
        </button>
      </div>
      <AddRedaction review={review} onAdd={(a) => send({ version: review.version, additions: [a] })} />
    </Card>
  );
}
