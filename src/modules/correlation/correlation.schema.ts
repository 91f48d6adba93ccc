// Request and response schemas of correlation (/api/correlation) and sightings (/api/sightings).
import { Type, type Static } from '@sinclair/typebox';
import { OBSERVABLE_TYPES } from './observable-types.js';

const ObservableTypeSchema = Type.Unsafe<(typeof OBSERVABLE_TYPES)[number]>({ type: 'string', enum: [...OBSERVABLE_TYPES] });
const Instant = Type.String({ description: 'RFC 3339 timestamp', maxLength: 40 });
const StixId = Type.String({ minLength: 3, maxLength: 300, pattern: '^[a-z0-9][a-z0-9-]*--[0-9a-fA-F-]{36}$' });

export const Observable = Type.Object({ type: ObservableTypeSchema, value: Type.String() });

export const SourceRef = Type.Object({
  kind: Type.Unsafe<'stix' | 'report'>({ type: 'string', enum: ['stix', 'report'] }),
  id: Type.String(),
  type: Type.String({ description: 'the STIX type, or report' }),
  name: Type.Union([Type.String(), Type.Null()]),
});
export type SourceRef = Static<typeof SourceRef>;

export type LookupType = (typeof OBSERVABLE_TYPES)[number];

export const LookupQuery = Type.Object({
  value: Type.String({ minLength: 1, maxLength: 4096, description: 'an IP, CIDR, domain, URL, e-mail address or hash; defanged forms are accepted' }),
  type: Type.Optional(ObservableTypeSchema),
}, { additionalProperties: false });

const CoordinatorOnly = {
  sourceCount: Type.Optional(Type.Integer({ description: 'coordinators only: sources holding the value' })),
  overCorrelated: Type.Optional(Type.Boolean({ description: 'coordinators only: over CORRELATION_MAX_LINKS, links nothing' })),
};

export const LookupResult = Type.Object({
  observable: Observable,
  benign: Type.Boolean({ description: 'on the maintained benign list: never correlates' }),
  objects: Type.Array(SourceRef, { description: 'the objects holding the value that the caller can read' }),
  ...CoordinatorOnly,
});

export const Sighting = Type.Object({
  orgId: Type.String(),
  sightingId: Type.String(),
  firstSeen: Type.Union([Type.String(), Type.Null()]),
  lastSeen: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer(),
  updatedAt: Type.String(),
});

export const Sightings = Type.Object({
  count: Type.Union([Type.Integer(), Type.Null()], { description: 'distinct organisations; null below k' }),
  fewerThan: Type.Union([Type.Integer(), Type.Null()], { description: 'k when the count is hidden' }),
  k: Type.Integer(),
  mine: Type.Array(Sighting, { description: "the caller's organisations' own sightings" }),
  byOrg: Type.Optional(Type.Array(Type.Composite([Sighting, Type.Object({ nameJa: Type.String(), nameEn: Type.String() })]), { description: 'coordinators only' })),
});

export const Confidence = Type.Object({
  value: Type.Integer({ minimum: 0, maximum: 100 }),
  reliability: Type.Integer(),
  sightings: Type.Integer({ description: 'the sightings the value counts (none below k for non-coordinators)' }),
  ageDays: Type.Integer(),
  decay: Type.Number(),
});

export const Standing = Type.Object({ sightings: Sightings, confidence: Confidence });

export const ObjectCorrelation = Type.Object({
  id: Type.String(),
  type: Type.String(),
  values: Type.Array(Type.Composite([Observable, Type.Object(CoordinatorOnly)])),
  links: Type.Array(Type.Composite([SourceRef, Type.Object({ shared: Type.Array(Observable) })])),
  sightings: Type.Union([Sightings, Type.Null()]),
  confidence: Type.Union([Confidence, Type.Null()]),
});

export const ObjectParams = Type.Object({ id: StixId });

export const SightingBody = Type.Object({
  indicatorId: StixId,
  orgId: Type.Optional(Type.String({ maxLength: 64 })),
  firstSeen: Type.Optional(Instant),
  lastSeen: Type.Optional(Instant),
  count: Type.Optional(Type.Integer({ minimum: 1, maximum: 999_999_999 })),
}, { additionalProperties: false });
export type SightingBody = Static<typeof SightingBody>;

export const CampaignList = Type.Object({
  complete: Type.Boolean({ description: 'false when the scan stopped at its limit' }),
  items: Type.Array(Type.Object({
    size: Type.Integer({ description: 'sources in the cluster (observable objects not counted)' }),
    members: Type.Array(SourceRef),
    valueCount: Type.Integer(),
    values: Type.Array(Observable),
  })),
});

export const OverCorrelatedList = Type.Object({
  maxLinks: Type.Integer(),
  items: Type.Array(Type.Object({ type: ObservableTypeSchema, value: Type.String(), sourceCount: Type.Integer(), firstSeenAt: Type.String() })),
});
