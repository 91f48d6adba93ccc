// The tokenizer of STIX 2.1 patterning: one token at a time, on demand, by character codes (no regular expressions).
// Keywords are not told apart here: they are identifiers, and the parser reads them by context and case-sensitively.
import { base64Problem, hexProblem, timestampProblem, type ContentProblem } from './pattern-constants.js';
import { END_OF_PATTERN, EXPECTED, HINTS, expectedError, foundText, type LocalText, type PatternError } from './pattern-errors.js';

export type TokenKind =
  | 'ident'
  | 'string'
  | 'int'
  | 'float'
  | 'binary'
  | 'hex'
  | 'timestamp'
  | 'op'
  | '['
  | ']'
  | '('
  | ')'
  | ':'
  | '.'
  | ','
  | '*'
  | 'eof';

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  /** The identifier, the decoded string, the text inside b'…' h'…' t'…', or the operator. */
  text: string;
  /** The value of an int or float. */
  number: number;
}

const PUNCTUATION: Partial<Record<string, TokenKind>> = { '[': '[', ']': ']', '(': '(', ')': ')', ':': ':', '.': '.', ',': ',', '*': '*' };

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isIdentStart = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
const isIdentPart = (c: number): boolean => isIdentStart(c) || isDigit(c) || c === 45;
const QUOTE = 39;
const BACKSLASH = 92;

// The whitespace of the STIX 2.1 grammar (its WS rule).
function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0x85) return false;
  return c === 0x85 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

export class Lexer {
  private pos = 0;

  constructor(private readonly src: string) {}

  /** The pattern text from `start` to `end`, quoted for a message. */
  found(start: number, end: number): LocalText {
    return end <= start ? END_OF_PATTERN : foundText(this.src.slice(start, end));
  }

  next(): Token {
    this.skipSpaceAndComments();
    const src = this.src;
    const start = this.pos;
    if (start >= src.length) return this.token('eof', start, start, '');
    const c = src.charCodeAt(start);
    const punctuation = PUNCTUATION[src[start] ?? ''];
    if (punctuation && !(c === 46 && isDigit(src.charCodeAt(start + 1)))) return this.token(punctuation, start, start + 1, '');
    if (c === QUOTE) return this.string(start);
    if (isIdentStart(c)) return src.charCodeAt(start + 1) === QUOTE && (c === 98 || c === 104 || c === 116) ? this.typed(start) : this.identifier(start);
    if (isDigit(c) || c === 46 || ((c === 43 || c === 45) && (isDigit(src.charCodeAt(start + 1)) || src.charCodeAt(start + 1) === 46))) {
      return this.number(start);
    }
    return this.operator(start, c);
  }

  private token(kind: TokenKind, start: number, end: number, text: string, number = 0): Token {
    this.pos = end;
    return { kind, start, end, text, number };
  }

  private skipSpaceAndComments(): void {
    const src = this.src;
    for (;;) {
      const c = src.charCodeAt(this.pos);
      if (isSpace(c)) {
        this.pos += 1;
      } else if (c === 47 && src.charCodeAt(this.pos + 1) === 42) {
        const close = src.indexOf('*/', this.pos + 2);
        if (close < 0) throw expectedError('unterminated-comment', this.pos, EXPECTED.closingComment, END_OF_PATTERN);
        this.pos = close + 2;
      } else if (c === 47 && src.charCodeAt(this.pos + 1) === 47) {
        while (this.pos < src.length && src.charCodeAt(this.pos) !== 10 && src.charCodeAt(this.pos) !== 13) this.pos += 1;
      } else {
        return;
      }
    }
  }

  private identifier(start: number): Token {
    let i = start + 1;
    while (isIdentPart(this.src.charCodeAt(i))) i += 1;
    return this.token('ident', start, i, this.src.slice(start, i));
  }

