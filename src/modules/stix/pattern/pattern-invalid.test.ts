import { describe, expect, it } from 'vitest';
import { parsePattern, type PatternErrorCode } from './pattern.js';

const T1 = "t'2016-01-01T00:00:00Z'";
const T2 = "t'2016-02-01T00:00:00Z'";

// [pattern, code, position, a piece of the English message (what was expected or found)]
const INVALID: Array<[string, PatternErrorCode, number, string]> = [
  // brackets and structure
  ['', 'syntax', 0, 'found the end of the pattern'],
  ['   ', 'syntax', 3, "Expected an observation expression: '[' or '('"],
  ['file:size = 1280', 'syntax', 0, 'Comparisons go inside square brackets'],
  ['[file:size = 1280', 'syntax', 17, "Expected AND, OR or ']', but found the end of the pattern"],
  ['file:size = 1280]', 'syntax', 0, 'found "file"'],
  ['[file:size = 1280]]', 'syntax', 18, 'or the end of the pattern, but found "]"'],
  ['[[file:size = 1280]]', 'syntax', 1, 'Expected an object path such as file:name, but found "["'],
  ['[]', 'syntax', 1, 'needs at least one comparison'],
  ['[ ]', 'syntax', 2, 'needs at least one comparison'],
  ['([file:size = 1]', 'syntax', 16, "or ')', but found the end of the pattern"],
  ['[file:size = 1])', 'syntax', 15, 'found ")"'],
  ['(file:size = 1)', 'syntax', 1, 'Comparisons go inside square brackets'],
  ["[file:name = 'a' OR (file:name = 'b']", 'syntax', 36, "Expected AND, OR or ')', but found \"]\""],
  ['[file:size = 1] [file:size = 2]', 'syntax', 16, 'found "["'],
  ['[file:size = 1] garbage', 'syntax', 16, 'found "garbage"'],
  ["[file:size = 1] 'trailing'", 'syntax', 16, "found the string \"'trailing'\""],
  ['[file:size = 1] AND', 'syntax', 19, 'found the end of the pattern'],
  ['[file:size = 1] AND AND [file:size = 2]', 'syntax', 20, 'found "AND"'],
  ['[file:size = 1] FOLLOWEDBY', 'syntax', 26, 'found the end of the pattern'],
  ['[file:size = 1 AND]', 'syntax', 18, 'Expected an object path such as file:name, but found "]"'],
  ['[file:size = 1 FOLLOWEDBY file:size = 2]', 'syntax', 15, 'FOLLOWEDBY joins observation expressions'],
  ['[file:size = 1] and [file:size = 2]', 'syntax', 16, 'Keywords are case-sensitive: write AND'],
  ['[file:size = 1 /* comment]', 'unterminated-comment', 15, "'*/'"],
  [`${'('.repeat(150)}[file:size = 1]${')'.repeat(150)}`, 'too-deep', 100, 'at most 100 nested'],
  [`[${'('.repeat(150)}file:size = 1${')'.repeat(150)}]`, 'too-deep', 100, 'at most 100 nested'],
  // operators
  ['[file:size 1280]', 'syntax', 11, 'Expected a comparison operator'],
  ['[file:size ~= 1]', 'invalid-character', 11, 'found "~"'],
  ['[file:size =? 1]', 'invalid-character', 12, 'found "?"'],
  ['[file:size ! 1]', 'invalid-character', 11, 'found "!"'],
  ['[file:size BETWEEN 1 AND 2]', 'syntax', 11, 'found "BETWEEN"'],
  ["[file:name like 'a%']", 'syntax', 11, 'Keywords are case-sensitive: write LIKE'],
  ['[file:name NOT EXISTS]', 'syntax', 15, 'EXISTS goes before the object path'],
  ['[NOT EXISTS file:name]', 'syntax', 1, 'NOT goes between the object path and the operator'],
  ['[file:name EXISTS]', 'syntax', 11, 'cannot be negated'],
  ['[EXISTS]', 'syntax', 7, 'Expected an object path'],
  ["[file:name NOT NOT = 'a']", 'syntax', 15, 'NOT goes between'],
  // constants
  ['[file:size = ]', 'syntax', 13, 'Expected a constant'],
  ['[file:size == ]', 'syntax', 14, 'Expected a constant'],
  ['[file:hashes.MD5 = cead3f77f6cda6ec00f57d76c9a6879f]', 'syntax', 19, "Strings need single quotes: 'value'"],
  ['[file:size = TRUE]', 'syntax', 13, 'write true'],
  ['[file:size > true]', 'syntax', 13, 'Expected a constant that can be ordered'],
  ["[file:name = 'abc]", 'unterminated-string', 13, "Expected a closing quote (')"],
  ["[file:name = 'abc\\']", 'unterminated-string', 13, 'found the end of the pattern'],
  ["[file:name = 'C:\\Windows']", 'invalid-escape', 16, 'found "\\W"'],
  ['[file:name = "abc"]', 'invalid-character', 13, 'Use single quotes'],
  ['[file:size = 007]', 'invalid-number', 13, 'Integers have no leading zeros'],
  ['[file:size = 1.]', 'invalid-number', 13, 'found "1."'],
  ['[file:size = 1e5]', 'invalid-number', 13, 'found "1e5"'],
  ['[file:size = -]', 'invalid-character', 13, 'found "-"'],
  ['[file:size IN 1, 2]', 'syntax', 14, "Expected '(' to start the list of constants after IN"],
  ['[file:size IN (1, 2]', 'syntax', 19, "Expected ',' or ')' in the list"],
  ['[file:size IN (1 2)]', 'syntax', 17, "Expected ',' or ')' in the list"],
  ['[file:size IN (1, )]', 'syntax', 18, 'Expected a constant'],
  ["[file:size IN (('a'))]", 'syntax', 15, 'Expected a constant'],
  // timestamps, binary, hex
  ["[file:created = t'2016-13-01T00:00:00Z']", 'invalid-timestamp', 16, 'month 13 does not exist'],
  ["[file:created = t'2015-02-29T00:00:00Z']", 'invalid-timestamp', 16, '2015-02 has no day 29'],
  ["[file:created = t'2016-04-31T00:00:00Z']", 'invalid-timestamp', 16, '2016-04 has no day 31'],
  ["[file:created = t'2016-01-01 00:00:00Z']", 'invalid-timestamp', 16, 'not in that form'],
  ["[file:created = t'2016-01-01T00:00:00+09:00']", 'invalid-timestamp', 16, "not in UTC: it must end in 'Z'"],
  ["[file:created = t'2016-01-01T00:00:00.Z']", 'invalid-timestamp', 16, 'not in that form'],
  ["[file:created = t'2016-01-01T24:00:00Z']", 'invalid-timestamp', 16, 'hour 24 is out of range'],
  ["[file:created = t'2016-01-01T12:60:00Z']", 'invalid-timestamp', 16, 'minute 60 is out of range'],
  ["[file:created = t'2016-01-01T12:00:60Z']", 'invalid-timestamp', 16, 'a leap second (60) can only be 23:59:60'],
  ["[file:created = t'2016-01-01']", 'invalid-timestamp', 16, 'RFC 3339 timestamp in UTC'],
  ["[file:created = t'2016-01-01T00:00:00Z]", 'unterminated-string', 16, 'closing quote'],
  ["[artifact:payload_bin = b'====']", 'invalid-binary', 26, "'=', which cannot appear there"],
  ["[artifact:payload_bin = b'abc']", 'invalid-binary', 29, '3 characters, not whole groups of 4'],
  ["[artifact:payload_bin = b'ab$d']", 'invalid-binary', 28, "'$', which cannot appear there"],
  ["[artifact:payload_bin = b'']", 'invalid-binary', 26, 'an empty value'],
  ["[artifact:payload_bin = b'a=bc']", 'invalid-binary', 27, "'=', which cannot appear there"],
  ["[file:magic_number_hex = h'ffd']", 'invalid-hex', 30, 'an odd number (3) of digits'],
  ["[file:magic_number_hex = h'fg']", 'invalid-hex', 28, "'g', which is not a hexadecimal digit"],
  // regular expressions and CIDR
  ["[file:name MATCHES '(unclosed']", 'invalid-regex', 19, 'Expected a valid regular expression after MATCHES'],
  ["[file:name MATCHES '[a-']", 'invalid-regex', 19, 'Invalid regular expression'],
  ["[file:name MATCHES 'a(?>b)']", 'invalid-regex', 19, 'Invalid regular expression'],
  ['[file:name MATCHES /.*\\.dll/]', 'invalid-character', 19, 'found "/"'],
  ['[file:name MATCHES dll]', 'syntax', 19, "Expected a 'string' after MATCHES"],
  ["[ipv4-addr:value ISSUBSET '10.0.0.0/33']", 'invalid-cidr', 26, 'Expected an IPv4 or IPv6 address or CIDR block'],
  ["[ipv4-addr:value ISSUBSET 'example.com']", 'invalid-cidr', 26, "found the string \"'example.com'\""],
  ["[ipv4-addr:value ISSUBSET '10.0.0.0/08']", 'invalid-cidr', 26, 'CIDR'],
  ["[ipv6-addr:value ISSUPERSET '2001:db8::/129']", 'invalid-cidr', 28, 'CIDR'],
  ["[ipv6-addr:value ISSUPERSET 'fe80::1%eth0']", 'invalid-cidr', 28, 'CIDR'],
  ['[ipv4-addr:value ISSUBSET 10]', 'syntax', 26, "Expected a 'string' after ISSUBSET"],
  ['[file:name LIKE 5]', 'syntax', 16, "Expected a 'string' after LIKE"],
  // object paths
  ['[file.size = 1280]', 'syntax', 5, "Expected ':' between the object type and the property"],
  ["[File:name = 'a']", 'invalid-object-type', 1, 'Expected an object type of 3–250 lowercase letters'],
  ["[x_whatever:name = 'a']", 'invalid-object-type', 1, 'found "x_whatever"'],
  ["[ab:name = 'a']", 'invalid-object-type', 1, 'found "ab"'],
  ["[x--y:name = 'a']", 'invalid-object-type', 1, 'found "x--y"'],
  ["[-abc:name = 'a']", 'invalid-character', 1, 'found "-"'],
  [`[${'a'.repeat(251)}:name = 'a']`, 'invalid-object-type', 1, 'lowercase letters'],
  ["[1file:name = 'a']", 'invalid-number', 1, 'found "1file"'],
  ["['file':name = 'a']", 'syntax', 1, 'Expected an object path'],
  ['[file:extensions.windows-pebinary-ext.sections[*].entropy > 7.0]', 'invalid-property-name', 17, "Quote it: 'windows-pebinary-ext'"],
  ["[file:hashes.'' = 'a']", 'syntax', 13, 'Expected a property name'],
  ["[file:hashes. = 'a']", 'syntax', 14, 'Expected a property name'],
  ["[file: = 'a']", 'syntax', 7, 'Expected a property name'],
  ['[file:sections[x] = 1]', 'syntax', 15, 'Expected a list index'],
  ['[file:sections[1 = 1]', 'syntax', 17, "Expected ']' to close the list index"],
  ['[file:sections[1.5] = 1]', 'syntax', 15, 'found "1.5"'],
  ['[file:sections[] = 1]', 'syntax', 15, 'Expected a list index'],
  // qualifiers
  ['[file:size = 1] WITHIN SECONDS', 'syntax', 23, 'Expected a positive number of seconds after WITHIN'],
  ['[file:size = 1] WITHIN 5', 'syntax', 24, 'Expected SECONDS after the number of WITHIN'],
  ['[file:size = 1] WITHIN 5 MINUTES', 'syntax', 25, 'found "MINUTES"'],
  ['[file:size = 1] WITHIN 5 seconds', 'syntax', 25, 'write SECONDS'],
  ['[file:size = 1] WITHIN 0 SECONDS', 'invalid-qualifier', 23, 'Expected a positive number of seconds'],
  ['[file:size = 1] WITHIN -5 SECONDS', 'invalid-qualifier', 23, 'found "-5"'],
  ['[file:size = 1] WITHIN 0.0 SECONDS', 'invalid-qualifier', 23, 'found "0.0"'],
  ["[file:size = 1] WITHIN '5' SECONDS", 'syntax', 23, 'positive number of seconds'],
  ['[file:size = 1] REPEATS 2.5 TIMES', 'invalid-qualifier', 24, 'Expected a positive whole number after REPEATS'],
  ['[file:size = 1] REPEATS 0 TIMES', 'invalid-qualifier', 24, 'found "0"'],
  ['[file:size = 1] REPEATS 5', 'syntax', 25, 'Expected TIMES'],
  ['[file:size = 1] REPEATS TIMES 5', 'syntax', 24, 'A qualifier is a keyword, a value and a unit'],
  ['[file:size = 1] SECONDS 5 WITHIN', 'syntax', 16, 'A qualifier is a keyword, a value and a unit'],
  [`[file:size = 1] STOP ${T2} START ${T1}`, 'syntax', 16, 'START comes first'],
  [`[file:size = 1] START ${T1}`, 'syntax', 45, 'Expected STOP after the START timestamp'],
  [`[file:size = 1] START ${T1} STOP`, 'syntax', 50, "Expected a timestamp t'…' after STOP"],
  ["[file:size = 1] START '2016-01-01T00:00:00Z' STOP '2016-02-01T00:00:00Z'", 'syntax', 22, 'STIX 2.1 timestamps carry the t prefix'],
  [`[file:size = 1] START ${T2} STOP ${T1}`, 'invalid-qualifier', 51, 'Expected a STOP time later than the START time'],
  [`[file:size = 1] START ${T1} STOP ${T1}`, 'invalid-qualifier', 51, 'later than the START time'],
  [`[file:size = 1] START t'2016-01-01T00:00:00.5Z' STOP t'2016-01-01T00:00:00.25Z'`, 'invalid-qualifier', 53, 'later than the START time'],
  ['[file:size = 1] WITHIN 5 SECONDS WITHIN 6 SECONDS', 'duplicate-qualifier', 33, 'at most one WITHIN qualifier'],
  ['([file:size = 1] REPEATS 2 TIMES REPEATS 3 TIMES)', 'duplicate-qualifier', 33, 'Use parentheses to apply another'],
  [`[file:size = 1] START ${T1} STOP ${T2} START ${T1} STOP ${T2}`, 'duplicate-qualifier', 75, 'found a second START'],
  ['([file:size = 1]) WITHIN 5 SECONDS WITHIN 6 SECONDS', 'duplicate-qualifier', 35, 'a second WITHIN'],
];

