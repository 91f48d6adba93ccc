// Request and response schemas of the threat-intel browser (/api/intel): what the web UI reads and sends.
import { Type, type Static } from '@sinclair/typebox';
import { TLP_LEVELS } from '../stix/tlp.js';

const Id = Type.String({ minLength: 1, maxLength: 300 });
const Tlp = Type.Unsafe<(typeof TLP_LEVELS)[number]>({ type: 'string', enum: [...TLP_LEVELS], description: 'TLP level: clear, green, amber, amber+strict, red' });
const Audience = Type.Unsafe<'community' | 'public' | 'group' | 'feed' | 'inbox'>({ type: 'string', enum: ['community', 'public', 'group', 'feed', 'inbox'] });
const Instant = Type.String({ description: 'RFC 3339 timestamp', maxLength: 40 });
const AddedBound = Type.String({
  maxLength: 40, pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2}))?$',
  description: 'a date (YYYY-MM-DD, a UTC day) or an RFC 3339 timestamp; both ends inclusive',
});

export const OrgName = Type.Object({ id: Type.String(), nameJa: Type.String(), nameEn: Type.String() });

export const Readers = Type.Object({
  kind: Type.Unsafe<'community' | 'public' | 'signed_in' | 'org' | 'group'>({
    type: 'string', enum: ['community', 'public', 'signed_in', 'org', 'group'],
    description: 'community: every member organisation; public: anyone, without signing in; signed_in: every signed-in user; org: the organisations listed; group: the organisations of the sharing group. Coordinators read every collection.',
  }),
  orgs: Type.Optional(Type.Array(OrgName)),
  groupName: Type.Optional(Type.String()),
}, { description: 'who can read the collection, as data a UI can put into words' });

export const CollectionRef = Type.Object({
  id: Type.String(),
  title: Type.String({ description: 'the TAXII title (bilingual)' }),
  kind: Audience,
  alias: Type.Union([Type.String(), Type.Null()]),
  org: Type.Union([OrgName, Type.Null()], { description: 'the organisation of a feed or inbox' }),
  groupName: Type.Union([Type.String(), Type.Null()]),
});

export const IntelCollection = Type.Composite([CollectionRef, Type.Object({
  canRead: Type.Boolean(),
  canWrite: Type.Boolean(),
  objectCount: Type.Integer({ description: 'objects (latest versions) in the collection, counted up to objectCountCap' }),
  objectCountCapped: Type.Boolean({ description: 'true when there are more than objectCount' }),
  readers: Readers,
})]);

export const IntelCollectionList = Type.Object({
  items: Type.Array(IntelCollection),
  maxImportBytes: Type.Integer({ description: 'the largest bundle an import accepts' }),
});

export const ObjectListQuery = Type.Object({
  collection: Type.Optional(Type.String({ maxLength: 64 })),
  type: Type.Optional(Type.String({ maxLength: 250, pattern: '^[a-z0-9][a-z0-9-]*$' })),
  q: Type.Optional(Type.String({ maxLength: 200, description: 'part of the name, value or pattern, case-insensitive' })),
  label: Type.Optional(Type.String({ maxLength: 200 })),
  tlp: Type.Optional(Tlp),
  addedFrom: Type.Optional(AddedBound),
  addedTo: Type.Optional(AddedBound),
  before: Type.Optional(Type.String({ maxLength: 200, description: 'nextBefore of the previous page' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
}, { additionalProperties: false });

export const ObjectSummary = Type.Object({
  id: Type.String(),
  type: Type.String(),
  name: Type.String({ description: 'name, else value, pattern or another identifying property' }),
  tlp: Tlp,
  labels: Type.Array(Type.String()),
  created: Type.Union([Instant, Type.Null()]),
  modified: Type.Union([Instant, Type.Null()]),
  dateAdded: Instant,
  collectionIds: Type.Array(Type.String()),
});

export const ObjectPage = Type.Object({
  items: Type.Array(ObjectSummary),
  nextBefore: Type.Union([Type.String(), Type.Null()], { description: 'pass as before for older objects; null at the end' }),
  scanned: Type.Integer({ description: 'collection entries examined for this page (each page examines a bounded number)' }),
});

const Node = Type.Object({ id: Type.String(), type: Type.String(), name: Type.Union([Type.String(), Type.Null()]), readable: Type.Boolean() });
const Edge = Type.Object({ id: Type.String(), source: Type.String(), target: Type.String(), relationshipType: Type.String() });

export const ObjectDetail = Type.Object({
  object: Type.Object({}, { additionalProperties: true, description: 'the latest version the caller can read, as stored' }),
  tlp: Tlp,
  name: Type.String(),
  versions: Type.Array(Type.Object({ modified: Type.String(), dateAdded: Instant })),
  collections: Type.Array(CollectionRef),
  related: Type.Object({
    nodes: Type.Array(Node),
    edges: Type.Array(Edge),
    complete: Type.Boolean({ description: 'false when the search for referring relationships covered only the newest part of the store, or the graph was cut' }),
  }),
});

export const ObjectParams = Type.Object({ id: Id });
export const CollectionParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const StatusDetail = Type.Object({ id: Type.String(), version: Type.String(), message: Type.Optional(Type.String()) });
export const ImportStatus = Type.Object({
  id: Type.String(),
  status: Type.String(),
  request_timestamp: Type.String(),
  total_count: Type.Integer(),
  success_count: Type.Integer(),
  successes: Type.Optional(Type.Array(StatusDetail)),
  failure_count: Type.Integer(),
  failures: Type.Optional(Type.Array(StatusDetail)),
  pending_count: Type.Integer(),
}, { description: 'the TAXII status resource of the import (§4.3.1)' });

export const BundleBody = Type.Object({}, { additionalProperties: true, description: 'a STIX 2.1 bundle: {"type": "bundle", "id": …, "objects": [...]}' });

export type ObjectListQuery = Static<typeof ObjectListQuery>;
export type ObjectSummary = Static<typeof ObjectSummary>;
export type ObjectPage = Static<typeof ObjectPage>;
export type ObjectDetail = Static<typeof ObjectDetail>;
export type IntelCollection = Static<typeof IntelCollection>;
export type IntelCollectionList = Static<typeof IntelCollectionList>;
export type CollectionRef = Static<typeof CollectionRef>;
export type Readers = Static<typeof Readers>;
export type ImportStatus = Static<typeof ImportStatus>;
