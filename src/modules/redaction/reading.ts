// Readings of Japanese text, for comparing names by sound: サクラ総合病院 and 桜総合病院 read alike. Used to find the
// member's own names written in kana (known.ts) and by the publication safety net (sharing/leak-check.ts).
import { analyserLoaded, loadAnalyser, tokenize } from './analyser.js';
import { fold } from './text.js';
import { RangedText, skeletonThrough, type Skeleton } from './variants.js';

// The text with each word the analyser knows replaced by its reading, each character keeping its word's range.
// The words are those of the folded text (same length, same offsets): the detectors analyse that one, so a report
// goes through the analyser once (its cache of recent texts) rather than once as folded and once as written.
function reading(text: string): RangedText {
  const out = new RangedText();
  let at = 0;
  for (const token of tokenize(fold(text))) {
    for (let i = at; i < token.start; i++) out.add(text[i] as string, i, i + 1);
    out.add(token.reading || text.slice(token.start, token.end), token.start, token.end);
    at = token.end;
  }
  for (let i = at; i < text.length; i++) out.add(text[i] as string, i, i + 1);
  return out;
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