  // 'text' with \' and \\ as the only escapes; anything else after a backslash is an error, as in the grammar.
  private string(start: number): Token {
    const src = this.src;
    let value = '';
    let chunk = start + 1;
    for (let i = chunk; ; ) {
      if (i >= src.length) throw expectedError('unterminated-string', start, EXPECTED.closingQuote, END_OF_PATTERN);
      const c = src.charCodeAt(i);
      if (c === QUOTE) return this.token('string', start, i + 1, value + src.slice(chunk, i));
      if (c === BACKSLASH) {
        const next = src.charCodeAt(i + 1);
        if (next !== QUOTE && next !== BACKSLASH) {
          throw expectedError('invalid-escape', i, EXPECTED.escape, this.found(i, Math.min(i + 2, src.length)), HINTS.backslash);
        }
        value += src.slice(chunk, i) + (next === QUOTE ? "'" : '\\');
        i += 2;
        chunk = i;
      } else {
        i += 1;
      }
    }
  }

  // b'base64', h'hex', t'timestamp': the contents are checked here, so a bad one is reported where it is.
  private typed(start: number): Token {
    const src = this.src;
    const close = src.indexOf("'", start + 2);
    if (close < 0) throw expectedError('unterminated-string', start, EXPECTED.closingQuote, END_OF_PATTERN);
    const text = src.slice(start + 2, close);
    const prefix = src[start];
    if (prefix === 't') {
      const problem = timestampProblem(text);
      if (problem) throw this.contentError('invalid-timestamp', start, close, EXPECTED.timestamp, problem);
      return this.token('timestamp', start, close + 1, text);
    }
    const problem: ContentProblem | null = prefix === 'b' ? base64Problem(text) : hexProblem(text);
    if (problem) {
      throw this.contentError(prefix === 'b' ? 'invalid-binary' : 'invalid-hex', start + 2 + problem.offset, close, prefix === 'b' ? EXPECTED.binary : EXPECTED.hex, problem.detail, start);
    }
    return this.token(prefix === 'b' ? 'binary' : 'hex', start, close + 1, text);
  }

  private contentError(code: 'invalid-timestamp' | 'invalid-binary' | 'invalid-hex', at: number, close: number, what: LocalText, detail: LocalText, literalStart = at): PatternError {
    const found = this.found(literalStart, close + 1);
    return expectedError(code, at, what, { en: `${found.en}: ${detail.en}`, ja: `${found.ja}（${detail.ja}）` });
  }

  // [+-]? ('0' | [1-9][0-9]*) for integers, [+-]? [0-9]* '.' [0-9]+ for floats; no exponent.
  private number(start: number): Token {
    const src = this.src;
    let i = start;
    const sign = src.charCodeAt(i);
    if (sign === 43 || sign === 45) i += 1;
    const digits = i;
    while (isDigit(src.charCodeAt(i))) i += 1;
    let kind: TokenKind = 'int';
    if (src.charCodeAt(i) === 46) {
      i += 1;
      const fraction = i;
      while (isDigit(src.charCodeAt(i))) i += 1;
      if (i === fraction) throw expectedError('invalid-number', start, EXPECTED.number, this.found(start, i));
      kind = 'float';
    } else if (src.charCodeAt(digits) === 48 && i - digits > 1) {
      throw expectedError('invalid-number', start, EXPECTED.number, this.found(start, i), {
        en: 'Integers have no leading zeros.',
        ja: '整数の先頭に 0 は付けません。',
      });
    }
    if (isIdentPart(src.charCodeAt(i)) && src.charCodeAt(i) !== 45) {
      let end = i;
      while (isIdentPart(src.charCodeAt(end))) end += 1;
      throw expectedError('invalid-number', start, EXPECTED.number, this.found(start, end));
    }
    return this.token(kind, start, i, '', Number(src.slice(start, i)));
  }

  private operator(start: number, c: number): Token {
    const next = this.src.charCodeAt(start + 1);
    if (c === 61) return next === 61 ? this.token('op', start, start + 2, '=') : this.token('op', start, start + 1, '=');
    if (c === 33 && next === 61) return this.token('op', start, start + 2, '!=');
    if (c === 60) {
      if (next === 61) return this.token('op', start, start + 2, '<=');
      return next === 62 ? this.token('op', start, start + 2, '!=') : this.token('op', start, start + 1, '<');
    }
    if (c === 62) return next === 61 ? this.token('op', start, start + 2, '>=') : this.token('op', start, start + 1, '>');
    const width = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
    const quotes = c === 34 || c === 0x2018 || c === 0x2019 || c === 0x201c || c === 0x201d;
    throw expectedError('invalid-character', start, EXPECTED.character, this.found(start, start + width), quotes ? HINTS.singleQuotes : undefined);
  }
}
