// Overlap resolution. Indicators are never redacted: a sensitive candidate that overlaps a kept indicator
// is dropped, except secrets, which win over hash-like or domain-like text inside them. Overlapping
// sensitive candidates merge into one span (so every sensitive character stays covered).
import type { Candidate, Indicator, Proposal } from './types.js';

type Sens = Extract<Candidate, { kind: 'sensitive' }>;
type Ind = Extract<Candidate, { kind: 'indicator' }>;

const overlap = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
const len = (c: { start: number; end: number }): number => c.end - c.start;

type Span = { start: number; end: number };

// Spans that do not overlap, sorted by start, have their ends sorted too: the one starting last before `a` ends is the
// only one that can overlap it. Binary searches keep resolution linear-logarithmic on a long report's thousands of
// candidates (it was quadratic).
function lastStartingBefore(sorted: readonly Span[], end: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as Span).start < end) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}
const overlapsAny = (disjoint: readonly Span[], a: Span): boolean => {
  const k = lastStartingBefore(disjoint, a.end);
  return k >= 0 && overlap(disjoint[k] as Span, a);
};

function dedupeIndicators(list: Ind[]): Ind[] {
  const sorted = [...list].sort((a, b) => len(b) - len(a) || a.start - b.start);
  const kept: Ind[] = []; // disjoint, sorted by start
  for (const c of sorted) if (!overlapsAny(kept, c)) kept.splice(lastStartingBefore(kept, c.end) + 1, 0, c);
  return kept;
}

// What the platform knows is the member's (its people, values coordinators taught it: known.ts) is never an indicator.
const KNOWN = new Set(['member_known_name', 'remembered_value']);
// A user or e-mail field of a log record, or a mail's recipient, names the member's people even on an outside domain.
const STRUCTURAL = new Set(['structured_field', 'mail_header_address']);
const beatsIndicator = (s: Sens, i: Ind): boolean =>
  (KNOWN.has(s.reason) || (STRUCTURAL.has(s.reason) && i.label === 'IOC_EMAIL') || ((s.label === 'SECRET' || s.label === 'ACCOUNT') && (i.label === 'IOC_HASH' || i.label === 'IOC_DOMAIN'))
    // A token in a known format is a credential wherever it stands, also when it is a whole URL (a Slack webhook).
    || (s.label === 'SECRET' && s.reason === 'known_token_format' && i.label === 'IOC_URL'))
  && s.start <= i.start && i.end <= s.end;

function mergeSensitive(list: Sens[]): Proposal[] {
  const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: (Proposal & { weight: number })[] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    const weight = (c.priority ?? 0) * 1000 + len(c);
    if (last && c.start < last.end) {
      if (weight > last.weight) Object.assign(last, { label: c.label, reason: c.reason, weight });
      last.end = Math.max(last.end, c.end);
      continue;
    }
    out.push({ start: c.start, end: c.end, label: c.label, reason: c.reason, weight });
  }
  return out.map(({ weight: _w, ...p }) => p);
}

export function resolve(candidates: Candidate[]): { proposals: Proposal[]; indicators: Indicator[] } {
  const sens = candidates.filter((c): c is Sens => c.kind === 'sensitive' && c.end > c.start);
  let inds = dedupeIndicators(candidates.filter((c): c is Ind => c.kind === 'indicator'));
  // The indicators inside each sensitive span (indicators are disjoint and sorted), and whether that span beats them.
  const beaten = new Set<Ind>();
  for (const s of sens) {
    for (let k = lastStartingBefore(inds, s.start) + 1; k < inds.length && (inds[k] as Ind).start < s.end; k++) {
      if (beatsIndicator(s, inds[k] as Ind)) beaten.add(inds[k] as Ind);
    }
  }
  inds = inds.filter((i) => !beaten.has(i));
  const kept = sens.filter((s) => !overlapsAny(inds, s));
  const indicators = inds.map(({ kind: _k, ...i }) => i);
  return { proposals: mergeSensitive(kept), indicators };
}
