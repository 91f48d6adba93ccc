// Reads a STIX bundle from a stream one object at a time, so a 1 GB bundle never needs 1 GB of memory.
// A small scanner finds where each element of the top-level "objects" array begins and ends; each element
// is then parsed on its own with JSON.parse. Other top-level members (type, id) are small and parsed too.

export class BundleFormatError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} (at character ${offset})`);
  }
}

export type BundleItem = { kind: 'object'; index: number; value: unknown } | { kind: 'header'; value: Record<string, unknown> };

interface ScanState {
  depth: number;
  inString: boolean;
  escape: boolean;
  expectKey: boolean;
  expectColon: boolean;
  key: string | null;
  keyStart: number; // start of the current key text in `pending`, -1 when not reading a key
  capture: string | null; // the element or top-level value being collected
  captureDepth: number;
  offset: number;
  started: boolean;
  ended: boolean;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\ufeff']);

export async function* readBundle(
  input: AsyncIterable<string | Uint8Array>,
  options: { maxObjectChars?: number } = {},
): AsyncGenerator<BundleItem> {
  const maxChars = options.maxObjectChars ?? 64 * 1024 * 1024;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const s: ScanState = { depth: 0, inString: false, escape: false, expectKey: false, expectColon: false, key: null, keyStart: -1, capture: null, captureDepth: 0, offset: 0, started: false, ended: false };
  const header: Record<string, unknown> = {};
  let index = 0;
  let keyText = '';

  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let captureFrom = s.capture === null ? -1 : 0;
    for (let i = 0; i < text.length; i++, s.offset++) {
      const c = text[i]!;
      if (s.inString) {
        if (s.escape) s.escape = false;
        else if (c === '\\') s.escape = true;
        else if (c === '"') {
          s.inString = false;
          if (s.keyStart >= 0) {
            s.key = JSON.parse(`"${keyText}"`) as string;
            s.keyStart = -1;
            keyText = '';
          }
        }
        if (s.keyStart >= 0 && s.inString) keyText += c;
        continue;
      }
      if (WHITESPACE.has(c)) continue;
      if (s.ended) throw new BundleFormatError('unexpected content after the bundle', s.offset);
      if (!s.started) {
        if (c !== '{') throw new BundleFormatError('a bundle must be a JSON object', s.offset);
        s.started = true;
        s.depth = 1;
        s.expectKey = true;
        continue;
      }
      // Top level of the bundle: keys, colons, commas and the start of values.
      if (s.depth === 1 && s.capture === null) {
        if (s.expectKey) {
          if (c === '}' ) { s.ended = true; s.depth = 0; continue; }
          if (c !== '"') throw new BundleFormatError('expected a property name', s.offset);
          s.inString = true;
          s.keyStart = i;
          s.expectKey = false;
          s.expectColon = true;
          continue;
        }
        if (s.expectColon) {
          if (c !== ':') throw new BundleFormatError('expected ":" after a property name', s.offset);
          s.expectColon = false;
          continue;
        }
        if (c === ',') { s.expectKey = true; continue; }
        if (c === '}') { s.ended = true; s.depth = 0; continue; }
        if (s.key === 'objects') {
          if (c !== '[') throw new BundleFormatError('"objects" must be a list', s.offset);
          s.depth = 2;
          continue;
        }
        // Any other top-level value: collect it whole (it is small) and parse it at its end.
        s.capture = '';
        captureFrom = i;
        s.captureDepth = 1;
      }
      if (s.depth === 2 && s.capture === null) {
        if (c === ',') continue;
        if (c === ']') { s.depth = 1; s.key = null; continue; }
        if (c !== '{') throw new BundleFormatError('every element of "objects" must be a JSON object', s.offset);
        s.capture = '';
        captureFrom = i;
        s.captureDepth = 2;
      }
      if (c === '"') { s.inString = true; continue; }
      if (c === '{' || c === '[') { s.depth++; continue; }
      const closes = c === '}' || c === ']';
      const endsTopValue = s.captureDepth === 1 && s.depth === 1 && (c === ',' || c === '}');
      if (closes && !endsTopValue) s.depth--;
      if (s.capture !== null && captureFrom >= 0 && (s.capture.length + (i - captureFrom)) > maxChars) {
        throw new BundleFormatError(`an object is larger than ${maxChars} characters`, s.offset);
      }
      if (s.capture !== null && s.captureDepth === 2 && s.depth === 2 && c === '}') {
        const raw = s.capture + text.slice(captureFrom, i + 1);
        s.capture = null;
        captureFrom = -1;
        yield { kind: 'object', index: index++, value: parseJson(raw, s.offset) };
      } else if (endsTopValue && s.capture !== null) {
        const raw = s.capture + text.slice(captureFrom, i);
        if (s.key !== null) header[s.key] = parseJson(raw, s.offset);
        s.capture = null;
        captureFrom = -1;
        s.key = null;
        if (c === ',') s.expectKey = true;
        else { s.ended = true; s.depth = 0; }
      }
    }
    if (s.capture !== null && captureFrom >= 0) s.capture += text.slice(captureFrom);
  }
  if (!s.ended || s.inString) throw new BundleFormatError('the bundle ends too early', s.offset);
  yield { kind: 'header', value: header };
}

function parseJson(raw: string, offset: number): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new BundleFormatError('invalid JSON', offset);
  }
}
