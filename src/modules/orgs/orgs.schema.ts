import { Type, type Static } from '@sinclair/typebox';
import { Email, Timestamp } from '../../http/schemas.js';
import type { OrgStatus } from './org-reference.js';
import { ORG_CODES, ORG_LIMITS } from './org-model.js';

const codeOf = <T extends string = string>(codes: readonly string[], description: string) =>
  Type.Unsafe<T>({ type: 'string', enum: [...codes], description });

const Name = Type.String({ minLength: 1, maxLength: ORG_LIMITS.name, pattern: '\\S' });
const Sector = codeOf(ORG_CODES.sector, 'JSIC division (jsic-a … jsic-t) or critical-infrastructure sector (ci-…)');
const SizeBand = codeOf(ORG_CODES.sizeBand, 'number of employees');
const Prefecture = codeOf(ORG_CODES.prefecture, 'JIS X 0401 prefecture code, "01" … "47"');
const Status = codeOf<OrgStatus>(ORG_CODES.status, 'pending | active | suspended');

export const Contact = Type.Object(
  {
    kind: codeOf(ORG_CODES.contactKind, 'what this contact point is for'),
    name: Name,
    email: Type.Optional(Email),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: ORG_LIMITS.phone, pattern: '\\S' })),
  },
  { additionalProperties: false },
);

const orgInputProperties = {
  nameJa: Name,
  nameEn: Name,
  aliases: Type.Array(Name, { maxItems: ORG_LIMITS.aliases }),
  sector: Sector,
  sizeBand: SizeBand,
  prefecture: Prefecture,
  status: Status,
  domains: Type.Array(Type.String({ minLength: 1, maxLength: ORG_LIMITS.domainText }), {
    maxItems: ORG_LIMITS.domains,
    description: 'Unicode names are accepted and stored in IDNA (punycode) form, lower-case',
  }),
  ipRanges: Type.Array(Type.String({ minLength: 1, maxLength: ORG_LIMITS.cidrText }), {
    maxItems: ORG_LIMITS.ipRanges,
    description: 'IPv4 or IPv6 CIDR; host bits are cleared ("192.0.2.7/24" is stored as "192.0.2.0/24")',
  }),
  contacts: Type.Array(Contact, { maxItems: ORG_LIMITS.contacts }),
};

export const OrgInputBody = Type.Object(orgInputProperties, { additionalProperties: false });
export const OrgPatchBody = Type.Partial(Type.Object(orgInputProperties), {
  additionalProperties: false,
  description: 'Only the fields given change; domains, ipRanges and contacts replace the whole set.',
});

export const Org = Type.Object({
  id: Type.String(),
  ...orgInputProperties,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const OrgSummary = Type.Object({
  id: Type.String(),
  nameJa: Type.String(),
  nameEn: Type.String(),
  sector: Type.String(),
  sizeBand: Type.String(),
  prefecture: Type.String(),
  status: Status,
});

export const OrgList = Type.Object({ items: Type.Array(OrgSummary) });

export const OrgListQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'part of a name, alias or registered domain' })),
    status: Type.Optional(Status),
    sector: Type.Optional(Sector),
    prefecture: Type.Optional(Prefecture),
  },
  { additionalProperties: false },
);

export type OrgInputBody = Static<typeof OrgInputBody>;
export type OrgPatchBody = Static<typeof OrgPatchBody>;
export type OrgListQuery = Static<typeof OrgListQuery>;
