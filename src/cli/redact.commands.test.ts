import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { redactJsonl, redactLine } from './redact.commands.js';

const record = { id: 'r1', text: '担当の鈴木です。C2 は 45.9.20.1、社内 10.1.1.1', org: { name: 'X', aliases: [], domains: [], cidrs: [] } };

describe('anshin redact --jsonl', () => {
  it('writes one {id, redactions} line per record, offsets as JS indices, indicators untouched', async () => {
    const output = new PassThrough();
    const chunks: string[] = [];
    output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
    const input = Readable.from([`${JSON.stringify(record)}\n\n`, `${JSON.stringify({ id: 'r2', text: 'nothing here' })}\n`]);
    expect(await redactJsonl(input, output)).toBe(2);
    const lines = chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as { id: string; redactions: { start: number; end: number; label: string }[] });
    expect(lines.map((l) => l.id)).toEqual(['r1', 'r2']);
    expect(lines[0]?.redactions.map((r) => [record.text.slice(r.start, r.end), r.label])).toEqual([['鈴木', 'PERSON'], ['10.1.1.1', 'INTERNAL_IP']]);
    expect(lines[1]?.redactions).toEqual([]);
  });
  it('rejects a line that is not a record, with its line number', async () => {
    await expect(redactLine('{oops', 3)).rejects.toThrow('line 3: not valid JSON');
    await expect(redactLine('{"id":1}', 4)).rejects.toThrow('line 4: a record needs a "text" string');
  });
});
