// Imports a STIX bundle of any size into a collection: read as a stream (one object parsed at a time),
// stored in batches through the store's one entrance (addObjects), so memory holds one batch at most.
// Each batch is its own transaction: what was stored before a malformed part of the file stays stored.
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { readBundle } from '../stix/bundle-stream.js';
import type { TlpLevel } from '../stix/tlp.js';
import { validateBundleEnvelope } from '../stix/validate.js';
import type { StatusDetail } from './prepare.js';
import { ledgerOnStored } from './ledger-hooks.js';
import { addObjects } from './store.service.js';

export const IMPORT_BATCH_SIZE = 5000;

export interface ImportProgress {
  objects: number; // read from the bundle so far
  added: number; // new entries in the collection
  duplicates: number; // already in the collection (same id and version, same content)
  failed: number;
  elapsedMs: number;
}

export interface ImportSummary extends ImportProgress {
  failures: StatusDetail[]; // the first `maxFailures`, with their position in the bundle where they have no id
  bundleIssues: string[]; // problems of the bundle's own properties (type, id)
}

export interface ImportOptions {
  batchSize?: number;
  maxFailures?: number;
  onProgress?: (progress: ImportProgress) => void;
}

interface Batch {
  objects: unknown[];
  indexes: number[]; // each object's position in the bundle
}

const POSITION = /^\$\.objects\[(\d+)\]$/;

// Status lines speak of positions within the batch; the operator wants positions within the bundle.
function inBundle(detail: StatusDetail, indexes: readonly number[]): StatusDetail {
  const position = POSITION.exec(detail.id);
  return position ? { ...detail, id: `$.objects[${indexes[Number(position[1])] ?? position[1]}]` } : detail;
}

export async function importBundleAsOperator(
  db: Database, deps: { defaultTlp: TlpLevel }, ctx: RequestContext, collectionId: string,
  input: AsyncIterable<string | Uint8Array>, options: ImportOptions = {},
): Promise<ImportSummary> {
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE;
  const maxFailures = options.maxFailures ?? 20;
  const started = performance.now();
  const summary: ImportSummary = { objects: 0, added: 0, duplicates: 0, failed: 0, elapsedMs: 0, failures: [], bundleIssues: [] };
  const fail = (detail: StatusDetail) => {
    summary.failed++;
    if (summary.failures.length < maxFailures) summary.failures.push(detail);
  };
  // addObjects refreshes the planner's statistics as the store grows (PostgreSQL).
  const store = async (batch: Batch) => {
    if (batch.objects.length > 0) await storeBatch(db, { request: ctx, defaultTlp: deps.defaultTlp }, collectionId, batch, summary, fail);
    summary.elapsedMs = performance.now() - started;
    options.onProgress?.({ ...summary });
  };
  let batch: Batch = { objects: [], indexes: [] };
  for await (const item of readBundle(input)) {
    if (item.kind === 'header') {
      summary.bundleIssues = validateBundleEnvelope(item.value).map((issue) => `${issue.path}: ${issue.message[ctx.locale]} (${issue.rule})`);
      continue;
    }
    summary.objects++;
    batch.objects.push(item.value);
    batch.indexes.push(item.index);
    if (batch.objects.length >= batchSize) {
      await store(batch);
      batch = { objects: [], indexes: [] };
    }
  }
  await store(batch);
  return summary;
}

async function storeBatch(
  db: Database, ctx: { request: RequestContext; defaultTlp: TlpLevel }, collectionId: string, batch: Batch,
  summary: ImportSummary, fail: (detail: StatusDetail) => void,
): Promise<void> {
  const { status, added } = await addObjects(db, { ...ctx, onStored: ledgerOnStored(ctx.request) }, collectionId, batch.objects);
  summary.added += added;
  summary.duplicates += status.success_count - added;
  for (const failure of status.failures ?? []) fail(inBundle(failure, batch.indexes));
}
