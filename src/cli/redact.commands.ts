// anshin redact --jsonl IN OUT: run the redaction detector over corpus-like records, streamed line by line.
// anshin redact-score CORPUS PREDICTIONS: score such predictions against a labelled corpus (what score.py prints).
import { createReadStream, createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { detectSensitive, scoreJsonl, type OrgProfile } from '../modules/redaction/index.js';
import { print } from './support.js';

interface RecordIn { id?: unknown; text?: unknown; org?: unknown }

function toOrg(value: unknown): OrgProfile {
  if (typeof value !== 'object' || value === null) return {};
  const o = value as Record<string, unknown>;
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  return { name: typeof o.name === 'string' ? o.name : undefined, aliases: strings(o.aliases), domains: strings(o.domains), cidrs: strings(o.cidrs) };
}

// One output line for one input line; a line that is not a record with a text is an error with its line number.
export async function redactLine(line: string, lineNumber: number): Promise<string> {
  let record: RecordIn;
  try {
    record = JSON.parse(line) as RecordIn;
  } catch {
    throw new Error(`line ${lineNumber}: not valid JSON`);
  }
  if (typeof record !== 'object' || record === null || typeof record.text !== 'string') throw new Error(`line ${lineNumber}: a record needs a "text" string`);
  const redactions = (await detectSensitive(record.text, toOrg(record.org))).map(({ start, end, label }) => ({ start, end, label }));
  return JSON.stringify({ id: record.id ?? null, redactions });
}

export async function redactJsonl(input: Readable, output: Writable): Promise<number> {
  let n = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    if (!output.write(`${await redactLine(line, lineNumber)}\n`)) await once(output, 'drain');
    n++;
  }
  return n;
}

export function registerRedactCommands(program: Command): void {
  program
    .command('redact')
    .description('propose redactions for JSON-lines records {id, text, org}; writes {id, redactions:[{start,end,label}]} per line')
    .requiredOption('--jsonl', 'input and output are JSON lines (the only format)')
    .argument('<in>', 'input file, or - for standard input')
    .argument('<out>', 'output file, or - for standard output')
    .action(async (inPath: string, outPath: string) => {
      const input = inPath === '-' ? process.stdin : createReadStream(inPath);
      const output = outPath === '-' ? process.stdout : createWriteStream(outPath);
      const n = await redactJsonl(input, output);
      if (output !== process.stdout) {
        output.end();
        await once(output, 'finish');
      }
      process.stderr.write(`${n} records\n`);
    });
  program
    .command('redact-score')
    .description('score redactions against a labelled corpus: per-label recall, recall, character precision, indicators kept (as the shared score.py)')
    .argument('<corpus>', 'labelled JSON lines {id, text, spans:[{start,end,label}]}')
    .argument('<predictions>', 'JSON lines {id, redactions:[{start,end,label}]}, as written by anshin redact --jsonl')
    .action(async (corpusPath: string, predictionsPath: string) => {
      const [corpus, predictions] = await Promise.all([readFile(corpusPath, 'utf8'), readFile(predictionsPath, 'utf8')]);
      for (const line of scoreJsonl(corpus, predictions)) print(line);
    });
}
