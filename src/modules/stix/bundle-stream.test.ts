import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BundleFormatError, readBundle, type BundleItem } from './bundle-stream.js';

const EXAMPLES = 'src/modules/stix/testdata/oasis-examples';

async function collect(chunks: Array<string | Uint8Array>): Promise<BundleItem[]> {
  const items: BundleItem[] = [];
  async function* source() {
    yield* chunks;
  }
  for await (const item of readBundle(source())) items.push(item);
  return items;
}

function split(text: string, size: number): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) parts.push(text.slice(i, i + size));
  return parts;
}

describe('streaming bundle reader', () => {
  it('reads every official example bundle exactly like JSON.parse, whatever the chunk size', async () => {
    const files = readdirSync(EXAMPLES, { recursive: true }).map(String).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const text = readFileSync(join(EXAMPLES, file), 'utf8');
      const expected = JSON.parse(text) as { objects: unknown[]; type: string; id: string };
      if (expected.type !== 'bundle') continue;
      for (const size of [1, 7, 4096, text.length]) {
        const items = await collect(split(text, size));
        expect(items.filter((i) => i.kind === 'object').map((i) => i.value)).toEqual(expected.objects);
        expect(items.at(-1)).toEqual({ kind: 'header', value: { type: expected.type, id: expected.id } });
      }
    }
  });

  it('keeps multi-byte characters whole across byte chunk boundaries', async () => {
    const text = JSON.stringify({ type: 'bundle', id: 'bundle--1', objects: [{ type: 'x-note', name: '安心 "引用" \\ 🚀', n: [1, { a: '}' }] }] });
    const bytes = new TextEncoder().encode(text);
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.slice(i, i + 1));
    const items = await collect(chunks);
    expect(items[0]).toEqual({ kind: 'object', index: 0, value: JSON.parse(text).objects[0] });
  });

  it('refuses what is not a bundle, with the position', async () => {
    const bad = ['[1,2]', '{"objects": 5}', '{"objects": [1]}', '{"objects": [{"a": }]}', '{"type": "bundle", "objects": [{}]', '{"objects": []} extra', '{"a" 1}'];
    for (const text of bad) await expect(collect([text])).rejects.toBeInstanceOf(BundleFormatError);
  });

  it('reads keys with escapes and ignores objects outside the objects list', async () => {
    const items = await collect(['{"type":"bundle","x\\"y":{"objects":[{"not":"me"}]},"objects":[{"id":"a"},{"id":"b"}]}']);
    expect(items.map((i) => i.value)).toEqual([{ id: 'a' }, { id: 'b' }, { type: 'bundle', 'x"y': { objects: [{ not: 'me' }] } }]);
  });
});
