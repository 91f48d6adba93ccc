// The ledger over HTTP. /ledger/*: public, so that anyone can audit (hashes, proofs, the signed
// checkpoint and the key); /api/ledger/*: the signed-in views (readable events, receipts).
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { withErrors } from '../../http/schemas.js';
import { checkReceipt, consistency, inclusion, ledgerStatus, listReadableEntries, readEntry, receiptFor } from './ledger-read.service.js';
import { publishedKey } from './ledger.service.js';
import { acceptCosignatures, cosignedCheckpoint } from './ledger-witness.service.js';
import * as s from './ledger.schema.js';

const tags = ['ledger'];

export function ledgerRoutes(db: Database, deps: AppDeps) {
  return async function routes(app: FastifyInstance) {
    app.get('/ledger/checkpoint', {
      config: { access: 'public' },
      schema: { tags, summary: 'The latest signed checkpoint (C2SP tlog-checkpoint in a C2SP signed note) with the witnesses\' cosignatures received for it, text/plain' },
    }, async (_request, reply) => reply.type('text/plain; charset=utf-8').header('cache-control', 'no-cache').send(await cosignedCheckpoint(db, deps)));

    app.post<{ Body: s.CosignatureBody }>('/ledger/cosignatures', {
      config: { access: 'public' },
      schema: { tags, summary: 'A witness\'s cosignature (C2SP tlog-cosignature/v1) of a signed checkpoint; only the witnesses of LEDGER_WITNESSES are accepted', body: s.CosignatureBody, response: withErrors({ 200: s.CosignatureAccepted }) },
    }, async (request) => acceptCosignatures(db, deps, request.body.size, request.body.cosignature));

    app.get('/ledger/key', {
      config: { access: 'public' },
      schema: { tags, summary: 'The verifier key of the checkpoints (C2SP signed-note verifier key), text/plain' },
    }, async (_request, reply) => reply.type('text/plain; charset=utf-8').send(`${await publishedKey(db, deps)}\n`));

    app.get<{ Querystring: s.InclusionQuery }>('/ledger/proof/inclusion', {
      config: { access: 'public' },
      schema: { tags, summary: 'Inclusion proof of entry `index` in the tree of `size` entries (RFC 9162 §2.1.3)', querystring: s.InclusionQuery, response: withErrors({ 200: s.InclusionProof }) },
    }, async (request) => inclusion(db, request.query.index, request.query.size));

    app.get<{ Querystring: s.ConsistencyQuery }>('/ledger/proof/consistency', {
      config: { access: 'public' },
      schema: { tags, summary: 'Consistency proof between the trees of `first` and `second` entries (RFC 9162 §2.1.4)', querystring: s.ConsistencyQuery, response: withErrors({ 200: s.ConsistencyProof }) },
    }, async (request) => consistency(db, request.query.first, request.query.second));

    app.get<{ Params: s.EntryParams }>('/ledger/entries/:index', {
      config: { access: 'public' },
      schema: { tags, summary: 'One entry: its leaf hash for everyone, and its event for those who may read it', params: s.EntryParams, response: withErrors({ 200: s.Entry }) },
    }, async (request) => readEntry(db, request.ctx, request.params.index));

    app.get('/api/ledger/status', {
      config: { access: 'user' },
      schema: { tags, summary: 'The ledger size, latest signed checkpoint and verifier key', response: withErrors({ 200: s.Status }) },
    }, async () => ledgerStatus(db, deps));

    app.get<{ Querystring: s.EntriesQuery }>('/api/ledger/entries', {
      config: { access: 'user' },
      schema: { tags, summary: 'Entries whose events the caller may read, newest first', querystring: s.EntriesQuery, response: withErrors({ 200: s.EntryList }) },
    }, async (request) => listReadableEntries(db, request.ctx, request.query));

    app.get<{ Params: s.EntryParams }>('/api/ledger/entries/:index/receipt', {
      config: { access: 'user' },
      schema: { tags, summary: 'A receipt (entry, inclusion proof, signed checkpoint) for an entry the caller may read, as JSON', params: s.EntryParams, response: withErrors({ 200: s.Receipt }) },
    }, async (request, reply) => {
      const receipt = await receiptFor(db, deps, request.ctx, request.params.index);
      return reply.header('content-disposition', `attachment; filename="ledger-receipt-${receipt.index}.json"`).send(receipt);
    });

    app.post<{ Body: s.ReceiptCheckBody }>('/api/ledger/receipts/verify', {
      config: { access: 'user' },
      schema: { tags, summary: 'Verify a receipt with this log\'s key, and its checkpoint against the log now', body: s.ReceiptCheckBody, response: withErrors({ 200: s.ReceiptCheck }) },
    }, async (request) => checkReceipt(db, deps, request.body.receipt));
  };
}
