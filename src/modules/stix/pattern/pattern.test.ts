import { describe, expect, it } from 'vitest';
import {
  equalityObservables,
  parsePattern,
  type ComparisonExpression,
  type ComparisonNode,
  type ObservationExpression,
  type PatternComparison,
  type PatternResult,
} from './pattern.js';

function ok(pattern: string): Extract<PatternResult, { ok: true }> {
  const result = parsePattern(pattern);
  if (!result.ok) throw new Error(`${pattern}\n${' '.repeat(result.position)}^ ${result.message.en}`);
  return result;
}

const eq = (objectType: string, path: string, value: PatternComparison['value'], operator: PatternComparison['operator'] = '=', negated = false): PatternComparison => ({
  objectType,
  path,
  operator,
  negated,
  value,
});

/** A compact picture of the tree: groups as OPERATOR(…), observations as […], qualifiers after "|". */
function shape(node: ObservationExpression | ComparisonExpression, leaf = (c: ComparisonNode) => c.objectType.replace(/^x-/, '')): string {
  switch (node.type) {
    case 'observation':
      return `[${shape(node.expression, leaf)}]`;
    case 'observation-group':
    case 'comparison-group':
      return `${node.operator}(${node.operands.map((o) => shape(o, leaf)).join(', ')})`;
    case 'qualified':
      return `${shape(node.expression, leaf)}|${node.qualifiers.map((q) => (q.kind === 'START_STOP' ? `START ${q.start} STOP ${q.stop}` : `${q.kind} ${q.kind === 'WITHIN' ? q.seconds : q.times}`)).join('|')}`;
    case 'comparison':
      return leaf(node);
  }
}

describe('STIX patterns: precedence', () => {
  const cases: Array<[string, string]> = [
    ['[x-a:v = 1] AND [x-b:v = 1] OR [x-c:v = 1]', 'OR(AND([a], [b]), [c])'],
    ['[x-a:v = 1] OR [x-b:v = 1] AND [x-c:v = 1]', 'OR([a], AND([b], [c]))'],
    ['[x-a:v = 1] FOLLOWEDBY [x-b:v = 1] OR [x-c:v = 1] AND [x-d:v = 1]', 'FOLLOWEDBY([a], OR([b], AND([c], [d])))'],
    ['[x-a:v = 1] AND [x-b:v = 1] FOLLOWEDBY [x-c:v = 1] AND [x-d:v = 1]', 'FOLLOWEDBY(AND([a], [b]), AND([c], [d]))'],
    ['[x-a:v = 1] OR [x-b:v = 1] FOLLOWEDBY [x-c:v = 1] OR [x-d:v = 1]', 'FOLLOWEDBY(OR([a], [b]), OR([c], [d]))'],
    ['([x-a:v = 1] FOLLOWEDBY [x-b:v = 1]) AND [x-c:v = 1]', 'AND(FOLLOWEDBY([a], [b]), [c])'],
    ['[x-a:v = 1] AND ([x-b:v = 1] OR [x-c:v = 1])', 'AND([a], OR([b], [c]))'],
    ['[x-a:v = 1] AND [x-b:v = 1] AND [x-c:v = 1] OR [x-d:v = 1]', 'OR(AND([a], [b], [c]), [d])'],
    ['[x-a:v = 1] FOLLOWEDBY [x-b:v = 1] FOLLOWEDBY [x-c:v = 1]', 'FOLLOWEDBY([a], [b], [c])'],
    ['(([x-a:v = 1]))', '[a]'],
    ['[x-a:v = 1] AND [x-b:v = 1] WITHIN 5 SECONDS', 'AND([a], [b]|WITHIN 5)'],
    ['([x-a:v = 1] AND [x-b:v = 1]) WITHIN 5 SECONDS', 'AND([a], [b])|WITHIN 5'],
    ['([x-a:v = 1] REPEATS 2 TIMES) REPEATS 3 TIMES', '[a]|REPEATS 2|REPEATS 3'],
    ['[x-a:v = 1 OR x-b:v = 1 AND x-c:v = 1]', '[OR(a, AND(b, c))]'],
    ['[x-a:v = 1 AND x-b:v = 1 OR x-c:v = 1 AND x-d:v = 1]', '[OR(AND(a, b), AND(c, d))]'],
    ['[(x-a:v = 1 OR x-b:v = 1) AND x-c:v = 1]', '[AND(OR(a, b), c)]'],
    ['[x-a:v = 1 AND (x-b:v = 1 OR (x-c:v = 1 AND x-d:v = 1))]', '[AND(a, OR(b, AND(c, d)))]'],
    ['( [(x-a:v IN (443, 6443) AND x-b:v != 0) ])', '[AND(a, b)]'],
  ];
  it.each(cases)('%s → %s', (pattern, expected) => {
    expect(shape(ok(pattern).ast)).toBe(expected);
  });

  it('groups qualifiers that are chained on one expression, in written order', () => {
    const result = ok("[x-a:v = 1] START t'2016-06-01T01:30:00.123Z' STOP t'2016-06-01T02:20:00.123Z' WITHIN 1.5 SECONDS REPEATS 2 TIMES");
    expect(result.ast).toMatchObject({
      type: 'qualified',
      qualifiers: [
        { kind: 'START_STOP', start: '2016-06-01T01:30:00.123Z', stop: '2016-06-01T02:20:00.123Z' },
        { kind: 'WITHIN', seconds: 1.5 },
        { kind: 'REPEATS', times: 2 },
      ],
    });
  });
});

