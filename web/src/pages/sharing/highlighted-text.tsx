// The report text with every redaction and indicator marked as the coordinator has decided so far,
// saved or not. Each mark carries its words ("人名・墨消し"), so colour is never the only signal.
import type { ReactNode } from 'react';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import type { Decision, Redaction, Review } from './sharing-api.ts';

export type MarkKind = 'proposed' | 'redact' | 'keep' | 'indicator';

interface Mark {
  key: string;
  start: number;
  end: number;
  kind: MarkKind;
  label: string;
  unsaved: boolean;
}

export const labelKey = (label: string) => `sharing.label.${label}` as MessageKey;
const indicatorKey = (label: string) => `sharing.indicatorLabel.${label}` as MessageKey;

const kindOf = (decision: Decision | null): MarkKind => (decision === 'accepted' ? 'redact' : decision === 'rejected' ? 'keep' : 'proposed');

/**
 * The marks to draw, in text order and never overlapping: redactions first (the longest first where
 * several start together), then indicators where no redaction is.
 */
function marksOf(review: Review, decisionOf: (r: Redaction) => Decision | null, unsaved: (r: Redaction) => boolean): Mark[] {
  const taken = new Uint8Array(review.text.length);
  const marks: Mark[] = [];
  const claim = (mark: Mark) => {
    if (mark.start < 0 || mark.end > taken.length || mark.start >= mark.end) return;
    for (let i = mark.start; i < mark.end; i++) if (taken[i]) return;
    taken.fill(1, mark.start, mark.end);
    marks.push(mark);
  };
  const redactions = [...review.redactions].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const r of redactions) claim({ key: r.id, start: r.start, end: r.end, kind: kindOf(decisionOf(r)), label: r.label, unsaved: unsaved(r) });
  review.indicators.forEach((i, n) => claim({ key: `indicator-${n}`, start: i.start, end: i.end, kind: 'indicator', label: i.label, unsaved: false }));
  return marks.sort((a, b) => a.start - b.start);
}

export function HighlightedText({ review, decisionOf, unsaved }: {
  review: Review; decisionOf: (r: Redaction) => Decision | null; unsaved: (r: Redaction) => boolean;
}) {
  const { t } = useI18n();
  // A label the UI does not know yet (a newer server) shows as its code rather than as nothing.
  const words = (m: Mark) => (m.kind === 'indicator'
    ? t('sharing.mark.indicator', { label: t(indicatorKey(m.label), { defaultValue: m.label }) })
    : t(`sharing.mark.${m.kind}`, { label: t(labelKey(m.label), { defaultValue: m.label }) })) + (m.unsaved ? t('sharing.mark.unsaved') : '');
  const parts: ReactNode[] = [];
  let at = 0;
  for (const m of marksOf(review, decisionOf, unsaved)) {
    parts.push(review.text.slice(at, m.start));
    parts.push(
      <mark key={m.key} className={`hl hl-${m.kind}${m.unsaved ? ' hl-unsaved' : ''}`}>
        {review.text.slice(m.start, m.end)}
        <span className="hl-label"> [{words(m)}]</span>
      </mark>,
    );
    at = m.end;
  }
  parts.push(review.text.slice(at));
  return (
    <>
      <pre className="report-text" role="region" tabIndex={0} aria-label={t('sharing.review.highlighted')}>{parts}</pre>
      <Legend />
    </>
  );
}

const LEGEND: MarkKind[] = ['redact', 'keep', 'proposed', 'indicator'];

function Legend() {
  const { t } = useI18n();
  return (
    <div className="hl-legend">
      <h3 id="hl-legend-title">{t('sharing.legend.title')}</h3>
      <ul aria-labelledby="hl-legend-title">
        {LEGEND.map((kind) => (
          <li key={kind}>
            <mark className={`hl hl-${kind}`}><span className="hl-label">{t(`sharing.legend.name.${kind}`)}</span></mark>
            {' '}{t(`sharing.legend.${kind}`)}
          </li>
        ))}
      </ul>
    </div>
  );
}
