// The validator's messages, in Japanese and English, one per stable rule id.
// Messages are built only when an issue is reported, never on the valid path.

export type Text = { ja: string; en: string };

export type StixRule =
  | 'not-object'
  | 'required'
  | 'required-one-of'
  | 'property-type'
  | 'unknown-property'
  | 'property-name'
  | 'reserved-property'
  | 'unknown-type'
  | 'type-name'
  | 'id-format'
  | 'id-type-mismatch'
  | 'spec-version'
  | 'timestamp-format'
  | 'timestamp-leap-second'
  | 'timestamp-precision'
  | 'timestamp-order'
  | 'modified-before-created'
  | 'range'
  | 'empty-list'
  | 'empty-dictionary'
  | 'dictionary-key'
  | 'enum'
  | 'ref-format'
  | 'ref-target'
  | 'external-reference-incomplete'
  | 'external-id-format'
  | 'hash-algorithm-name'
  | 'hash-value'
  | 'lang-format'
  | 'selector-syntax'
  | 'selector-not-found'
  | 'granular-marking-target'
  | 'extension-key'
  | 'extension-type'
  | 'extension-not-applicable'
  | 'unknown-extension'
  | 'mutually-exclusive'
  | 'property-dependency'
  | 'value-format'
  | 'hex-format'
  | 'binary-format'
  | 'relationship-type-format'
  | 'tlp-definition'
  | 'pattern-syntax'
  | 'self-marking'
  | 'bundle-type'
  | 'too-many-issues';

export type Params = Record<string, string | number>;

// Names of JSON/STIX value kinds used in 'property-type' messages.
const KINDS: Record<string, Text> = {
  string: { ja: '文字列', en: 'a string' },
  integer: { ja: '整数', en: 'an integer' },
  number: { ja: '数値', en: 'a number' },
  boolean: { ja: '真偽値（true/false）', en: 'a boolean (true/false)' },
  list: { ja: 'リスト（配列）', en: 'a list (array)' },
  object: { ja: 'オブジェクト', en: 'an object' },
  identifier: { ja: '識別子（type--UUID）', en: 'an identifier (type--UUID)' },
  timestamp: { ja: 'タイムスタンプ', en: 'a timestamp' },
  'string-or-integer': { ja: '文字列または整数', en: 'a string or an integer' },
  'string-or-list': { ja: '文字列または文字列のリスト', en: 'a string or a list of strings' },
};

const kind = (p: Params, lang: 'ja' | 'en'): string => KINDS[String(p.expected)]?.[lang] ?? String(p.expected);