describe('STIX patterns: the grammar', () => {
  const value = (pattern: string) => ok(pattern).comparisons[0]?.value;
  const constants = (pattern: string) => (ok(pattern).ast as { expression: ComparisonNode }).expression.constants;

  it('reads every kind of constant', () => {
    expect(constants("[x-a:v = 'it\\'s \\\\ here']")).toEqual([{ kind: 'string', value: "it's \\ here" }]);
    expect(constants('[x-a:v = -42]')).toEqual([{ kind: 'integer', value: -42 }]);
    expect(constants('[x-a:v = +7]')).toEqual([{ kind: 'integer', value: 7 }]);
    expect(constants('[x-a:v = 0]')).toEqual([{ kind: 'integer', value: 0 }]);
    expect(constants('[x-a:v > -0.5]')).toEqual([{ kind: 'float', value: -0.5 }]);
    expect(constants('[x-a:v < .25]')).toEqual([{ kind: 'float', value: 0.25 }]);
    expect(constants('[x-a:v = true]')).toEqual([{ kind: 'boolean', value: true }]);
    expect(constants('[x-a:v != false]')).toEqual([{ kind: 'boolean', value: false }]);
    expect(constants("[x-a:v = b'dGhpcyBpcyBhIHRlc3Q=']")).toEqual([{ kind: 'binary', value: 'dGhpcyBpcyBhIHRlc3Q=' }]);
    expect(constants("[x-a:v = b'YQ==']")).toEqual([{ kind: 'binary', value: 'YQ==' }]);
    expect(constants("[x-a:v = h'DEADbeef']")).toEqual([{ kind: 'hex', value: 'DEADbeef' }]);
    expect(constants("[x-a:v = h'']")).toEqual([{ kind: 'hex', value: '' }]);
    expect(constants("[x-a:v >= t'2016-02-29T23:59:60.5Z']")).toEqual([{ kind: 'timestamp', value: '2016-02-29T23:59:60.5Z' }]);
    expect(constants("[x-a:v = '']")).toEqual([{ kind: 'string', value: '' }]);
    expect(constants("[x-a:v = '安心 \n newline']")).toEqual([{ kind: 'string', value: '安心 \n newline' }]);
  });

  it('reads lists for IN, including an empty one and mixed kinds', () => {
    expect(value("[file:name IN ('test.txt', 'test2.exe', 'README')]")).toEqual(['test.txt', 'test2.exe', 'README']);
    expect(value('[file:size NOT IN(1024,2048 , 4096)]')).toEqual([1024, 2048, 4096]);
    expect(value("[x-a:v IN (1, 'two', 3.5, true, h'ff')]")).toEqual([1, 'two', 3.5, true, 'ff']);
    expect(value('[x-a:v IN ()]')).toEqual([]);
  });

  it('knows every operator, each with NOT, and EXISTS', () => {
    const ops = ['=', '!=', '>', '<', '>=', '<='] as const;
    for (const op of ops) {
      expect(ok(`[file:size ${op} 1]`).comparisons).toEqual([eq('file', 'size', 1, op)]);
      expect(ok(`[file:size NOT ${op} 1]`).comparisons).toEqual([eq('file', 'size', 1, op, true)]);
    }
    expect(ok('[file:size == 1]').comparisons).toEqual([eq('file', 'size', 1, '=')]);
    expect(ok('[file:size <> 1]').comparisons).toEqual([eq('file', 'size', 1, '!=')]);
    expect(ok("[file:name NOT LIKE 'a_cd%']").comparisons).toEqual([eq('file', 'name', 'a_cd%', 'LIKE', true)]);
    expect(ok("[file:name NOT MATCHES '^a+$']").comparisons).toEqual([eq('file', 'name', '^a+$', 'MATCHES', true)]);
    expect(ok("[ipv4-addr:value NOT ISSUBSET '192.168.0.1/24']").comparisons).toEqual([eq('ipv4-addr', 'value', '192.168.0.1/24', 'ISSUBSET', true)]);
    expect(ok("[ipv6-addr:value ISSUPERSET '2001:db8::1']").comparisons).toEqual([eq('ipv6-addr', 'value', '2001:db8::1', 'ISSUPERSET')]);
    expect(ok('[EXISTS windows-registry-key:values[*].name]').comparisons).toEqual([eq('windows-registry-key', 'values[*].name', null, 'EXISTS')]);
  });

  it('renders object paths canonically', () => {
    const path = (pattern: string) => ok(pattern).comparisons[0]?.path;
    expect(path("[file:hashes.'SHA-256' = 'x']")).toBe("hashes.'SHA-256'");
    expect(path("[file:hashes.'MD5' = 'x']")).toBe('hashes.MD5');
    expect(path("[file:'name' = 'x']")).toBe('name');
    expect(path("[file : extensions . 'windows-pebinary-ext' . sections [ * ] . entropy > 7.0]")).toBe("extensions.'windows-pebinary-ext'.sections[*].entropy");
    expect(path("[x-obj-type:a.b[*][+1][-1].'c-d'.'it\\'s' = 1]")).toBe("a.b[*][1][-1].'c-d'.'it\\'s'");
    expect(path("[network-traffic:extensions.'http-request-ext'.request_header.'Accept-Encoding' = 'gzip']")).toBe(
      "extensions.'http-request-ext'.request_header.'Accept-Encoding'",
    );
    const node = (ok("[x-obj-type:a[*].'c-d'[2] = 1]").ast as { expression: ComparisonNode }).expression;
    expect(node.steps).toEqual([{ kind: 'property', name: 'a' }, { kind: 'any-index' }, { kind: 'property', name: 'c-d' }, { kind: 'index', index: 2 }]);
  });

  it('accepts custom object types, type names at their length limits and a trailing hyphen as the schema does', () => {
    expect(ok("[x-acme-widget:name = 'a']").comparisons[0]?.objectType).toBe('x-acme-widget');
    expect(ok("[abc:name = 'a']").comparisons[0]?.objectType).toBe('abc');
    expect(ok(`[${'a'.repeat(250)}:name = 'a']`).ok).toBe(true);
    expect(ok("[abc-:name = 'a']").ok).toBe(true);
  });

  it('skips the whitespace and comments of the grammar, anywhere between tokens', () => {
    const spaced = "\u3000[\tfile:name\n=\u00a0'a'\r\n]\u2003/* trailing comment */ // and a line comment";
    expect(ok(spaced).comparisons).toEqual([eq('file', 'name', 'a')]);
    expect(ok("[file:name /* here */ = 'a' // there\n]").comparisons).toEqual([eq('file', 'name', 'a')]);
  });

  it('accepts the PCRE spellings that have a JavaScript equivalent', () => {
    for (const re of ['(?i)^evil\\\\.exe$', '\\\\Afoo\\\\z', '(?P<n>a)(?P=n)', '^[IMPORTANT] Please', 'a{2,}b?']) {
      expect(ok(`[file:name MATCHES '${re}']`).ok).toBe(true);
    }
  });

  it('records where observations and comparisons start', () => {
    const ast = ok("[file:name = 'a'] OR [ EXISTS file:size]").ast;
    expect(ast).toMatchObject({
      operands: [
        { position: 0, expression: { position: 1 } },
        { position: 21, expression: { position: 23 } },
      ],
    });
  });
});

