// TAXII 2.1 server resources: discovery (§4.1), the API root (§4.2), adding (§5.5) and deleting (§5.7) objects.
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { requireCollection } from './collections.service.js';
import { ledgerOnDeleted } from './ledger-hooks.js';
import { onStoredFrom } from './stored-hooks.js';
import { parseFilter } from './filters.js';
import { TAXII_MEDIA_TYPE } from './media.js';
import { objectVersionsHeld, type Query, type TaxiiReply } from './read.service.js';
import { addObjects, deleteObjectVersions } from './store.service.js';

export const TAXII_PREFIX = '/taxii2';
export const API_ROOT_PATH = '/community/';

// Anonymous callers see discovery and the API root only where the public collection is open to them.
function requireReader(config: Config, ctx: RequestContext): void {
  if (ctx.actor.kind !== 'user' && !config.publicTaxii) throw new AppError('unauthenticated');
}

export function discovery(config: Config, ctx: RequestContext) {
  requireReader(config, ctx);
  const root = `${config.baseUrl}${TAXII_PREFIX}${API_ROOT_PATH}`;
  return {
    title: 'Anshin TAXII 2.1',
    description: 'Threat intelligence of the Anshin community: one API root, with collections per audience. / Anshin コミュニティの脅威情報',
    default: root,
    api_roots: [root],
  };
}

export function apiRoot(config: Config, ctx: RequestContext) {
  requireReader(config, ctx);
  return {
    title: 'Anshin community / Anshin コミュニティ',
    description: 'Collections: the community, the public, sharing groups, and each member organisation\'s feed and inbox.',
    versions: [TAXII_MEDIA_TYPE],
    max_content_length: config.taxiiMaxContentLength,
  };
}

const unprocessable = (detail: string) => new AppError('unprocessable', { detail });

/** The objects of an add-objects request body, which must be a TAXII envelope (§3.7), not a STIX bundle. */
export function envelopeObjects(body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw unprocessable('the body must be a TAXII envelope (a JSON object)');
  const envelope = body as Record<string, unknown>;
  if (envelope.type === 'bundle') throw unprocessable('send a TAXII envelope {"objects": [...]}, not a STIX bundle');
  if (!Array.isArray(envelope.objects)) throw unprocessable('the envelope has no "objects" list');
  return envelope.objects;
}

export async function postObjects(db: Database, config: Config, ctx: RequestContext, collectionId: string, body: unknown): Promise<TaxiiReply> {
  const { collection } = await requireCollection(db, config, ctx, collectionId, 'write');
  const objects = envelopeObjects(body);
  const { status } = await addObjects(db, {
    request: ctx, defaultTlp: config.defaultTlp, onStored: onStoredFrom(ctx, objects), trustedSources: [...config.confidenceReliability.keys()],
  }, collection.id, objects);
  return { status: 202, headers: {}, body: status };
}

export async function deleteObject(db: Database, config: Config, ctx: RequestContext, collectionId: string, objectId: string, query: Query): Promise<TaxiiReply> {
  const { collection } = await requireCollection(db, config, ctx, collectionId, 'delete');
  await objectVersionsHeld(db, collection.id, objectId);
  const filter = parseFilter(query, 'delete');
  await deleteObjectVersions(db, ctx, collection, objectId, filter, ledgerOnDeleted(ctx, collection, objectId));
  return { status: 200, headers: {}, body: undefined };
}
