// Request and response schemas of the dashboards (/api/dashboards) and the public page.
import { Type, type Static } from '@sinclair/typebox';

export { AnyObject } from '../../http/schemas.js';

export const CommunityQuery = Type.Object({
  months: Type.Optional(Type.Integer({ minimum: 1, maximum: 24, description: 'how many months, ending with the current one (default 12)' })),
}, { additionalProperties: false });

export const MonthQuery = Type.Object({
  month: Type.String({ pattern: '^[0-9]{4}-(0[1-9]|1[0-2])$', description: 'YYYY-MM' }),
  lang: Type.Optional(Type.Union([Type.Literal('ja'), Type.Literal('en')])),
}, { additionalProperties: false });

export const LangQuery = Type.Object({ lang: Type.Optional(Type.String({ maxLength: 10 })) });

const Cell = Type.Object({ key: Type.String({ description: '"other" for cells merged under the k rule' }), count: Type.Integer() });
const Group = Type.Object({
  group: Type.String({ description: 'the month, YYYY-MM' }),
  lessThanK: Type.Boolean({ description: 'true: fewer than k organisations, no numbers given' }),
  cells: Type.Optional(Type.Array(Cell)),
  total: Type.Optional(Type.Integer({ description: 'the sum of the shown cells' })),
});
export const Series = Type.Object({
  k: Type.Integer(),
  groups: Type.Array(Group),
  total: Type.Object({ count: Type.Integer(), partial: Type.Boolean({ description: 'true: some month was suppressed; count is the sum of the shown months only' }) }),
});

const MedianUnderK = Type.Object({ medianHours: Type.Union([Type.Number(), Type.Null()]), lessThanK: Type.Boolean() });

export const CommunityPicture = Type.Object({
  k: Type.Integer({ description: 'ANONYMITY_K: a cell with fewer organisations is merged into "other" or suppressed' }),
  months: Type.Array(Type.String()),
  from: Type.String(),
  to: Type.String(),
  incidents: Type.Object({ byCategory: Series, bySector: Series, bySizeBand: Series }),
  advisories: Type.Object({ byTlp: Series }),
  firstResponse: Type.Array(Type.Object({ month: Type.String(), medianHours: Type.Union([Type.Number(), Type.Null()]), lessThanK: Type.Boolean() })),
  topSighted: Type.Array(Type.Object({ indicatorId: Type.String(), name: Type.Union([Type.String(), Type.Null()]), orgs: Type.Integer() })),
  aidResponse: Type.Array(Type.Object({ month: Type.String(), assign: MedianUnderK, resolve: MedianUnderK }), { description: 'mutual aid: median hours from a help request to its responder and to its closure, per month of the request' }),
});

export type CommunityPicture = Static<typeof CommunityPicture>;
export type Series = Static<typeof Series>;
export type CommunityQueryT = Static<typeof CommunityQuery>;
export type MonthQueryT = Static<typeof MonthQuery>;
