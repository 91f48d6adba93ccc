import { Type, type Static } from '@sinclair/typebox';
import { NullableTimestamp, Timestamp } from '../../http/schemas.js';
import { ASSET_CATEGORIES, ASSET_LIMITS } from './asset-model.js';

// Bodies are bounded here (lengths with room for the model's own checks, which answer per field with asset_invalid).
const Text = (max: number) => Type.String({ maxLength: max * 2 });
const NullableText = (max: number) => Type.Optional(Type.Union([Text(max), Type.Null()]));

export const OrgParams = Type.Object({ orgId: Type.String({ minLength: 1, maxLength: 64 }) });
export const AssetParams = Type.Object({ orgId: Type.String({ minLength: 1, maxLength: 64 }), id: Type.String({ minLength: 1, maxLength: 64 }) });

export const AssetBody = Type.Object({
  category: Type.String({ maxLength: 40, description: ASSET_CATEGORIES.join(' | ') }),
  vendor: Text(ASSET_LIMITS.vendor),
  product: Text(ASSET_LIMITS.product),
  version: Type.Optional(Text(ASSET_LIMITS.version)),
  cpe: NullableText(ASSET_LIMITS.cpe),
  purl: NullableText(ASSET_LIMITS.purl),
  internetFacing: Type.Optional(Type.Boolean()),
  exposedAddress: Type.Optional(Type.Union([Text(ASSET_LIMITS.address), Type.Null()], { description: 'one of the organisation\'s registered domains (or a host under one) or IP ranges' })),
  owner: Type.Optional(Text(ASSET_LIMITS.owner)),
  notes: Type.Optional(Text(ASSET_LIMITS.notes)),
  shareWithDesk: Type.Optional(Type.Boolean({ description: 'the coordinator desk may see this asset' })),
}, { additionalProperties: false });
export type AssetBody = Static<typeof AssetBody>;

export const Asset = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  category: Type.String(),
  vendor: Type.String(),
  product: Type.String(),
  version: Type.String(),
  cpe: Type.Union([Type.String(), Type.Null()]),
  purl: Type.Union([Type.String(), Type.Null()]),
  internetFacing: Type.Boolean(),
  exposedAddress: Type.Union([Type.String(), Type.Null()]),
  owner: Type.String(),
  notes: Type.String(),
  shareWithDesk: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: NullableTimestamp,
});

export const AssetList = Type.Object({ items: Type.Array(Asset) });

export const DetailedError = Type.Object({
  error: Type.Object({
    code: Type.String(), message: Type.String(),
    details: Type.Optional(Type.Array(Type.Object({ field: Type.String(), problem: Type.String() }))),
  }),
});
