import { describe, expect, it } from 'vitest';
import { detectFeedKind } from './feed-files.js';
import { JsonStreamError, readArrayMember, type ArrayStreamItem } from './json-array-stream.js';

async function collect(text: string, member: string, chunkSize = text.length): Promise<ArrayStreamItem[]> {
  const chunks = async function* () {
    for (let i = 0; i < text.length; i += chunkSize) yield Buffer.from(text.slice(i, i + chunkSize));
  };
  const out: ArrayStreamItem[] = [];
  for await (const item of readArrayMember(chunks(), member)) out.push(item);
  return out;
}

describe('readArrayMember', () => {
  const doc = '{"format":"NVD_CVE","n":2,"nested":{"a":[1,{"b":"}"}]},"vulnerabilities":[{"cve":{"id":"CVE-1","s":"a\\"],{"}},\n{"cve":{"id":"CVE-2"}}],"after":true}';

  it('yields every element and the other members as the header, whatever the chunk size', async () => {
    for (const size of [1, 2, 7, 1000]) {
      const items = await collect(doc, 'vulnerabilities', size);
      expect(items.filter((i) => i.kind === 'element').map((i) => (i as { value: { cve: { id: string } } }).value.cve.id)).toEqual(['CVE-1', 'CVE-2']);
      expect(items.at(-1)).toEqual({ kind: 'end', sawArray: true, header: { format: 'NVD_CVE', n: 2, nested: { a: [1, { b: '}' }] }, after: true } });
    }
  });

  it('keeps multi-byte characters split across chunks', async () => {
    const items = await collect('{"v":[{"d":"脆弱性"}]}', 'v', 1);
    expect(items[0]).toMatchObject({ kind: 'element', value: { d: '脆弱性' } });
  });

  it('says when the member is absent', async () => {
    expect((await collect('{"x":[1]}', 'v')).at(-1)).toEqual({ kind: 'end', sawArray: false, header: { x: [1] } });
  });

  it('names the line of a problem', async () => {
    await expect(collect('{"v":[\n{"a":1},\n{"a":}\n]}', 'v')).rejects.toThrow(new JsonStreamError('invalid JSON', 3));
    await expect(collect('{"v":[{"a":1},\n2]}', 'v')).rejects.toThrow(/line 2: every element of "v" must be a JSON object/);
    await expect(collect('{"v":[{"a":1}', 'v')).rejects.toThrow(/ends too early/);
    await expect(collect('[1,2]', 'v')).rejects.toThrow(/must hold a JSON object/);
    await expect(collect('{"v":[]} x', 'v')).rejects.toThrow(/after the end/);
  });
});

describe('detectFeedKind', () => {
  it('tells the feeds apart by their first characters', () => {
    expect(detectFeedKind('{"resultsPerPage":1,"format":"NVD_CVE","version":"2.0","vulnerabilities":[')).toBe('nvd');
    expect(detectFeedKind('{"vulnerabilities": [ {"cve": {"id":"CVE-2024-1"')).toBe('nvd');
    expect(detectFeedKind('{"title":"CISA Catalog","catalogVersion":"2024.08.20","vulnerabilities":[')).toBe('kev');
    expect(detectFeedKind('#model_version:v2023.03.01,score_date:2024-08-20T00:00:00+0000\ncve,epss,percentile\n')).toBe('epss');
    expect(detectFeedKind('cve,epss,percentile\nCVE-2024-1,0.1,0.2')).toBe('epss');
    expect(detectFeedKind('[{"cycle":"7.2","eol":"2025-09-30"}]')).toBe('eol');
    expect(detectFeedKind('{"document":{"csaf_version":"2.0"}}')).toBe('csaf');
    expect(detectFeedKind('{"product_tree":{},"vulnerabilities":[{"cve":"CVE-2024-1"}],"document":{"csaf_version":"2.0"}}')).toBe('csaf');
    expect(detectFeedKind('{"schema_version":"1.6.0","id":"GHSA-x","affected":[]}')).toBe('osv');
    expect(detectFeedKind('[{"id":"GHSA-x","modified":"2024-01-01T00:00:00Z","affected":[]}]')).toBe('osv');
    expect(detectFeedKind('hello')).toBeNull();
    expect(detectFeedKind('[1,2,3]')).toBeNull();
  });
});
