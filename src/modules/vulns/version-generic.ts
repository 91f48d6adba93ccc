// A cautious comparator for vendor versions with no package ecosystem (appliance firmware, CPE versions):
// "7.2.4" < "7.2.10", "2.8.123" < "2.8.123e", "1.0-rc1" < "1.0", "7.0.12" < "7.0.12-r1", "R80.40" < "R81".
// Written by hand: no package orders these shapes. It answers null rather than guess whenever two strings
// disagree in shape (an unknown word against a number, two different post-release words, different prefixes).
import { type Comparison, compareDigits, compareText } from './version-common.js';

type Token =
  | { kind: 'num'; digits: string }
  | { kind: 'pre'; rank: number; digits: string }
  | { kind: 'post'; word: string; digits: string }
  | { kind: 'letter'; letter: string }
  | { kind: 'word'; word: string };

// Pre-release words sort below the release; their rank orders them among themselves.
const PRE: Record<string, number> = {
  dev: 0, alpha: 1, a: 1, beta: 2, b: 2, pre: 3, preview: 3, milestone: 3, m: 3, rc: 4, cr: 4,
};
// Post-release words (patch levels, revisions, service packs) sort above the release; each word is its own scale.
const POST: Record<string, string> = {
  p: 'patch', pl: 'patch', patch: 'patch', r: 'rev', rev: 'rev', revision: 'rev', sp: 'sp', u: 'update',
  update: 'update', hotfix: 'hotfix', hf: 'hotfix', post: 'post', mr: 'mr',
};

interface Parsed {
  prefix: string;
  /** The leading dotted numbers: "7.2.10" of "7.2.10-rc1". */
  release: string[];
  /** What follows the release numbers: pre/post-release words, patch letters, unknown words. */
  suffix: Token[];
  build: string | null;
}

const ALLOWED = /^[a-z0-9._+~ -]+$/;

export function parseGeneric(input: string): Parsed | null {
  let text = input.trim().toLowerCase();
  if (text === '' || !ALLOWED.test(text)) return null;
  // A build number ("7.2.4 build1396", "7.2.4-b1396" is not: "b" is beta) is metadata of the release it follows.
  let build: string | null = null;
  const buildMatch = /[\s._+-]*(?:build|bld)[\s._-]*(\d+)$/.exec(text);
  if (buildMatch && buildMatch.index > 0) {
    build = buildMatch[1] as string;
    text = text.slice(0, buildMatch.index);
  }
  // A product-line prefix before the first digit ("R80.40") must be the same on both sides; a bare "v" is dropped.
  const prefixMatch = /^([a-z]+)[ ._-]?(?=\d)/.exec(text);
  let prefix = '';
  if (prefixMatch) {
    prefix = prefixMatch[1] === 'v' ? '' : (prefixMatch[1] as string);
    text = text.slice(prefixMatch[0].length);
  }
  const runs = text.match(/[0-9]+|[a-z]+|[._+~ -]+/g) ?? [];
  const release: string[] = [];
  let i = 0;
  // Release numbers: digits separated by single dots.
  while (i < runs.length && /^[0-9]/.test(runs[i] as string)) {
    release.push(runs[i] as string);
    if (runs[i + 1] === '.' && /^[0-9]/.test(runs[i + 2] ?? '')) i += 2;
    else {
      i += 1;
      break;
    }
  }
  if (release.length === 0) return null;
  const suffix = suffixTokens(runs, i);
  return suffix ? { prefix, release, suffix, build } : null;
}

