import { Type, type Static } from '@sinclair/typebox';
import { Timestamp } from '../../http/schemas.js';
import { TLP_LEVELS } from '../stix/tlp.js';
import { ADVISORY_LIMITS, INDICATOR_KINDS, MAX_AUDIENCE_ORGS } from './advisory-limits.js';

const Id = Type.String({ minLength: 1, maxLength: 64 });
const literals = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });
const Bilingual = (max: number) => Type.Object({ ja: Type.String({ maxLength: max }), en: Type.String({ maxLength: max }) }, { additionalProperties: false });

export const ReportParams = Type.Object({ id: Id });
export type ReportParams = Static<typeof ReportParams>;

const Redaction = Type.Object({
  id: Type.String(), start: Type.Integer(), end: Type.Integer(), label: Type.String(), reason: Type.String(),
  origin: Type.String(), decision: Type.Union([Type.Literal('accepted'), Type.Literal('rejected'), Type.Null()]), text: Type.String(),
});
export const Review = Type.Object({
  reportId: Type.String(),
  version: Type.Integer(),
  text: Type.String(),
  redactions: Type.Array(Redaction),
  indicators: Type.Array(Type.Object({ start: Type.Integer(), end: Type.Integer(), label: Type.String(), value: Type.String() })),
  redactedText: Type.String(),
  undecided: Type.Integer(),
});

export const DecisionBody = Type.Object({
  version: Type.Integer({ minimum: 1 }),
  decisions: Type.Optional(Type.Array(Type.Object({ id: Id, decision: literals(['accepted', 'rejected'] as const) }, { additionalProperties: false }), { maxItems: 5000 })),
  additions: Type.Optional(Type.Array(Type.Object({
    start: Type.Integer({ minimum: 0 }), end: Type.Integer({ minimum: 1 }), label: Type.String({ maxLength: 40 }),
    remember: Type.Optional(Type.Boolean({ description: 'also redact this text in the organisation\'s later reports (redaction memory)' })),
  }, { additionalProperties: false }), { maxItems: 1000 })),
}, { additionalProperties: false });
export type DecisionBody = Static<typeof DecisionBody>;

const Indicator = Type.Object({ kind: literals(INDICATOR_KINDS), value: Type.String({ minLength: 1, maxLength: 2048 }) }, { additionalProperties: false });
const Generalisation = Type.Object({
  profile: Type.Object({ sector: Type.String(), sizeBand: Type.String(), prefecture: Type.String() }),
  levels: Type.Object({ sector: Type.Integer(), sizeBand: Type.Integer(), prefecture: Type.Integer() }),
  k: Type.Integer(),
  satisfied: Type.Boolean(),
  generalised: Type.Array(Type.String()),
});

export const Draft = Type.Object({
  reportId: Type.String(),
  version: Type.Integer(),
  redactedText: Type.String(),
  undecided: Type.Integer(),
  indicators: Type.Array(Indicator),
  malware: Type.Array(Type.String()),
  vulnerabilities: Type.Array(Type.String()),
  victim: Type.Intersect([Generalisation, Type.Object({ threshold: Type.Integer() })]),
  nameConsent: Type.Boolean({ description: 'the reporting organisation agreed to be named' }),
  published: Type.Union([Type.Object({ id: Type.String(), stixReportId: Type.String(), publishedAt: Timestamp }), Type.Null()]),
});

const Audience = Type.Union([
  Type.Object({ kind: Type.Literal('public') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('community') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('group'), groupId: Id }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('orgs'), orgIds: Type.Array(Id, { minItems: 1, maxItems: MAX_AUDIENCE_ORGS }) }, { additionalProperties: false }),
]);

export const PublishBody = Type.Object({
  title: Bilingual(ADVISORY_LIMITS.title),
  summary: Bilingual(ADVISORY_LIMITS.summary),
  tlp: literals(TLP_LEVELS),
  audience: Audience,
  indicators: Type.Array(Indicator, { maxItems: ADVISORY_LIMITS.indicators }),
  malware: Type.Array(Type.String({ maxLength: ADVISORY_LIMITS.name }), { maxItems: ADVISORY_LIMITS.names }),
  vulnerabilities: Type.Array(Type.String({ maxLength: 40 }), { maxItems: ADVISORY_LIMITS.names }),
  attackPatterns: Type.Array(Type.Object({
    name: Type.String({ maxLength: ADVISORY_LIMITS.name }), mitreId: Type.Optional(Type.String({ maxLength: 20 })),
  }, { additionalProperties: false }), { maxItems: ADVISORY_LIMITS.names }),
  courseOfAction: Type.Optional(Bilingual(ADVISORY_LIMITS.summary)),
  nameVictim: Type.Optional(Type.Boolean({ description: 'name the reporting organisation; only when its report says yes to being named' })),
}, { additionalProperties: false });
export type PublishBody = Static<typeof PublishBody>;

