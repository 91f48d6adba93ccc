// Scoring of held-out cases by strings (recall of `redact` occurrences, character precision, kept indicators).
import type { Span } from '../types.js';
import type { HeldOutCase } from './heldout.js';

const occurrences = (text: string, s: string): Span[] => {
  const out: Span[] = [];
  for (let i = text.indexOf(s); s.length > 0 && i >= 0; i = text.indexOf(s, i + 1)) out.push({ start: i, end: i + s.length });
  return out;
};

export interface CaseScore { missed: string[]; broken: string[]; redactedChars: number; trueChars: number; total: number; kept: number; keepTotal: number }

export function scoreCase(c: HeldOutCase, redactions: readonly Span[]): CaseScore {
  const mask = new Array<boolean>(c.text.length).fill(false);
  for (const r of redactions) for (let i = r.start; i < r.end; i++) mask[i] = true;
  const sens = new Array<boolean>(c.text.length).fill(false);
  const missed: string[] = [];
  let total = 0;
  for (const s of c.redact) {
    for (const o of occurrences(c.text, s)) {
      total++;
      for (let i = o.start; i < o.end; i++) sens[i] = true;
      if (!mask.slice(o.start, o.end).every(Boolean)) missed.push(s);
    }
  }
  const broken: string[] = [];
  let keepTotal = 0;
  for (const s of c.keep) for (const o of occurrences(c.text, s)) {
    keepTotal++;
    if (mask.slice(o.start, o.end).some(Boolean)) broken.push(s);
  }
  let redactedChars = 0;
  let trueChars = 0;
  for (let i = 0; i < c.text.length; i++) {
    if (!mask[i] || /\s/.test(c.text[i] as string)) continue;
    redactedChars++;
    if (sens[i]) trueChars++;
  }
  return { missed, broken, redactedChars, trueChars, total, kept: keepTotal - broken.length, keepTotal };
}
