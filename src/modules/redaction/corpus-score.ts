// Scoring of proposed redactions against a labelled corpus: the same numbers, printed the same way, as the
// shared corpus's score.py (per-label recall, overall recall, character precision, indicators kept).
// Pure: the caller reads the files. Offsets are JavaScript string indices (UTF-16 code units), as the corpus
// format defines them; score.py indexes by code points, so the two agree on texts inside the Basic
// Multilingual Plane (all corpora of the project are).
import { INDICATOR_LABELS } from './types.js';

export interface LabelledSpan { start: number; end: number; label: string }
export interface LabelledRecord { id: unknown; text: string; spans: LabelledSpan[] }
export interface PredictedRecord { id: unknown; redactions: { start: number; end: number }[] }

export interface LabelRecall { label: string; hit: number; total: number }

export interface CorpusScore {
  records: number;
  missingPredictions: number;
  // Sensitive labels only, sorted by name.
  labels: LabelRecall[];
  hit: number;
  total: number;
  // Non-space characters redacted, and how many of them lie inside a sensitive span.
  redactedChars: number;
  trueChars: number;
  kept: number;
  indicators: number;
  recall: number;
  precision: number;
  indicatorsKept: number;
}

const KEEP: ReadonlySet<string> = new Set(INDICATOR_LABELS);

// Python's str.isspace() for one character (JavaScript's \s differs: it has U+FEFF, lacks U+001C-U+001F and U+0085).
const PY_SPACE: ReadonlySet<number> = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680,
  0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
]);
export const isPythonSpace = (ch: string): boolean => ch.length === 1 && PY_SPACE.has(ch.charCodeAt(0));

// Python's format(x, '.Nf'): the exact binary value rounded half to even (Number#toFixed rounds ties up).
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) throw new Error(`cannot format ${x}`);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const negative = bits >> 63n === 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let exponent = -1074;
  if (biased !== 0) {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  // |x| = mantissa * 2^exponent exactly; scale by 10^digits and round half to even.
  let num = mantissa * 10n ** BigInt(digits);
  let den = 1n;
  if (exponent >= 0) num <<= BigInt(exponent);
  else den <<= BigInt(-exponent);
  let q = num / den;
  const twice = (num % den) * 2n;
  if (twice > den || (twice === den && q % 2n === 1n)) q += 1n;
  const s = q.toString().padStart(digits + 1, '0');
  const body = digits > 0 ? `${s.slice(0, -digits)}.${s.slice(-digits)}` : s;
  return negative ? `-${body}` : body;
}

export function scoreCorpus(corpus: readonly LabelledRecord[], predictions: readonly PredictedRecord[]): CorpusScore {
  // Like score.py's dicts: a repeated id replaces the earlier record (and keeps its place), the last prediction wins.
  const records = new Map<unknown, LabelledRecord>();
  for (const r of corpus) records.set(r.id, r);
  const predicted = new Map<unknown, PredictedRecord['redactions']>();
  for (const p of predictions) predicted.set(p.id, p.redactions);

  const hit = new Map<string, number>();
  const total = new Map<string, number>();
  let missing = 0;
  let kept = 0;
  let indicators = 0;
  let redactedChars = 0;
  let trueChars = 0;
  for (const [id, r] of records) {
    const redactions = predicted.get(id);
    if (redactions === undefined) missing++;
    const n = r.text.length;
    const mask = new Uint8Array(n);
    for (const s of redactions ?? []) for (let i = Math.max(0, s.start); i < Math.min(n, s.end); i++) mask[i] = 1;
    const sensitive = new Uint8Array(n);
    for (const s of r.spans) {
      const covered = mask.subarray(s.start, s.end);
      if (KEEP.has(s.label)) {
        indicators++;
        if (!covered.includes(1)) kept++;
      } else {
        total.set(s.label, (total.get(s.label) ?? 0) + 1);
        sensitive.fill(1, s.start, s.end);
        if (!covered.includes(0)) hit.set(s.label, (hit.get(s.label) ?? 0) + 1);
      }
    }
    for (let i = 0; i < n; i++) {
      if (mask[i] === 0 || isPythonSpace(r.text[i] as string)) continue;
      redactedChars++;
      if (sensitive[i] === 1) trueChars++;
    }
  }
  const labels = [...total.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((label) => ({ label, hit: hit.get(label) ?? 0, total: total.get(label) ?? 0 }));
  const sumHit = labels.reduce((sum, l) => sum + l.hit, 0);
  const sumTotal = labels.reduce((sum, l) => sum + l.total, 0);
  return {
    records: records.size,
    missingPredictions: missing,
    labels,
    hit: sumHit,
    total: sumTotal,
    redactedChars,
    trueChars,
    kept,
    indicators,
    recall: sumHit / Math.max(1, sumTotal),
    precision: redactedChars > 0 ? trueChars / redactedChars : 0,
    indicatorsKept: kept / Math.max(1, indicators),
  };
}

// The lines score.py prints; the last one is the summary.
export function formatCorpusScore(score: CorpusScore): string[] {
  return [
    ...score.labels.map((l) => `${l.label.padEnd(16)} recall ${formatFixed(l.hit / l.total, 3)} (${l.hit}/${l.total})`),
    `records ${score.records} missing_predictions ${score.missingPredictions}`,
    `recall=${formatFixed(score.recall, 4)} precision=${formatFixed(score.precision, 4)} indicators_kept=${formatFixed(score.indicatorsKept, 4)}`,
  ];
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

function jsonLines(text: string, what: string): { value: Record<string, unknown>; where: string }[] {
  const out: { value: Record<string, unknown>; where: string }[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    const where = `${what} line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${where}: not valid JSON`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${where}: not a JSON object`);
    out.push({ value: value as Record<string, unknown>, where });
  });
  return out;
}

// Corpus JSON lines {id, text, spans:[{start, end, label}]}; a span must lie inside its text.
export function parseCorpusJsonl(text: string): LabelledRecord[] {
  return jsonLines(text, 'corpus').map(({ value, where }) => {
    const { id, text: body, spans } = value;
    if (typeof body !== 'string') throw new Error(`${where}: a record needs a "text" string`);
    if (!Array.isArray(spans)) throw new Error(`${where}: a record needs a "spans" array`);
    return {
      id,
      text: body,
      spans: spans.map((s: unknown) => {
        const { start, end, label } = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>;
        if (!isInt(start) || !isInt(end) || typeof label !== 'string' || start < 0 || start > end || end > body.length) {
          throw new Error(`${where}: bad span ${JSON.stringify(s)}`);
        }
        return { start, end, label };
      }),
    };
  });
}

// Prediction JSON lines {id, redactions:[{start, end, label?}]}; no "redactions" means none.
export function parsePredictionsJsonl(text: string): PredictedRecord[] {
  return jsonLines(text, 'predictions').map(({ value, where }) => {
    const redactions = value.redactions ?? [];
    if (!Array.isArray(redactions)) throw new Error(`${where}: "redactions" must be an array`);
    return {
      id: value.id,
      redactions: redactions.map((s: unknown) => {
        const { start, end } = (typeof s === 'object' && s !== null ? s : {}) as Record<string, unknown>;
        if (!isInt(start) || !isInt(end)) throw new Error(`${where}: bad redaction ${JSON.stringify(s)}`);
        return { start, end };
      }),
    };
  });
}

// score.py on the contents of its two files: the lines it prints.
export const scoreJsonl = (corpus: string, predictions: string): string[] =>
  formatCorpusScore(scoreCorpus(parseCorpusJsonl(corpus), parsePredictionsJsonl(predictions)));
