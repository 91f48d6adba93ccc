import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../http/schemas.js';

export const FINDING_STATUSES = ['open', 'patched', 'mitigated', 'not_applicable', 'accepted_risk'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];
/** A closing status that must say what was done or why. */
export const NOTE_REQUIRED: readonly FindingStatus[] = ['mitigated', 'not_applicable'];
export const NOTE_MAX = 2000;

const Nullable = <T extends ReturnType<typeof Type.String | typeof Type.Number>>(t: T) => Type.Union([t, Type.Null()]);

export const FindingParams = Type.Object({ orgId: Type.String({ minLength: 1, maxLength: 64 }), id: Type.String({ minLength: 1, maxLength: 64 }) });
export const FindingQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000, default: 500 })),
}, { additionalProperties: false });

export const StatusBody = Type.Object({
  status: Type.Unsafe<FindingStatus>({ type: 'string', enum: [...FINDING_STATUSES] }),
  note: Type.Optional(Type.String({ maxLength: NOTE_MAX, description: 'what was done (mitigated) or why (not applicable); required for those two' })),
}, { additionalProperties: false });
export type StatusBody = Static<typeof StatusBody>;

export const Finding = Type.Object({
  id: Type.String(),
  assetId: Type.String(),
  asset: Type.Object({ category: Type.String(), vendor: Type.String(), product: Type.String(), version: Type.String(), internetFacing: Type.Boolean() }),
  kind: Type.String({ description: 'vuln | eol' }),
  cveId: Nullable(Type.String()),
  eol: Type.Union([Type.Object({ product: Type.String(), cycle: Type.String(), date: Nullable(Type.String()), state: Type.String({ description: 'passed | soon' }) }), Type.Null()]),
  description: Nullable(Type.String({ description: 'in the reader\'s language where the source has it, else English' })),
  descriptionLanguage: Nullable(Type.String()),
  cvss: Type.Union([Type.Object({ score: Type.Number(), version: Nullable(Type.String()), severity: Nullable(Type.String()), vector: Nullable(Type.String()) }), Type.Null()]),
  kev: Type.Union([Type.Object({ dateAdded: Type.String(), dueDate: Nullable(Type.String()), ransomware: Type.Boolean(), requiredAction: Type.String() }), Type.Null()]),
  epss: Type.Union([Type.Object({ score: Type.Number(), percentile: Type.Number() }), Type.Null()]),
  fixedHint: Nullable(Type.String({ description: 'the first version outside the affected range, or for an end of life a supported release' })),
  advisoryUrl: Nullable(Type.String()),
  why: Type.Object({ source: Type.String(), criterion: Type.String(), range: Type.String(), detail: Type.String() }),
  priority: Type.Integer(),
  status: Type.String(),
  note: Type.String(),
  statusAt: NullableTimestamp,
  firstSeenAt: Timestamp,
  reopenedAt: NullableTimestamp,
});

export const FindingList = Type.Object({
  findings: Type.Array(Finding, { description: 'affected: open first, then by priority (KEV, EPSS, CVSS, internet exposure, end of life)' }),
  checkVersion: Type.Array(Finding, { description: 'the product matches but the version (or edition, hardware) does not say: check it' }),
});

const CountUnderK = Type.Object({ count: Type.Union([Type.Integer(), Type.Null()]), lessThanK: Type.Boolean({ description: 'true: fewer than k organisations, no number given' }) });

export const VulnSummary = Type.Object({
  k: Type.Integer(),
  cves: Type.Array(Type.Object({
    cveId: Type.String(), kev: Type.Boolean(), cvss: Type.Union([Type.Number(), Type.Null()]), description: Type.Union([Type.String(), Type.Null()]),
    organisations: CountUnderK, resolved: CountUnderK,
  })),
  eolProducts: Type.Array(Type.Object({ product: Type.String(), organisations: CountUnderK, resolved: CountUnderK })),
});