describe('STIX patterns: invalid patterns', () => {
  it('has at least fifty of them', () => {
    expect(INVALID.length).toBeGreaterThanOrEqual(50);
  });

  it.each(INVALID)('%j fails: %s at %i', (pattern, code, position, english) => {
    const result = parsePattern(pattern);
    if (result.ok) throw new Error(`parsed: ${pattern}`);
    expect({ code: result.code, position: result.position }).toEqual({ code, position });
    expect(result.message.en).toMatch(/^Expected .+, but found .+\./s);
    expect(result.message.en).toContain(english);
    expect(result.message.ja).toMatch(/が必要ですが、.+があります。/s);
  });

  it('says what was expected and found in Japanese too', () => {
    const message = (pattern: string) => (parsePattern(pattern) as { message: { ja: string } }).message.ja;
    expect(message("[file:created = t'2016-13-01T00:00:00Z']")).toBe(
      "UTC の RFC 3339 タイムスタンプ t'YYYY-MM-DDTHH:MM:SS[.小数]Z'が必要ですが、「t'2016-13-01T00:00:00Z'」（13 月は存在しません）があります。",
    );
    expect(message('[file:size = 1')).toBe("AND・OR または ']'が必要ですが、パターンの終わりがあります。");
    expect(message('[file:size = 1] within 5 seconds')).toContain('WITHIN と書いてください');
  });

  it('keeps messages short when the offending text is long', () => {
    const result = parsePattern(`[file:size = 1] ${'x'.repeat(10_000)}`);
    expect(result.ok).toBe(false);
    expect((result as { message: { en: string } }).message.en.length).toBeLessThan(300);
  });

  it('answers with an error, not an exception, for a value that is not a string', () => {
    expect(parsePattern(42 as unknown as string)).toMatchObject({ ok: false, code: 'not-a-string', position: 0 });
  });
});
