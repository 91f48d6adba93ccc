// Readings of Japanese text, for comparing names by sound: サクラ総合病院 and 桜総合病院 read alike. Used to find the
// member's own names written in kana (known.ts) and by the publication safety net (sharing/leak-check.ts).
import { analyserLoaded, loadAnalyser, tokenize } from './analyser.js';
import { skeletonThrough, type Skeleton } from './variants.js';

interface Reading {
  readonly text: string;
  // For each character of the reading, the range of the original text it stands for (its word).
  readonly start: readonly number[];
  readonly end: readonly number[];
}

function reading(text: string): Reading {
  let out = '';
  const start: number[] = [];
  const end: number[] = [];
  const add = (chars: string, s: number, e: number) => {
    out += chars;
    for (let k = 0; k < chars.length; k++) {
      start.push(s);
      end.push(e);
    }
  };
  let at = 0;
  for (const token of tokenize(text)) {
    for (let i = at; i < token.start; i++) add(text[i] as string, i, i + 1);
    add(token.reading || token.surface, token.start, token.end);
    at = token.end;
  }
  for (let i = at; i < text.length; i++) add(text[i] as string, i, i + 1);
  return { text: out, start, end };
}

/** The text with each Japanese word replaced by its reading in katakana (words the dictionary lacks as written). */
export function readingOf(text: string): string {
  return analyserLoaded() ? reading(text).text : text;
}

/** The skeleton of the text's reading, with ranges of the text itself; undefined before the analyser is loaded. */
export function readingSkeleton(text: string): Skeleton | undefined {
  if (!analyserLoaded()) return undefined;
  const r = reading(text);
  return skeletonThrough(r.text, r.start, r.end);
}

/** readingOf, once the analyser is loaded (it loads once per process). */
export async function readingFunction(): Promise<(text: string) => string> {
  await loadAnalyser();
  return readingOf;
}
