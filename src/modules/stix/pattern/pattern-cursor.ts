// The parser's view of the token stream: the current token, one step forward, and errors that point at it.
import { EXPECTED, HINTS, expectedError, type LocalText, type PatternError, type PatternErrorCode } from './pattern-errors.js';
import { Lexer, type Token, type TokenKind } from './pattern-lexer.js';

// Bounds the recursion of nested brackets and parentheses, so a hostile pattern cannot overflow the stack.
export const MAX_DEPTH = 100;

const KEYWORDS = new Set([
  'AND', 'OR', 'NOT', 'FOLLOWEDBY', 'LIKE', 'MATCHES', 'ISSUPERSET', 'ISSUBSET', 'EXISTS', 'IN',
  'START', 'STOP', 'SECONDS', 'WITHIN', 'REPEATS', 'TIMES', 'true', 'false',
]);

export class Cursor {
  tok: Token;
  private readonly lexer: Lexer;
  private depth = 0;

  constructor(text: string) {
    this.lexer = new Lexer(text);
    this.tok = this.lexer.next();
  }

  advance(): Token {
    const token = this.tok;
    this.tok = this.lexer.next();
    return token;
  }

  /** Whether the current token is of this kind (a method, so that TypeScript does not narrow across advance()). */
  at(kind: TokenKind): boolean {
    return this.tok.kind === kind;
  }

  /** Whether the current token is this keyword, exactly: keywords are case-sensitive. */
  is(keyword: string): boolean {
    return this.tok.kind === 'ident' && this.tok.text === keyword;
  }

  describe(token: Token = this.tok): LocalText {
    const found = this.lexer.found(token.start, token.end);
    return token.kind === 'string' ? { en: `the string ${found.en}`, ja: `文字列${found.ja}` } : found;
  }

  /** A syntax error at the current token; a misspelt keyword gets a hint on its case. */
  fail(what: LocalText, hint?: LocalText): never {
    throw this.error('syntax', what, hint ?? this.caseHint());
  }

  error(code: PatternErrorCode, what: LocalText, hint?: LocalText, token: Token = this.tok, found: LocalText = this.describe(token)): PatternError {
    return expectedError(code, token.start, what, found, hint);
  }

  enter(): void {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) throw this.error('too-deep', EXPECTED.depth(MAX_DEPTH));
  }

  leave(): void {
    this.depth -= 1;
  }

  private caseHint(): LocalText | undefined {
    if (this.tok.kind !== 'ident') return undefined;
    const text = this.tok.text;
    const spelled = KEYWORDS.has(text.toUpperCase()) ? text.toUpperCase() : KEYWORDS.has(text.toLowerCase()) ? text.toLowerCase() : undefined;
    return spelled && spelled !== text ? HINTS.caseSensitive(spelled) : undefined;
  }
}
