import { Type, type Static } from '@sinclair/typebox';
import { ATTACHMENT_KINDS } from './attachment-check.js';
import { REGIME_IDS } from './deadlines.js';
import { INCIDENT_CATEGORIES } from '../../vocabulary/incident-categories.js';
import { FOUND_BY, IMPACT_LEVELS, SHORT_MAX, TEXT_MAX, YES_NO } from './report-answers.js';
import { COMMENT_MAX, OUTCOMES, REPORT_STATES } from './triage.service.js';

const oneOf = <T extends string>(codes: readonly T[], description?: string) => Type.Unsafe<T>({ type: 'string', enum: [...codes], ...(description ? { description } : {}) });
const Short = Type.String({ maxLength: SHORT_MAX });
const YesNo = oneOf(YES_NO);
const Impact = oneOf(IMPACT_LEVELS);
const DateOrUnknown = Type.Union([Type.String({ maxLength: 40 }), Type.Null()], {
  description: 'YYYY-MM-DD (a day in Japan time) or an ISO-8601 date-time with offset; null = unknown. started <= noticed <= now',
});

export const Answers = Type.Object({
  startedAt: Type.Optional(DateOrUnknown),
  noticedAt: Type.Optional(DateOrUnknown),
  foundBy: Type.Optional(oneOf(FOUND_BY)),
  foundByOther: Type.Optional(Short),
  category: Type.Optional(oneOf(INCIDENT_CATEGORIES)),
  affectedSystems: Type.Optional(Short),
  impact: Type.Optional(Type.Object({ confidentiality: Type.Optional(Impact), integrity: Type.Optional(Impact), availability: Type.Optional(Impact) }, { additionalProperties: false })),
  personalData: Type.Optional(Type.Object({
    involved: Type.Optional(YesNo),
    count: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000_000 }), Type.Null()], { description: 'people affected; null = unknown' })),
    sensitive: Type.Optional(YesNo),
    financialRisk: Type.Optional(YesNo),
    unauthorisedAccess: Type.Optional(YesNo),
  }, { additionalProperties: false })),
  ransom: Type.Optional(Type.Object({ demanded: Type.Optional(YesNo), details: Type.Optional(Short) }, { additionalProperties: false })),
  businessImpact: Type.Optional(Short),
  ongoing: Type.Optional(oneOf(YES_NO, 'is it still happening?')),
  help: Type.Optional(Type.Object({ wanted: Type.Optional(YesNo), what: Type.Optional(Short), onSite: Type.Optional(YesNo) }, {
    additionalProperties: false, description: 'wanted yes: submitting (or amending) the report asks for help too, prefilled from the organisation and the report',
  })),
  sharing: Type.Optional(Type.Object({ nameConsent: Type.Optional(YesNo) }, { additionalProperties: false, description: 'nameConsent yes: an advisory may name the organisation' })),
}, { additionalProperties: false, description: 'Every answer is optional; what is left out is unknown' });

// The service trims and enforces 1..TEXT_MAX characters; the schema only bounds the request.
const Text = Type.String({ maxLength: TEXT_MAX + 1000, description: `what happened, 1–${TEXT_MAX} characters when submitted` });

export const CreateReportBody = Type.Object({ orgId: Type.String({ minLength: 1, maxLength: 64 }), text: Type.Optional(Text), answers: Type.Optional(Answers) }, { additionalProperties: false });
export const DraftBody = Type.Object({ text: Type.Optional(Text), answers: Type.Optional(Answers) }, { additionalProperties: false });
export const AmendBody = Type.Object({ text: Text, answers: Type.Optional(Answers), note: Type.Optional(Short) }, { additionalProperties: false });
export const StateBody = Type.Object({ state: oneOf(REPORT_STATES.filter((s) => s !== 'draft')), outcome: Type.Optional(oneOf(OUTCOMES)) }, { additionalProperties: false });
export const AssigneeBody = Type.Object({ assigneeId: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]) }, { additionalProperties: false });
export const CommentBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: COMMENT_MAX + 1000 }), internal: Type.Optional(Type.Boolean()) }, { additionalProperties: false });
export const ListQuery = Type.Object({ state: Type.Optional(oneOf(REPORT_STATES)), limit: Type.Integer({ minimum: 1, maximum: 500, default: 200 }) });
export const UploadQuery = Type.Object({
  filename: Type.String({ minLength: 1, maxLength: 255 }),
  sample: Type.Boolean({ default: false, description: 'true: a suspicious file, kept as opaque bytes and never opened' }),
});
export const AttachmentParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), attachmentId: Type.String({ minLength: 1, maxLength: 64 }) });
export const RegimeParams = Type.Object({ orgId: Type.String({ minLength: 1, maxLength: 64 }), regimeId: oneOf(REGIME_IDS) });
export const OrgParams = Type.Object({ orgId: Type.String({ minLength: 1, maxLength: 64 }) });
export const RegimeBody = Type.Object({ enabled: Type.Boolean() }, { additionalProperties: false });

export const Created = Type.Object({ id: Type.String() });
export { AnyObject } from '../../http/schemas.js';
export const Attachment = Type.Object({
  id: Type.String(), filename: Type.String(), kind: oneOf(ATTACHMENT_KINDS), size: Type.Integer(), sha256: Type.String(), sha1: Type.String(), md5: Type.String(),
  indicators: Type.Array(Type.Object({ type: Type.String(), value: Type.String(), source: Type.String() })), createdAt: Type.String(),
});

export type CreateReportBody = Static<typeof CreateReportBody>;
export type DraftBody = Static<typeof DraftBody>;
export type AmendBody = Static<typeof AmendBody>;
export type StateBody = Static<typeof StateBody>;
export type AssigneeBody = Static<typeof AssigneeBody>;
export type CommentBody = Static<typeof CommentBody>;
export type ListQuery = Static<typeof ListQuery>;
export type UploadQuery = Static<typeof UploadQuery>;
export type AttachmentParams = Static<typeof AttachmentParams>;
export type RegimeParams = Static<typeof RegimeParams>;
export type OrgParams = Static<typeof OrgParams>;
export type RegimeBody = Static<typeof RegimeBody>;
