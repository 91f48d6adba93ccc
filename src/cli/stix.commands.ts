// anshin stix validate | import | export: STIX 2.1 bundles from and to files, streamed; recheck-tlp after an upgrade.
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Option, type Command } from 'commander';
import { systemContext } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { drainIndex } from '../modules/correlation/indexer.service.js';
import { readBundle } from '../modules/stix/bundle-stream.js';
import { validateStixObject } from '../modules/stix/validate.js';
import { exportObjectsAsOperator, resolveCollectionAsOperator, type ExportOptions } from '../modules/taxii/export.service.js';
import { importBundleAsOperator, type ImportProgress, type ImportSummary } from '../modules/taxii/import.service.js';
import { recheckTlp } from '../modules/taxii/tlp-recheck.service.js';
import { print, withDatabase } from './support.js';

type Lang = 'ja' | 'en';

export async function validateBundleFile(file: string, lang: Lang, out: (line: string) => void): Promise<{ objects: number; invalid: number }> {
  let objects = 0;
  let invalid = 0;
  for await (const item of readBundle(createReadStream(file))) {
    if (item.kind === 'header') {
      if (item.value.type !== 'bundle') out(`$.type: ${lang === 'ja' ? 'type は "bundle" でなければなりません' : 'type must be "bundle"'}`);
      continue;
    }
    objects++;
    const issues = validateStixObject(item.value);
    if (issues.length === 0) continue;
    invalid++;
    for (const issue of issues) out(`${issue.path.replace(/^\$/, `$.objects[${item.index}]`)} [${issue.rule}] ${issue.message[lang]}`);
  }
  return { objects, invalid };
}

// The operator reads English on the terminal; AppError codes become their messages.
async function operate<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof AppError) throw new Error(error.localized('en'));
    throw error;
  }
}

const rate = (objects: number, ms: number): string => `${Math.round(objects / Math.max(ms / 1000, 0.001))} objects/s`;
const counts = (p: ImportProgress): string => `${p.objects} objects read: ${p.added} added, ${p.duplicates} duplicates, ${p.failed} failed`;

function printSummary(summary: ImportSummary): void {
  print(`${counts(summary)} (${(summary.elapsedMs / 1000).toFixed(1)} s, ${rate(summary.objects, summary.elapsedMs)})`);
  for (const issue of summary.bundleIssues) print(`bundle: ${issue}`);
  if (summary.failures.length > 0) print(`first ${summary.failures.length} of ${summary.failed} failures:`);
  for (const f of summary.failures) print(`  ${f.id} ${f.version}: ${f.message ?? ''}`);
}

// A progress line on standard error at most once a second (and for the first batch), so that a big import stays readable.
function progressPrinter(): (p: ImportProgress) => void {
  let printedAt = -Infinity;
  return (p) => {
    if (p.elapsedMs - printedAt < 1000) return;
    printedAt = p.elapsedMs;
    process.stderr.write(`${counts(p)} (${rate(p.objects, p.elapsedMs)})\n`);
  };
}

function registerImport(stix: Command): void {
  stix
    .command('import')
    .description('store the objects of a bundle in a collection, as the operator (streamed: any size; batches are separate transactions)')
    .requiredOption('--collection <id|alias>', 'the collection: its id, or an alias such as "community" or "public"')
    .argument('<file>', 'a STIX 2.1 bundle (JSON), or - for standard input')
    .option('--batch-size <n>', 'objects per transaction', (v) => positive(v, '--batch-size'), 5000)
    .option('--quiet', 'no progress lines on standard error')
    .action(async (file: string, options: { collection: string; batchSize: number; quiet?: boolean }) =>
      operate(() => withDatabase(async (db, config) => {
        const collection = await resolveCollectionAsOperator(db, options.collection);
        const input = file === '-' ? process.stdin : createReadStream(file);
        const onProgress = options.quiet ? undefined : progressPrinter();
        const summary = await importBundleAsOperator(db, config, systemContext('en'), collection.id, input, { batchSize: options.batchSize, onProgress });
        printSummary(summary);
        // A running server's indexer would catch up too; draining here makes the values searchable now.
        const indexed = await drainIndex(db);
        if (!options.quiet) process.stderr.write(`correlation: ${indexed.entries} entries indexed, ${indexed.occurrences} new occurrences\n`);
        if (summary.failed > 0 || summary.bundleIssues.length > 0) process.exitCode = 1;
      })),
    );
}