describe('STIX patterns: equality observables', () => {
  it('lists the non-negated = comparisons once each, in order', () => {
    const result = parsePattern(
      "[ipv4-addr:value = '198.51.100.1' OR ipv4-addr:value != '10.0.0.1' OR file:name NOT = 'x'] AND " +
        "[file:hashes.'SHA-256' = 'aa' AND file:size IN (1, 2) AND file:size = 10 AND EXISTS file:name] FOLLOWEDBY [ipv4-addr:value = '198.51.100.1' AND x-a:v = true]",
    );
    expect(equalityObservables(result)).toEqual([
      { objectType: 'ipv4-addr', path: 'value', value: '198.51.100.1' },
      { objectType: 'file', path: "hashes.'SHA-256'", value: 'aa' },
      { objectType: 'file', path: 'size', value: 10 },
      { objectType: 'x-a', path: 'v', value: true },
    ]);
  });

  it('keeps a number and the same digits as a string apart, and gives nothing for an invalid pattern', () => {
    expect(equalityObservables(parsePattern("[file:size = 10 AND file:size = '10']"))).toEqual([
      { objectType: 'file', path: 'size', value: 10 },
      { objectType: 'file', path: 'size', value: '10' },
    ]);
    expect(equalityObservables(parsePattern('[file:size = ]'))).toEqual([]);
  });
});
