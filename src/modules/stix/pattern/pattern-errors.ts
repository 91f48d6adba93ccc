// Pattern errors: a position and a bilingual "expected …, but found …" message.

export interface LocalText {
  ja: string;
  en: string;
}

export type PatternErrorCode =
  | 'not-a-string'
  | 'syntax'
  | 'invalid-character'
  | 'unterminated-string'
  | 'unterminated-comment'
  | 'invalid-escape'
  | 'invalid-number'
  | 'invalid-timestamp'
  | 'invalid-binary'
  | 'invalid-hex'
  | 'invalid-regex'
  | 'invalid-cidr'
  | 'invalid-object-type'
  | 'invalid-property-name'
  | 'invalid-qualifier'
  | 'duplicate-qualifier'
  | 'too-deep';

export class PatternError extends Error {
  constructor(
    readonly code: PatternErrorCode,
    readonly position: number,
    readonly text: LocalText,
  ) {
    super(text.en);
  }
}

/** "Expected <what>, but found <found>." with an optional hint on how to fix it. */
export function expectedError(code: PatternErrorCode, position: number, what: LocalText, found: LocalText, hint?: LocalText): PatternError {
  const en = `Expected ${what.en}, but found ${found.en}.`;
  const ja = `${what.ja}が必要ですが、${found.ja}があります。`;
  return new PatternError(code, position, hint ? { en: `${en} ${hint.en}`, ja: `${ja}${hint.ja}` } : { en, ja });
}

const MAX_SHOWN = 40;