function positive(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new Error(`${name} must be a whole number from 1 to 100000`);
  return n;
}

// Writes with back-pressure: waits for the stream to drain instead of buffering the whole bundle.
async function write(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

/** Writes a bundle of the collection's objects; returns how many objects it holds. */
export async function writeBundle(out: Writable, pages: AsyncIterable<string[]>): Promise<number> {
  let count = 0;
  await write(out, `{"type":"bundle","id":"bundle--${randomUUID()}","objects":[`);
  for await (const page of pages) {
    await write(out, `${count > 0 ? ',' : ''}\n${page.join(',\n')}`);
    count += page.length;
  }
  await write(out, '\n]}\n');
  return count;
}

interface ExportCliOptions {
  collection: string;
  type?: string;
  addedAfter?: string;
  allVersions?: boolean;
  output?: string;
}

function registerExport(stix: Command): void {
  stix
    .command('export')
    .description('write a collection\'s objects as a STIX 2.1 bundle, in date_added order (streamed: any size)')
    .requiredOption('--collection <id|alias>', 'the collection: its id, or an alias such as "community" or "public"')
    .option('--type <types>', 'only these STIX types, comma-separated (e.g. indicator,malware)')
    .option('--added-after <timestamp>', 'only objects added after this RFC 3339 UTC timestamp (as TAXII added_after)')
    .option('--all-versions', 'every stored version, not only the latest of each object')
    .option('-o, --output <file>', 'write to this file instead of standard output')
    .action(async (options: ExportCliOptions) =>
      operate(() => withDatabase(async (db) => {
        const collection = await resolveCollectionAsOperator(db, options.collection);
        const filters: ExportOptions = {
          ...(options.type ? { types: options.type.split(',').map((t) => t.trim()).filter(Boolean) } : {}),
          ...(options.addedAfter ? { addedAfter: options.addedAfter } : {}),
          allVersions: options.allVersions === true,
        };
        const pages = exportObjectsAsOperator(db, collection.id, filters);
        if (!options.output) {
          await writeBundle(process.stdout, pages);
          return;
        }
        const file = createWriteStream(options.output);
        await once(file, 'open');
        const count = await writeBundle(file, pages);
        file.end();
        await once(file, 'finish');
        process.stderr.write(`${count} objects written to ${options.output}\n`);
      })),
    );
}

function registerRecheckTlp(stix: Command): void {
  stix
    .command('recheck-tlp')
    .description('after upgrading: count granular markings in the TLP of stored objects and list copies in collections their TLP does not allow')
    .option('--remove', 'take the misplaced copies out of those collections (recorded in the audit log and the ledger)')
    .action(async (options: { remove?: boolean }) =>
      operate(() => withDatabase(async (db) => {
        const result = await recheckTlp(db, { remove: options.remove === true });
        for (const m of result.misplaced) print(`misplaced: ${m.stixId} ${m.version} is TLP:${m.tlp.toUpperCase()} in collection ${m.collectionId} (${m.audience})`);
        print(`${result.checked} stored versions with granular markings, ${result.retagged} TLP corrected, `
          + `${result.misplaced.length} misplaced copies, ${result.removed} removed`);
        if (result.misplaced.length > result.removed) process.exitCode = 1;
      })),
    );
}

export function registerStixCommands(program: Command): void {
  const stix = program.command('stix').description('STIX 2.1 bundles: validate, import into a collection, export from one; recheck stored TLP');
  stix
    .command('validate')
    .description('check every object of a bundle file against STIX 2.1 (streamed: any size)')
    .argument('<file>', 'a STIX 2.1 bundle (JSON)')
    .addOption(new Option('--lang <lang>', 'language of the messages').choices(['ja', 'en']).default('en'))
    .action(async (file: string, options: { lang: Lang }) => {
      const { objects, invalid } = await validateBundleFile(file, options.lang, print);
      print(`${objects} objects, ${objects - invalid} valid, ${invalid} invalid`);
      if (invalid > 0) process.exitCode = 1;
    });
  registerImport(stix);
  registerExport(stix);
  registerRecheckTlp(stix);
}