/** publication_leak (422): the shared error body plus what leaked where; `fields` are the form's fields (ADVISORY_FIELDS). */
export const LeakError = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Object({
      reasons: Type.Array(Type.String(), { description: 'redaction labels, or VICTIM_ORG / VICTIM_DOMAIN / VICTIM_IP' }),
      where: Type.Array(Type.String(), { description: 'paths into the composed STIX objects, at most five' }),
      fields: Type.Array(Type.String(), { description: 'the advisory fields the leaks are in: titleJa, summaryJa, indicators, …' }),
    })),
  }),
});

export const Published = Type.Object({
  id: Type.String(), stixReportId: Type.String(), objectCount: Type.Integer(), notifiedOrgs: Type.Integer(), victim: Generalisation, publishedAt: Timestamp,
});

export const NotificationList = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(), orgId: Type.String(), kind: Type.String(), refId: Type.String(), stixId: Type.String(),
    titleJa: Type.String(), titleEn: Type.String(), createdAt: Timestamp,
  })),
});

export const AdvisoryList = Type.Object({
  items: Type.Array(Type.Object({
    id: Type.String(), reportId: Type.Union([Type.String(), Type.Null()]), stixReportId: Type.String(), titleJa: Type.String(), titleEn: Type.String(),
    tlp: Type.String(), audience: Type.String(), k: Type.Integer(), publishedAt: Timestamp,
  })),
});

export type Review = Static<typeof Review>;
export type Draft = Static<typeof Draft>;
export type Published = Static<typeof Published>;
export type NotificationList = Static<typeof NotificationList>;
export type AdvisoryList = Static<typeof AdvisoryList>;

export const OrgParams = Type.Object({ orgId: Id });
export type OrgParams = Static<typeof OrgParams>;
export const MemoryParams = Type.Object({ orgId: Id, id: Id });
export type MemoryParams = Static<typeof MemoryParams>;
export const MemoryItem = Type.Object({
  id: Type.String(), value: Type.String(), label: Type.String(), createdAt: Timestamp, createdByName: Type.Union([Type.String(), Type.Null()]),
});
export const MemoryList = Type.Object({ items: Type.Array(MemoryItem) });
export const MemoryBody = Type.Object({
  value: Type.String({ minLength: 1, maxLength: 200 }), label: Type.String({ maxLength: 40 }),
}, { additionalProperties: false });
export type MemoryBody = Static<typeof MemoryBody>;

// An advisory as a member reads it (advisory-brief.service.ts).
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
export const AdvisoryParams = Type.Object({ id: Id });
export type AdvisoryParams = Static<typeof AdvisoryParams>;
export const SightAllBody = Type.Object({ orgId: Type.Optional(Id) }, { additionalProperties: false });
export type SightAllBody = Static<typeof SightAllBody>;
const Mine = Type.Object({ orgId: Type.String(), sightingId: Type.String(), firstSeen: Nullable(Type.String()), lastSeen: Nullable(Type.String()), count: Type.Integer(), updatedAt: Type.String() });
export const AdvisoryBrief = Type.Object({
  id: Type.String(), stixReportId: Type.String(), tlp: Type.String(), publishedAt: Timestamp,
  title: Type.String(), summary: Type.String(),
  victim: Type.Object({ sector: Nullable(Type.String()), sizeBand: Nullable(Type.String()), prefecture: Nullable(Type.String()), k: Type.Union([Type.Integer(), Type.Null()]) }),
  actions: Type.Array(Type.String(), { description: 'what to do now, in the reader\'s language where the desk wrote it' }),
  malware: Type.Array(Type.String()),
  vulnerabilities: Type.Array(Type.String()),
  indicators: Type.Array(Type.Object({
    id: Type.String(),
    observables: Type.Array(Type.Object({ type: Type.String(), value: Type.String() })),
    sightings: Type.Object({
      count: Type.Union([Type.Integer(), Type.Null()], { description: 'organisations that confirmed it; null below k (except for coordinators)' }),
      fewerThan: Type.Union([Type.Integer(), Type.Null()]), k: Type.Integer(), mine: Type.Array(Mine),
    }),
    concerns: Type.Array(Type.Object({ orgId: Type.String(), kind: Type.String(), registered: Type.String() }, { description: 'the indicator touches a domain or IP range one of my organisations registered' })),
  })),
});
export type AdvisoryBrief = Static<typeof AdvisoryBrief>;
