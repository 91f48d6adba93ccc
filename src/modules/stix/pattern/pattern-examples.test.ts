import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePattern, type PatternComparison, type PatternResult } from './pattern.js';

const EXAMPLES = 'src/modules/stix/testdata/oasis-examples';

function ok(pattern: string): Extract<PatternResult, { ok: true }> {
  const result = parsePattern(pattern);
  if (!result.ok) throw new Error(`${pattern}\n${' '.repeat(result.position)}^ ${result.message.en}`);
  return result;
}

const eq = (objectType: string, path: string, value: PatternComparison['value'], operator: PatternComparison['operator'] = '='): PatternComparison => ({
  objectType,
  path,
  operator,
  negated: false,
  value,
});

function patternsIn(value: unknown, out: string[]): string[] {
  if (Array.isArray(value)) for (const item of value) patternsIn(item, out);
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (record.type === 'indicator' && typeof record.pattern === 'string' && (record.pattern_type ?? 'stix') === 'stix') out.push(record.pattern);
    for (const child of Object.values(record)) patternsIn(child, out);
  }
  return out;
}

describe('STIX patterns: the official examples', () => {
  it('parses every indicator pattern in the OASIS example bundles', () => {
    const files = readdirSync(EXAMPLES, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    const patterns = files.flatMap((file) => patternsIn(JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')), []));
    expect(patterns.length).toBeGreaterThan(40);
    for (const pattern of patterns) expect(ok(pattern).comparisons.length).toBeGreaterThan(0);
  });

  it('reads the comparisons of example bundle patterns exactly', () => {
    expect(ok("[x509-certificate:issuer = 'CN=WEBMAIL' AND x509-certificate:serial_number = '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28']").comparisons).toEqual([
      eq('x509-certificate', 'issuer', 'CN=WEBMAIL'),
      eq('x509-certificate', 'serial_number', '4c:0b:1d:19:74:86:a7:66:b4:1a:bf:40:27:21:76:28'),
    ]);
    expect(ok(String.raw`[email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\.exe$']`).comparisons).toEqual([
      eq('email-message', 'body_multipart[*].body_raw_ref.name', String.raw`^Final Report.+\.exe$`, 'MATCHES'),
    ]);
    expect(ok("[email-message:subject MATCHES '^[IMPORTANT] Please Review Before']").comparisons[0]?.value).toBe('^[IMPORTANT] Please Review Before');
    expect(ok("[ ipv4-addr:value = '10.0.0.0' ]").comparisons).toEqual([eq('ipv4-addr', 'value', '10.0.0.0')]);
  });
});

// The examples of STIX patterning §9, as the OASIS validator collects them (spec_examples.txt), in their 2.1 spelling.
const SPEC_EXAMPLES: Array<[string, PatternComparison[]]> = [
  ["[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']", [eq('file', "hashes.'SHA-256'", 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f')]],
  [
    String.raw`[email-message:from_ref.value MATCHES '.+\\@example\\.com$' AND email-message:body_multipart[*].body_raw_ref.name MATCHES '^Final Report.+\\.exe$']`,
    [eq('email-message', 'from_ref.value', String.raw`.+\@example\.com$`, 'MATCHES'), eq('email-message', 'body_multipart[*].body_raw_ref.name', String.raw`^Final Report.+\.exe$`, 'MATCHES')],
  ],
  [
    "[file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f' AND file:mime_type = 'application/x-pdf']",
    [eq('file', "hashes.'SHA-256'", 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f'), eq('file', 'mime_type', 'application/x-pdf')],
  ],
  [
    "[file:hashes.'SHA-256' = 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c' OR file:hashes.MD5 = 'cead3f77f6cda6ec00f57d76c9a6879f'] AND [file:hashes.'SHA-256' = 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f']",
    [
      eq('file', "hashes.'SHA-256'", 'bf07a7fbb825fc0aae7bf4a1177b2b31fcf8a3feeaf7092761e18c859ee52a9c'),
      eq('file', 'hashes.MD5', 'cead3f77f6cda6ec00f57d76c9a6879f'),
      eq('file', "hashes.'SHA-256'", 'aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f'),
    ],
  ],
  [
    String.raw`([file:hashes.MD5 = '79054025255fb1a26e4bc422aef54eb4'] FOLLOWEDBY [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\foo\\bar']) WITHIN 300 SECONDS`,
    [eq('file', 'hashes.MD5', '79054025255fb1a26e4bc422aef54eb4'), eq('windows-registry-key', 'key', String.raw`HKEY_LOCAL_MACHINE\foo\bar`)],
  ],
  [
    "[user-account:account_type = 'unix' AND user-account:user_id = '1007' AND user-account:account_login = 'Peter'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1008' AND user-account:account_login = 'Paul'] AND [user-account:account_type = 'unix' AND user-account:user_id = '1009' AND user-account:account_login = 'Mary']",
    ['1007', 'Peter', '1008', 'Paul', '1009', 'Mary'].reduce<PatternComparison[]>(
      (all, value, i) =>
        i % 2 === 0
          ? [...all, eq('user-account', 'account_type', 'unix'), eq('user-account', 'user_id', value)]
          : [...all, eq('user-account', 'account_login', value)],
      [],
    ),
  ],
  [
    String.raw`[artifact:mime_type = 'application/vnd.tcpdump.pcap' AND artifact:payload_bin MATCHES '\\xd4\\xc3\\xb2\\xa1\\x02\\x00\\x04\\x00']`,
    [eq('artifact', 'mime_type', 'application/vnd.tcpdump.pcap'), eq('artifact', 'payload_bin', String.raw`\xd4\xc3\xb2\xa1\x02\x00\x04\x00`, 'MATCHES')],
  ],
  [String.raw`[file:name = 'foo.dll' AND file:parent_directory_ref.path = 'C:\\Windows\\System32']`, [eq('file', 'name', 'foo.dll'), eq('file', 'parent_directory_ref.path', String.raw`C:\Windows\System32`)]],
  ["[file:extensions.'windows-pebinary-ext'.sections[*].entropy > 7.0]", [eq('file', "extensions.'windows-pebinary-ext'.sections[*].entropy", 7, '>')]],
  ["[file:mime_type = 'image/bmp' AND file:magic_number_hex = h'ffd8']", [eq('file', 'mime_type', 'image/bmp'), eq('file', 'magic_number_hex', 'ffd8')]],
  [
    "[network-traffic:dst_ref.type = 'ipv4-addr' AND network-traffic:dst_ref.value = '203.0.113.33/32']",
    [eq('network-traffic', 'dst_ref.type', 'ipv4-addr'), eq('network-traffic', 'dst_ref.value', '203.0.113.33/32')],
  ],
  [
    "[network-traffic:dst_ref.type = 'domain-name' AND network-traffic:dst_ref.value = 'example.com'] REPEATS 5 TIMES WITHIN 1800 SECONDS",
    [eq('network-traffic', 'dst_ref.type', 'domain-name'), eq('network-traffic', 'dst_ref.value', 'example.com')],
  ],
  [
    "[domain-name:value = 'www.5z8.info' AND domain-name:resolves_to_refs[*].value = '198.51.100.1/32']",
    [eq('domain-name', 'value', 'www.5z8.info'), eq('domain-name', 'resolves_to_refs[*].value', '198.51.100.1/32')],
  ],
  ["[url:value = 'http://example.com/foo' OR url:value = 'http://example.com/bar']", [eq('url', 'value', 'http://example.com/foo'), eq('url', 'value', 'http://example.com/bar')]],
  [
    String.raw`[windows-registry-key:key = 'HKEY_CURRENT_USER\\Software\\CryptoLocker\\Files' OR windows-registry-key:key = 'HKEY_CURRENT_USER\\Software\\Microsoft\\CurrentVersion\\Run\\CryptoLocker_0388']`,
    [
      eq('windows-registry-key', 'key', String.raw`HKEY_CURRENT_USER\Software\CryptoLocker\Files`),
      eq('windows-registry-key', 'key', String.raw`HKEY_CURRENT_USER\Software\Microsoft\CurrentVersion\Run\CryptoLocker_0388`),
    ],
  ],
  [
    "[(file:name = 'pdf.exe' OR file:size = '371712') AND file:created = t'2014-01-13T07:03:17Z']",
    [eq('file', 'name', 'pdf.exe'), eq('file', 'size', '371712'), eq('file', 'created', '2014-01-13T07:03:17Z')],
  ],
  [
    "[email-message:sender_ref.value = 'jdoe@example.com' AND email-message:subject = 'Conference Info']",
    [eq('email-message', 'sender_ref.value', 'jdoe@example.com'), eq('email-message', 'subject', 'Conference Info')],
  ],
  ["[x-usb-device:usbdrive.serial_number = '575833314133343231313937']", [eq('x-usb-device', 'usbdrive.serial_number', '575833314133343231313937')]],
  [
    "[process:command_line MATCHES '^.+>-add GlobalSign.cer -c -s -r localMachine Root$'] FOLLOWEDBY [process:command_line MATCHES'^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$'] WITHIN 300 SECONDS",
    [
      eq('process', 'command_line', '^.+>-add GlobalSign.cer -c -s -r localMachine Root$', 'MATCHES'),
      eq('process', 'command_line', '^.+>-add GlobalSign.cer -c -s -r localMachineTrustedPublisher$', 'MATCHES'),
    ],
  ],
  ["[network-traffic:dst_ref.value ISSUBSET '2001:0db8:dead:beef:0000:0000:0000:0000/64']", [eq('network-traffic', 'dst_ref.value', '2001:0db8:dead:beef:0000:0000:0000:0000/64', 'ISSUBSET')]],
  [
    String.raw`([file:name = 'foo.dll'] AND [windows-registry-key:key = 'HKEY_LOCAL_MACHINE\\foo\\bar']) OR [process:name = 'fooproc' OR process:name = 'procfoo']`,
    [eq('file', 'name', 'foo.dll'), eq('windows-registry-key', 'key', String.raw`HKEY_LOCAL_MACHINE\foo\bar`), eq('process', 'name', 'fooproc'), eq('process', 'name', 'procfoo')],
  ],
  [
    "([ipv4-addr:value = '198.51.100.1/32' OR ipv4-addr:value = '203.0.113.33/32' OR ipv6-addr:value = '2001:0db8:dead:beef:dead:beef:dead:0001/128'] FOLLOWEDBY [domain-name:value = 'example.com']) WITHIN 600 SECONDS",
    [
      eq('ipv4-addr', 'value', '198.51.100.1/32'),
      eq('ipv4-addr', 'value', '203.0.113.33/32'),
      eq('ipv6-addr', 'value', '2001:0db8:dead:beef:dead:beef:dead:0001/128'),
      eq('domain-name', 'value', 'example.com'),
    ],
  ],
];

describe('STIX patterns: the examples of §9', () => {
  it.each(SPEC_EXAMPLES)('%s', (pattern, comparisons) => {
    expect(ok(pattern).comparisons).toEqual(comparisons);
  });

  it('keeps the qualifiers of the examples on the right expressions', () => {
    const ast = (i: number) => ok(SPEC_EXAMPLES[i]?.[0] ?? '').ast;
    expect(ast(11)).toMatchObject({ type: 'qualified', expression: { type: 'observation' }, qualifiers: [{ kind: 'REPEATS', times: 5 }, { kind: 'WITHIN', seconds: 1800 }] });
    expect(ast(4)).toMatchObject({ type: 'qualified', expression: { type: 'observation-group', operator: 'FOLLOWEDBY' }, qualifiers: [{ kind: 'WITHIN', seconds: 300 }] });
    expect(ast(18)).toMatchObject({
      type: 'observation-group',
      operator: 'FOLLOWEDBY',
      operands: [{ type: 'observation' }, { type: 'qualified', qualifiers: [{ kind: 'WITHIN', seconds: 300 }] }],
    });
    expect(ast(20)).toMatchObject({
      type: 'observation-group',
      operator: 'OR',
      operands: [{ type: 'observation-group', operator: 'AND' }, { type: 'observation', expression: { type: 'comparison-group', operator: 'OR' } }],
    });
  });
});