const MESSAGES: Record<StixRule, (p: Params) => Text> = {
  'not-object': () => ({ ja: 'JSON オブジェクトではありません。', en: 'Not a JSON object.' }),
  required: (p) => ({ ja: `必須プロパティ ${p.prop} がありません。`, en: `The required property ${p.prop} is missing.` }),
  'required-one-of': (p) => ({
    ja: `${p.props} のうち少なくとも 1 つが必要です。`,
    en: `At least one of ${p.props} must be present.`,
  }),
  'property-type': (p) => ({ ja: `値は${kind(p, 'ja')}でなければなりません。`, en: `The value must be ${kind(p, 'en')}.` }),
  'unknown-property': (p) => ({
    ja: `${p.prop} は ${p.type} に定義されたプロパティではありません（独自プロパティは x_ で始めてください）。`,
    en: `${p.prop} is not a property of ${p.type} (custom properties must start with x_).`,
  }),
  'property-name': (p) => ({
    ja: `プロパティ名 ${p.prop} が不正です（英小文字・数字・_ の 3〜250 文字で、英字で始まること）。`,
    en: `The property name ${p.prop} is not valid (3-250 characters a-z, 0-9, _, starting with a letter).`,
  }),
  'reserved-property': (p) => ({
    ja: `${p.prop} は STIX 2.1 で予約されたプロパティ名のため使えません。`,
    en: `${p.prop} is a reserved property name in STIX 2.1 and must not be used.`,
  }),
  'unknown-type': (p) => ({
    ja: `${p.type} は STIX 2.1 のオブジェクト型ではありません（独自型は x- で始めるか、拡張定義で宣言してください）。`,
    en: `${p.type} is not a STIX 2.1 object type (custom types must start with x- or be declared by an extension definition).`,
  }),
  'type-name': () => ({
    ja: '型名が不正です（英小文字・数字・ハイフンの 3〜250 文字、英字で始まること）。',
    en: 'The type name is not valid (3-250 characters a-z, 0-9 and hyphens, starting with a letter).',
  }),
  'id-format': () => ({
    ja: 'id は「型名--UUID」の形式でなければなりません。',
    en: 'The id must have the form type--UUID.',
  }),
  'id-type-mismatch': (p) => ({
    ja: `id の型部分は type の値 ${p.type} と一致しなければなりません。`,
    en: `The type part of the id must equal the type property (${p.type}).`,
  }),
  'spec-version': (p) => ({
    ja: `spec_version は "2.1" でなければなりません${p.note === 'bundle' ? '（STIX 2.1 のバンドルには spec_version はありません）' : ''}。`,
    en: p.note === 'bundle' ? 'A STIX 2.1 bundle has no spec_version (this looks like STIX 2.0).' : 'spec_version must be "2.1".',
  }),
  'timestamp-format': () => ({
    ja: 'タイムスタンプは RFC 3339 形式で UTC の Z 表記（例: 2024-01-31T09:00:00.000Z）でなければなりません。',
    en: 'Timestamps must be RFC 3339 in UTC with a Z (e.g. 2024-01-31T09:00:00.000Z).',
  }),
  'timestamp-leap-second': () => ({
    ja: 'うるう秒（60 秒）は受け付けません。多くの STIX・TAXII の実装が読めないためです。23:59:59.999 か次の秒（00 秒）にしてください。',
    en: 'A leap second (second 60) is not accepted: many STIX and TAXII implementations cannot read it. Use 23:59:59.999 or the next second (00).',
  }),
  'timestamp-precision': (p) => ({
    ja: p.precision === 'second' ? 'このタイムスタンプは秒精度（小数部なし）でなければなりません。' : 'このタイムスタンプは少なくともミリ秒精度（小数 3 桁以上）でなければなりません。',
    en: p.precision === 'second' ? 'This timestamp must be precise to the second (no fraction).' : 'This timestamp must have at least millisecond precision (3 fraction digits).',
  }),
  'timestamp-order': (p) => ({
    ja: `${p.prop} は ${p.other} ${p.strict === 1 ? 'より後' : '以降'}でなければなりません。`,
    en: `${p.prop} must be ${p.strict === 1 ? 'later than' : 'equal to or later than'} ${p.other}.`,
  }),
  'modified-before-created': () => ({
    ja: 'modified は created 以降でなければなりません。',
    en: 'modified must be equal to or later than created.',
  }),
  range: (p) => ({
    ja: `値は ${p.min} 以上 ${p.max} 以下でなければなりません。`,
    en: `The value must be between ${p.min} and ${p.max}.`,
  }),
  'empty-list': () => ({ ja: '空のリストは使えません（省略してください）。', en: 'Empty lists are not allowed (omit the property).' }),
  'empty-dictionary': () => ({ ja: '空の辞書は使えません（省略してください）。', en: 'Empty dictionaries are not allowed (omit the property).' }),
  'dictionary-key': (p) => ({
    ja: `辞書のキー ${p.key} が不正です（英数字・_・- の 1〜250 文字）。`,
    en: `The dictionary key ${p.key} is not valid (1-250 characters a-z, A-Z, 0-9, _ and -).`,
  }),
  enum: (p) => ({ ja: `値は次のいずれかでなければなりません: ${p.allowed}`, en: `The value must be one of: ${p.allowed}` }),
  'ref-format': () => ({
    ja: '参照は STIX 識別子（型名--UUID）でなければなりません。',
    en: 'A reference must be a STIX identifier (type--UUID).',
  }),
  'ref-target': (p) => ({
    ja: `${p.target} 型のオブジェクトはここでは参照できません（許可: ${p.allowed}）。`,
    en: `An object of type ${p.target} cannot be referenced here (allowed: ${p.allowed}).`,
  }),
  'external-reference-incomplete': () => ({
    ja: '外部参照には source_name に加えて description・url・external_id のいずれかが必要です。',
    en: 'An external reference needs source_name and at least one of description, url or external_id.',
  }),
  'external-id-format': (p) => ({
    ja: `source_name が ${p.source} の external_id は ${p.format} の形式でなければなりません。`,
    en: `With source_name ${p.source}, external_id must have the form ${p.format}.`,
  }),
  'hash-algorithm-name': (p) => ({
    ja: `ハッシュアルゴリズム名 ${p.key} が不正です（英数字・_・- の 3〜250 文字）。`,
    en: `The hash algorithm name ${p.key} is not valid (3-250 characters a-z, A-Z, 0-9, _ and -).`,
  }),
  'hash-value': (p) => ({
    ja: `${p.algorithm} のハッシュ値の形式が正しくありません（${p.format}）。`,
    en: `The ${p.algorithm} hash value is not valid (${p.format}).`,
  }),
  'lang-format': () => ({
    ja: '言語タグは RFC 5646 の形式（例: ja, en, zh-Hant）でなければなりません。',
    en: 'Language tags must follow RFC 5646 (e.g. ja, en, zh-Hant).',
  }),
  'selector-syntax': (p) => ({
    ja: `セレクタ ${p.selector} の構文が正しくありません（例: description, external_references.[0].url）。`,
    en: `The selector ${p.selector} is not valid (e.g. description, external_references.[0].url).`,
  }),
  'selector-not-found': (p) => ({
    ja: `セレクタ ${p.selector} はこのオブジェクトの中の値を指していません。`,
    en: `The selector ${p.selector} does not point at a value in this object.`,
  }),
  'granular-marking-target': () => ({
    ja: '粒度の細かいマーキングには marking_ref か lang のどちらか一方だけが必要です。',
    en: 'A granular marking needs exactly one of marking_ref or lang.',
  }),
  'extension-key': (p) => ({
    ja: `拡張のキー ${p.key} が不正です（extension-definition--UUID か定義済みの拡張名）。`,
    en: `The extension key ${p.key} is not valid (extension-definition--UUID or a predefined extension name).`,
  }),
  'extension-type': (p) => ({
    ja: `extension_type は次のいずれかでなければなりません: ${p.allowed}`,
    en: `extension_type must be one of: ${p.allowed}`,
  }),
  'extension-not-applicable': (p) => ({
    ja: `拡張 ${p.key} は ${p.type} には使えません。`,
    en: `The extension ${p.key} does not apply to ${p.type}.`,
  }),
  'unknown-extension': (p) => ({
    ja: `${p.key} は定義済みの拡張ではありません（extension-definition--UUID を使ってください）。`,
    en: `${p.key} is not a predefined extension (use extension-definition--UUID).`,
  }),
  'mutually-exclusive': (p) => ({
    ja: `${p.props} は同時に指定できません。`,
    en: `${p.props} must not be present together.`,
  }),
  'property-dependency': (p) => ({
    ja: `${p.prop} には ${p.needs} が必要です。`,
    en: `${p.prop} requires ${p.needs}.`,
  }),
  'value-format': (p) => ({
    ja: `値の形式が正しくありません（${p.format}）。`,
    en: `The value is not valid (${p.format}).`,
  }),
  'hex-format': () => ({ ja: '値は 16 進数文字列（偶数桁）でなければなりません。', en: 'The value must be a hex string (an even number of digits).' }),
  'binary-format': () => ({ ja: '値は Base64（RFC 4648）でなければなりません。', en: 'The value must be Base64 (RFC 4648).' }),
  'relationship-type-format': () => ({
    ja: 'relationship_type は英小文字・数字・ハイフンだけで書きます。',
    en: 'relationship_type may contain only a-z, 0-9 and hyphens.',
  }),
  'tlp-definition': (p) => ({
    ja: `TLP のマーキング定義が標準の定義と一致しません（${p.detail}）。`,
    en: `The TLP marking definition does not match the standard one (${p.detail}).`,
  }),
  'pattern-syntax': (p) => ({
    ja: `STIX パターンの構文エラー（${p.position} 文字目）: ${p.ja}`,
    en: `STIX pattern syntax error (at character ${p.position}): ${p.en}`,
  }),
  'self-marking': () => ({
    ja: 'マーキング定義は自分自身をマーキングとして参照できません。',
    en: 'A marking definition must not reference itself as a marking.',
  }),
  'bundle-type': () => ({ ja: 'type は "bundle" でなければなりません。', en: 'type must be "bundle".' }),
  'too-many-issues': (p) => ({
    ja: `このオブジェクトの問題が多すぎるため、${p.max} 件で打ち切りました。`,
    en: `Too many issues in this object; stopped at ${p.max}.`,
  }),
};

export function stixMessage(rule: StixRule, params: Params): Text {
  return MESSAGES[rule](params);
}
