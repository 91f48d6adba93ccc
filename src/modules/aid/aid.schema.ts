import { Type, type Static } from '@sinclair/typebox';
import { INCIDENT_CATEGORIES } from '../../vocabulary/incident-categories.js';
import { codesOf, PREFECTURES } from '../orgs/org-reference.js';
import {
  AID_LANGUAGES, DECLINE_REASONS, OUTCOMES, REQUEST_STATUSES, RESPONDER_KINDS, SERVICE_TYPES, SKILLS, URGENCIES, VETTING,
} from './aid-codes.js';

const oneOf = <T extends string>(codes: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...codes] });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Short = (max: number) => Type.String({ maxLength: max });
const Prefecture = oneOf(codesOf(PREFECTURES));

export const ProfileBody = Type.Object({
  kind: oneOf(RESPONDER_KINDS),
  orgId: Type.Optional(Type.Union([Id, Type.Null()], { description: 'for an organisation profile: one of my organisations' })),
  displayName: Type.String({ minLength: 1, maxLength: 200 }),
  skills: Type.Array(oneOf(SKILLS), { maxItems: SKILLS.length }),
  languages: Type.Array(oneOf(AID_LANGUAGES), { minItems: 1, maxItems: AID_LANGUAGES.length }),
  prefectures: Type.Array(Prefecture, { maxItems: 47, description: 'JIS X 0401 codes 01–47' }),
  onSite: Type.Boolean(),
  certifications: Type.Array(Short(200), { maxItems: 20 }),
  capacity: Type.Integer({ minimum: 0, maximum: 100, description: 'cases at once' }),
  available: Type.Boolean(),
  hours: Short(500),
  serviceType: oneOf(SERVICE_TYPES),
  priceTerms: Short(2000),
}, { additionalProperties: false });

export const VettingBody = Type.Object({ decision: oneOf(VETTING) }, { additionalProperties: false });
export const ResponderQuery = Type.Object({ vetting: Type.Optional(oneOf(VETTING)) });

export const RequestBody = Type.Object({
  orgId: Id,
  reportId: Type.Optional(Type.Union([Id, Type.Null()])),
  skills: Type.Array(oneOf(SKILLS), { maxItems: SKILLS.length }),
  urgency: oneOf(URGENCIES),
  onSite: Type.Boolean(),
  prefecture: Prefecture,
  language: oneOf(AID_LANGUAGES),
  category: oneOf(INCIDENT_CATEGORIES),
  description: Type.String({ minLength: 1, maxLength: 6000, description: 'what help is needed, 1–5,000 characters' }),
}, { additionalProperties: false });

export const ListQuery = Type.Object({ status: Type.Optional(oneOf(REQUEST_STATUSES)), limit: Type.Integer({ minimum: 1, maximum: 500, default: 200 }) });
export const OfferBody = Type.Object({ responderIds: Type.Array(Id, { minItems: 1, maxItems: 20 }) }, { additionalProperties: false });
export const DeclineBody = Type.Object({ reason: oneOf(DECLINE_REASONS), text: Type.Optional(Short(1000)) }, { additionalProperties: false });
export const TaskParams = Type.Object({ id: Id, taskId: Id });
export const TaskBody = Type.Object({ done: Type.Boolean() }, { additionalProperties: false });
export const PostBody = Type.Object({ body: Type.String({ minLength: 1, maxLength: 11_000 }) }, { additionalProperties: false });
export const CloseBody = Type.Object({
  outcome: oneOf(OUTCOMES),
  rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  feedback: Type.Optional(Short(2000)),
}, { additionalProperties: false });
export const ReadBody = Type.Object({ ids: Type.Optional(Type.Array(Id, { maxItems: 500 })) }, { additionalProperties: false });

export const Created = Type.Object({ id: Type.String() });
export { AnyObject } from '../../http/schemas.js';

export type ProfileBody = Static<typeof ProfileBody>;
export type VettingBody = Static<typeof VettingBody>;
export type ResponderQuery = Static<typeof ResponderQuery>;
export type RequestBody = Static<typeof RequestBody>;
export type ListQuery = Static<typeof ListQuery>;
export type OfferBody = Static<typeof OfferBody>;
export type DeclineBody = Static<typeof DeclineBody>;
export type TaskParams = Static<typeof TaskParams>;
export type TaskBody = Static<typeof TaskBody>;
export type PostBody = Static<typeof PostBody>;
export type CloseBody = Static<typeof CloseBody>;
export type ReadBody = Static<typeof ReadBody>;
