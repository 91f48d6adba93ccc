// Reads one large array member of a top-level JSON object from a stream, one element at a time: the NVD CVE API's
// "vulnerabilities" (hundreds of MB) or the KEV catalogue's. A small scanner finds where each element begins and ends
// (strings, escapes and nesting only); each element is then parsed on its own with JSON.parse. The other members of
// the object (small: counts, versions, timestamps) are collected as the header. Errors name the line.

export class JsonStreamError extends Error {
  constructor(message: string, readonly line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'JsonStreamError';
  }
}

export type ArrayStreamItem =
  | { kind: 'element'; index: number; line: number; value: unknown }
  | { kind: 'end'; header: Record<string, unknown>; sawArray: boolean };

type Mode = 'key' | 'colon' | 'value' | 'comma';

const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\ufeff']);

interface State {
  depth: number; inString: boolean; escape: boolean; line: number; started: boolean; ended: boolean; mode: Mode;
  key: string | null; keyBuf: string | null; inArray: boolean; sawArray: boolean;
  capture: string | null; captureKind: 'element' | 'header'; captureLine: number;
}

export async function* readArrayMember(
  input: AsyncIterable<string | Uint8Array>, member: string, options: { maxElementChars?: number } = {},
): AsyncGenerator<ArrayStreamItem> {
  const maxChars = options.maxElementChars ?? 64 * 1024 * 1024;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const s: State = {
    depth: 0, inString: false, escape: false, line: 1, started: false, ended: false, mode: 'key', key: null, keyBuf: null,
    inArray: false, sawArray: false, capture: null, captureKind: 'header', captureLine: 0,
  };
  const header: Record<string, unknown> = {};
  let index = 0;
  const fail = (message: string): never => { throw new JsonStreamError(message, s.line); };
  const parse = (raw: string): unknown => {
    try {
      return JSON.parse(raw);
    } catch {
      throw new JsonStreamError('invalid JSON', s.captureLine);
    }
  };

  for await (const chunk of input) {
    let text: string;
    try {
      text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    } catch {
      fail('the file is not UTF-8');
      return;
    }
    let from = s.capture === null ? -1 : 0;
    for (let i = 0; i < text.length; i++) {
      const c = text[i] as string;
      if (c === '\n') s.line++;
      if (s.inString) {
        if (s.escape) s.escape = false;
        else if (c === '\\') s.escape = true;
        else if (c === '"') {
          s.inString = false;
          if (s.keyBuf !== null) {
            s.key = parse(`"${s.keyBuf}"`) as string;
            s.keyBuf = null;
            s.mode = 'colon';
          }
          continue;
        }
        if (s.keyBuf !== null) s.keyBuf += c;
        continue;
      }
      if (WHITESPACE.has(c)) continue;
      if (s.ended) fail('unexpected content after the end of the object');
      if (!s.started) {
        if (c !== '{') fail('the file must hold a JSON object');
        s.started = true;
        s.depth = 1;
        continue;
      }
      // The end of a header value: a comma or the closing brace at the top level.
      if (s.capture !== null && s.captureKind === 'header' && s.depth === 1 && (c === ',' || c === '}')) {
        header[s.key ?? ''] = parse(s.capture + text.slice(from, i));
        s.capture = null;
        from = -1;
        s.mode = 'comma';
      }
      if (s.capture === null && s.depth === 1) {
        if (s.mode === 'key') {
          if (c === '}') { s.ended = true; continue; }
          if (c !== '"') fail('expected a property name');
          s.inString = true;
          s.keyBuf = '';
          continue;
        }
        if (s.mode === 'colon') {
          if (c !== ':') fail('expected ":" after a property name');
          s.mode = 'value';
          continue;
        }
        if (s.mode === 'comma') {
          if (c === ',') s.mode = 'key';
          else if (c === '}') s.ended = true;
          else fail('expected "," or "}"');
          continue;
        }
        if (s.key === member) {
          if (c !== '[') fail(`"${member}" must be a list`);
          s.depth = 2;
          s.inArray = true;
          s.sawArray = true;
          continue;
        }
        s.capture = '';
        s.captureKind = 'header';
        s.captureLine = s.line;
        from = i;
      }
      if (s.inArray && s.depth === 2 && s.capture === null) {
        if (c === ',') continue;
        if (c === ']') { s.depth = 1; s.inArray = false; s.mode = 'comma'; continue; }
        if (c !== '{') fail(`every element of "${member}" must be a JSON object`);
        s.capture = '';
        s.captureKind = 'element';
        s.captureLine = s.line;
        from = i;
      }
      if (c === '"') { s.inString = true; continue; }
      if (c === '{' || c === '[') { s.depth++; continue; }
      if (c === '}' || c === ']') {
        s.depth--;
        if (s.capture !== null && s.captureKind === 'element' && s.depth === 2) {
          const raw = s.capture + text.slice(from, i + 1);
          s.capture = null;
          from = -1;
          yield { kind: 'element', index: index++, line: s.captureLine, value: parse(raw) };
        }
      }
    }
    if (s.capture !== null) {
      s.capture += text.slice(from);
      if (s.capture.length > maxChars) fail(`an element is larger than ${maxChars} characters`);
    }
  }
  if (!s.ended || s.inString) fail('the file ends too early');
  yield { kind: 'end', header, sawArray: s.sawArray };
}
