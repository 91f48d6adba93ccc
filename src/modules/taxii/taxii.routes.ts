// TAXII 2.1 (§4, §5) under /taxii2: one API root, "community". Registered with { prefix: '/taxii2' }.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteAccess } from '../../auth/auth.plugin.js';
import type { Database } from '../../db/database.js';
import type { AppDeps } from '../../deps.js';
import { getCollectionFor, listCollectionsFor } from './collections.service.js';
import { getManifest, getObjects, startManifestRead, startObjectsRead, type Query, type ReadInput } from './read.service.js';
import { getStatus } from './status.service.js';
import { registerTaxiiHttp, sendTaxii } from './taxii-http.js';
import { apiRoot, deleteObject, discovery, postObjects } from './taxii.service.js';

type Params = { collectionId: string; objectId: string; statusId: string };
type Req = FastifyRequest<{ Params: Params; Querystring: Query }>;
const schema = (summary: string) => ({ tags: ['taxii'], summary });
const readInput = (r: Req): ReadInput => ({ collectionId: r.params.collectionId, query: r.query, ...(r.params.objectId === undefined ? {} : { objectId: r.params.objectId }) });

// The reads of a TAXII read that do not depend on the caller start beside the caller's authentication (auth.plugin.ts).
function prefetched<T>(start: (input: ReadInput) => T) {
  const started = new WeakMap<FastifyRequest, T>();
  return {
    prefetch: (request: FastifyRequest) => void started.set(request, start(readInput(request as Req))),
    take: (request: Req) => started.get(request),
  };
}

export function taxiiRoutes(db: Database, deps: AppDeps) {
  const { config } = deps;
  // Readable without sign-in only when the community opens its public collection.
  const read: RouteAccess = config.publicTaxii ? 'public' : 'user';
  const root = '/community';
  const collection = `${root}/collections/:collectionId`;
  const object = `${collection}/objects/:objectId`;

  return async function routes(app: FastifyInstance) {
    registerTaxiiHttp(app);
    const get = (url: string, summary: string, access: RouteAccess, handler: (request: Req) => Promise<object>) =>
      app.get(url, { config: { access }, schema: schema(summary) }, async (request: Req, reply) => sendTaxii(reply, { status: 200, headers: {}, body: await handler(request) }));

    app.get('/', { config: { access: read }, schema: schema('Server discovery (§4.1)'), prefixTrailingSlash: 'slash' },
      async (request, reply) => sendTaxii(reply, { status: 200, headers: {}, body: discovery(config, request.ctx) }));
    get(`${root}/`, 'API root information (§4.2)', read, async (r) => apiRoot(config, r.ctx));
    get(`${root}/status/:statusId/`, 'Status of an add-objects request (§4.3)', 'user', (r) => getStatus(db, r.ctx, r.params.statusId));
    get(`${root}/collections/`, 'Collections the caller can read or write (§5.1)', read, (r) => listCollectionsFor(db, config, r.ctx));
    get(`${collection}/`, 'One collection (§5.2)', read, (r) => getCollectionFor(db, config, r.ctx, r.params.collectionId));

    const objects = prefetched((input) => startObjectsRead(db, input));
    const manifest = prefetched((input) => startManifestRead(db, input));
    const readObjects = { access: read, prefetch: objects.prefetch };
    const readManifest = { access: read, prefetch: manifest.prefetch };
    const sendObjects = async (r: Req, reply: FastifyReply) => sendTaxii(reply, await getObjects(db, config, r.ctx, readInput(r), objects.take(r)));
    const sendManifest = async (r: Req, reply: FastifyReply) => sendTaxii(reply, await getManifest(db, config, r.ctx, readInput(r), manifest.take(r)));

    app.get(`${collection}/manifest/`, { config: readManifest, schema: schema('Manifest of objects (§5.3)') }, sendManifest);
    app.get(`${collection}/objects/`, { config: readObjects, schema: schema('Objects, in an envelope (§5.4)') }, sendObjects);
    app.post(`${collection}/objects/`, {
      config: { access: 'user' },
      bodyLimit: config.taxiiMaxContentLength,
      schema: schema('Add objects from an envelope; answers with a status resource (§5.5)'),
    }, async (r: Req, reply) => sendTaxii(reply, await postObjects(db, config, r.ctx, r.params.collectionId, r.body)));
    app.get(`${object}/`, { config: readObjects, schema: schema('One object\'s versions, in an envelope (§5.6)') }, sendObjects);
    app.delete(`${object}/`, { config: { access: 'user' }, schema: schema('Delete an object, or some of its versions (§5.7)') },
      async (r: Req, reply) => sendTaxii(reply, await deleteObject(db, config, r.ctx, r.params.collectionId, r.params.objectId, r.query)));
    app.get(`${object}/versions/`, { config: readManifest, schema: schema('Versions of an object (§5.8)') }, sendManifest);
  };
}