function suffixTokens(runs: string[], from: number): Token[] | null {
  const tokens: Token[] = [];
  for (let i = from; i < runs.length; i++) {
    const run = runs[i] as string;
    if (/^[0-9]/.test(run)) {
      tokens.push({ kind: 'num', digits: run });
      continue;
    }
    if (!/^[a-z]/.test(run)) continue;
    const attachedToNumber = /^[0-9]/.test(runs[i - 1] ?? '');
    // The number right after a word (optionally behind one separator) belongs to the word: "rc1", "rc.1", "p-2".
    let digits = '';
    if (/^[0-9]/.test(runs[i + 1] ?? '')) {
      digits = runs[i + 1] as string;
      i += 1;
    } else if (/^[._-]$/.test(runs[i + 1] ?? '') && /^[0-9]/.test(runs[i + 2] ?? '')) {
      digits = runs[i + 2] as string;
      i += 2;
    }
    const pre = PRE[run];
    const post = POST[run];
    if (digits === '' && run.length === 1 && attachedToNumber) {
      // "2.8.123e", "1.0.2k": a letter glued to a number is a later patch letter of that number.
      tokens.push({ kind: 'letter', letter: run });
    } else if (pre !== undefined) {
      tokens.push({ kind: 'pre', rank: pre, digits: digits || '0' });
    } else if (post !== undefined) {
      tokens.push({ kind: 'post', word: post, digits: digits || '0' });
    } else {
      tokens.push({ kind: 'word', word: run });
      if (digits) tokens.push({ kind: 'num', digits });
    }
  }
  return tokens;
}

// null stands for "no token here" (the shorter version ended); it behaves as the release itself.
function compareToken(a: Token | null, b: Token | null): Comparison | null {
  if (a === null && b === null) return 0;
  if (a === null) return invert(compareToken(b, null));
  if (a.kind === 'num') {
    if (b === null) return /^0+$/.test(a.digits) ? 0 : 1;
    if (b.kind === 'num') return compareDigits(a.digits, b.digits);
    return b.kind === 'pre' ? 1 : null; // 1.0-1 against 1.0-p1 or 1.0-foo: no safe answer
  }
  if (a.kind === 'pre') {
    if (b === null || b.kind === 'post' || b.kind === 'letter' || b.kind === 'num') return -1;
    if (b.kind === 'pre') return a.rank !== b.rank ? (a.rank < b.rank ? -1 : 1) : compareDigits(a.digits, b.digits);
    return null;
  }
  if (a.kind === 'post') {
    if (b === null || b.kind === 'pre') return 1;
    return b.kind === 'post' && a.word === b.word ? compareDigits(a.digits, b.digits) : null;
  }
  if (a.kind === 'letter') {
    if (b === null || b.kind === 'pre') return 1;
    return b.kind === 'letter' ? compareText(a.letter, b.letter) : null;
  }
  return b !== null && b.kind === 'word' && b.word === a.word ? 0 : null;
}

const invert = (c: Comparison | null): Comparison | null => (c === null ? null : c === 0 ? 0 : c === 1 ? -1 : 1);

function compareRelease(left: Parsed, right: Parsed): Comparison | null {
  const length = Math.max(left.release.length, right.release.length);
  for (let i = 0; i < length; i++) {
    const result = compareDigits(left.release[i] ?? '0', right.release[i] ?? '0');
    if (result === 0) continue;
    // "2.8.123e" against "2.8.123.1": the letter and the extra number both refine 123; their order is a guess.
    const shorter = i >= left.release.length ? left : i >= right.release.length ? right : null;
    const refined = shorter?.suffix[0];
    if (refined && refined.kind !== 'pre') return null;
    return result;
  }
  return 0;
}

export function compareGeneric(a: string, b: string): Comparison | null {
  const left = parseGeneric(a);
  const right = parseGeneric(b);
  if (!left || !right || left.prefix !== right.prefix) return null;
  const release = compareRelease(left, right);
  if (release !== 0) return release;
  const length = Math.max(left.suffix.length, right.suffix.length);
  for (let i = 0; i < length; i++) {
    const result = compareToken(left.suffix[i] ?? null, right.suffix[i] ?? null);
    if (result !== 0) return result;
  }
  // Builds decide only when both sides have one: "7.2.4" and "7.2.4 build1396" are the same release.
  if (left.build !== null && right.build !== null) return compareDigits(left.build, right.build);
  return 0;
}