/** A piece of the pattern as quoted in a message, bounded so a huge pattern cannot make a huge message. */
export function shown(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

export const END_OF_PATTERN: LocalText = { en: 'the end of the pattern', ja: 'パターンの終わり' };

export function foundText(raw: string): LocalText {
  return { en: `"${shown(raw)}"`, ja: `「${shown(raw)}」` };
}

const text = (en: string, ja: string): LocalText => ({ en, ja });

/** What the parser expected at a point; the Japanese reads "<what>が必要ですが…". */
export const EXPECTED = {
  observation: text("an observation expression: '[' or '('", "観測式（'[' または '('）"),
  afterPattern: text(
    'AND, OR, FOLLOWEDBY, a qualifier (WITHIN, START, REPEATS) or the end of the pattern',
    'AND・OR・FOLLOWEDBY、修飾子（WITHIN・START・REPEATS）またはパターンの終わり',
  ),
  afterGroup: text("AND, OR, FOLLOWEDBY, a qualifier (WITHIN, START, REPEATS) or ')'", "AND・OR・FOLLOWEDBY、修飾子（WITHIN・START・REPEATS）または ')'"),
  comparison: text("a comparison such as file:name = 'x', EXISTS, or '('", "比較式（例: file:name = 'x'）、EXISTS または '('"),
  afterComparison: text("AND, OR or ']'", "AND・OR または ']'"),
  afterComparisonGroup: text("AND, OR or ')'", "AND・OR または ')'"),
  objectPath: text('an object path such as file:name', 'オブジェクトパス（例: file:name）'),
  objectType: text(
    'an object type of 3–250 lowercase letters, digits and single hyphens, starting with a letter (e.g. ipv4-addr, x-acme-widget)',
    'オブジェクト型名（英小文字で始まり、英小文字・数字・単独のハイフンからなる 3〜250 文字。例: ipv4-addr、x-acme-widget）',
  ),
  colon: text("':' between the object type and the property (file:name)", "オブジェクト型とプロパティの間の ':'（file:name）"),
  property: text("a property name or a quoted name such as 'SHA-256'", "プロパティ名または引用符付きの名前（例: 'SHA-256'）"),
  propertyName: text(
    "a property name of letters, digits and '_' (quote other names: 'windows-pebinary-ext')",
    "英字・数字・'_' からなるプロパティ名（それ以外の名前は引用符で囲む: 'windows-pebinary-ext'）",
  ),
  index: text("a list index: a whole number or '*'", "リストの添字（整数または '*'）"),
  closeIndex: text("']' to close the list index", "リストの添字を閉じる ']'"),
  operator: text(
    'a comparison operator (=, !=, <, <=, >, >=, IN, LIKE, MATCHES, ISSUBSET, ISSUPERSET)',
    '比較演算子（=、!=、<、<=、>、>=、IN、LIKE、MATCHES、ISSUBSET、ISSUPERSET）',
  ),
  constant: text("a constant: 'string', number, true, false, b'…', h'…' or t'…'", "定数（'文字列'、数値、true、false、b'…'、h'…'、t'…'）"),
  orderable: text("a constant that can be ordered: number, 'string', b'…', h'…' or t'…'", "順序比較できる定数（数値、'文字列'、b'…'、h'…'、t'…'）"),
  setStart: text("'(' to start the list of constants after IN", "IN の後に定数の一覧を始める '('"),
  setNext: text("',' or ')' in the list of constants", "定数の一覧の中の ',' または ')'"),
  closeGroup: text("')'", "')'"),
  seconds: text('a positive number of seconds after WITHIN', 'WITHIN の後の正の秒数'),
  secondsKeyword: text('SECONDS after the number of WITHIN', 'WITHIN の数値の後の SECONDS'),
  times: text('a positive whole number after REPEATS', 'REPEATS の後の正の整数'),
  timesKeyword: text('TIMES after the number of REPEATS', 'REPEATS の数値の後の TIMES'),
  startTimestamp: text("a timestamp t'…' after START", "START の後のタイムスタンプ t'…'"),
  stopKeyword: text('STOP after the START timestamp', 'START のタイムスタンプの後の STOP'),
  stopTimestamp: text("a timestamp t'…' after STOP", "STOP の後のタイムスタンプ t'…'"),
  stopAfterStart: text('a STOP time later than the START time', 'START より後の STOP 時刻'),
  timestamp: text(
    "an RFC 3339 timestamp in UTC, t'YYYY-MM-DDTHH:MM:SS[.fraction]Z'",
    "UTC の RFC 3339 タイムスタンプ t'YYYY-MM-DDTHH:MM:SS[.小数]Z'",
  ),
  binary: text("base64 in b'…' (A–Z, a–z, 0–9, '+', '/', padded with '=' to a multiple of 4 characters)", "b'…' の中の base64（A–Z、a–z、0–9、'+'、'/'、'=' で 4 文字の倍数に詰める）"),
  hex: text("an even number of hexadecimal digits in h'…'", "h'…' の中の偶数個の 16 進数字"),
  regex: text('a valid regular expression after MATCHES', 'MATCHES の後の正しい正規表現'),
  cidr: text("an IPv4 or IPv6 address or CIDR block such as '198.51.100.0/24'", "IPv4 / IPv6 アドレスまたは CIDR（例: '198.51.100.0/24'）"),
  character: text('a bracket, operator, constant, keyword or object path', '括弧、演算子、定数、キーワードまたはオブジェクトパス'),
  closingQuote: text("a closing quote (') for the string that starts here", "ここから始まる文字列を閉じる引用符 (')"),
  closingComment: text("'*/' to close the comment that starts here", "ここから始まるコメントを閉じる '*/'"),
  escape: text("\\' or \\\\ after a backslash in a string", "文字列中のバックスラッシュの後の \\' または \\\\"),
  number: text('a number such as 42, -7 or 0.5', '数値（例: 42、-7、0.5）'),
  string: (operator: string) => text(`a 'string' after ${operator}`, `${operator} の後の '文字列'`),
  singleQualifier: (kind: string) => text(`at most one ${kind} qualifier on the same expression`, `同じ式に対して ${kind} 修飾子は一つまで`),
  depth: (max: number) => text(`at most ${max} nested brackets and parentheses`, `入れ子の括弧は ${max} 段まで`),
} as const;

export const HINTS = {
  brackets: text('Comparisons go inside square brackets: [file:name = \'x\'].', '比較式は角括弧の中に書きます: [file:name = \'x\']。'),
  caseSensitive: (keyword: string) => text(`Keywords are case-sensitive: write ${keyword}.`, `キーワードは大文字小文字を区別します。${keyword} と書いてください。`),
  quoteStrings: text("Strings need single quotes: 'value'.", "文字列は単一引用符で囲みます: 'value'。"),
  singleQuotes: text("Use single quotes (') for strings and quoted property names.", "文字列と引用符付きのプロパティ名には単一引用符 (') を使います。"),
  notPosition: text("NOT goes between the object path and the operator: file:name NOT = 'x'.", "NOT はオブジェクトパスと演算子の間に置きます: file:name NOT = 'x'。"),
  exists: text('EXISTS goes before the object path (EXISTS file:name) and cannot be negated.', 'EXISTS はオブジェクトパスの前に置き（EXISTS file:name）、否定できません。'),
  timestampPrefix: text("STIX 2.1 timestamps carry the t prefix: t'2016-06-01T00:00:00Z'.", "STIX 2.1 のタイムスタンプには t を付けます: t'2016-06-01T00:00:00Z'。"),
  startBeforeStop: text("START comes first: START t'…' STOP t'…'.", "START を先に書きます: START t'…' STOP t'…'。"),
  qualifierOrder: text('A qualifier is a keyword, a value and a unit: WITHIN 5 SECONDS, REPEATS 3 TIMES.', '修飾子はキーワード・値・単位の順です: WITHIN 5 SECONDS、REPEATS 3 TIMES。'),
  parenthesise: (kind: string) =>
    text(
      `Use parentheses to apply another: ([…] ${kind} …) ${kind} ….`,
      `別の修飾子をかけるには括弧で囲みます: ([…] ${kind} …) ${kind} …。`,
    ),
  followedBy: text('FOLLOWEDBY joins observation expressions: [a:b = 1] FOLLOWEDBY [c:d = 2].', 'FOLLOWEDBY は観測式どうしをつなぎます: [a:b = 1] FOLLOWEDBY [c:d = 2]。'),
  backslash: text('Write a literal backslash as \\\\.', 'バックスラッシュそのものは \\\\ と書きます。'),
  emptyBrackets: text('An observation expression needs at least one comparison.', '観測式には少なくとも一つの比較式が必要です。'),
} as const;
