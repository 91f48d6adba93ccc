import { Type, type Static } from '@sinclair/typebox';

// Indexes and sizes are whole numbers below 2^47 (the node ids of merkle.ts stay exact below that).
export const MAX_LEDGER_INDEX = 2 ** 47;
const Count = (description: string) => Type.Integer({ minimum: 0, maximum: MAX_LEDGER_INDEX, description });

export const InclusionQuery = Type.Object(
  { index: Count('the leaf index, from 0'), size: Type.Integer({ minimum: 1, maximum: MAX_LEDGER_INDEX, description: 'the tree size' }) },
  { additionalProperties: false },
);
export const ConsistencyQuery = Type.Object(
  { first: Type.Integer({ minimum: 1, maximum: MAX_LEDGER_INDEX }), second: Type.Integer({ minimum: 1, maximum: MAX_LEDGER_INDEX }) },
  { additionalProperties: false },
);
export const EntryParams = Type.Object({ index: Count('the leaf index') });
export const EntriesQuery = Type.Object(
  {
    before: Type.Optional(Count('entries with a smaller index')),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    type: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type InclusionQuery = Static<typeof InclusionQuery>;
export type ConsistencyQuery = Static<typeof ConsistencyQuery>;
export type EntryParams = Static<typeof EntryParams>;
export type EntriesQuery = Static<typeof EntriesQuery>;

const Hashes = Type.Array(Type.String({ description: 'base64 SHA-256' }));
export const InclusionProof = Type.Object({ index: Type.Integer(), size: Type.Integer(), hashes: Hashes });
export const ConsistencyProof = Type.Object({ first: Type.Integer(), second: Type.Integer(), hashes: Hashes });
export const Entry = Type.Object({
  index: Type.Integer(),
  leaf_hash: Type.String(),
  event: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});
export const EntryList = Type.Object({
  size: Type.Integer(),
  items: Type.Array(Type.Object({ index: Type.Integer(), leaf_hash: Type.String(), at: Type.String(), type: Type.String(), event: Type.Optional(Type.Record(Type.String(), Type.Unknown())) })),
  nextBefore: Type.Union([Type.Integer(), Type.Null()]),
});
export const Status = Type.Object({
  size: Type.Integer(), checkpoint: Type.String(), signedAt: Type.String(), key: Type.String(),
  damaged: Type.Optional(Type.String({ description: 'why the ledger does not verify: no checkpoint is signed over it, the last good one is shown' })),
});
export const Receipt = Type.Object({
  format: Type.String(), index: Type.Integer(), leaf: Type.String(), leaf_hash: Type.String(), size: Type.Integer(), hashes: Hashes, checkpoint: Type.String(),
});
export const ReceiptCheckBody = Type.Object({ receipt: Type.Unknown() }, { additionalProperties: false });
export type ReceiptCheckBody = Static<typeof ReceiptCheckBody>;
export const ReceiptCheck = Type.Object({
  valid: Type.Boolean(),
  reason: Type.Optional(Type.String()),
  index: Type.Optional(Type.Integer()),
  size: Type.Optional(Type.Integer()),
  currentSize: Type.Optional(Type.Integer()),
  event: Type.Optional(Type.Unknown()),
});

export const CosignatureBody = Type.Object(
  {
    size: Type.Integer({ minimum: 0, maximum: MAX_LEDGER_INDEX, description: 'the size of the signed checkpoint that was cosigned' }),
    cosignature: Type.String({ minLength: 1, maxLength: 65_536, description: 'a tlog-cosignature/v1 signature line, or the whole cosigned checkpoint note' }),
  },
  { additionalProperties: false },
);
export type CosignatureBody = Static<typeof CosignatureBody>;
export const CosignatureAccepted = Type.Object({ size: Type.Integer(), accepted: Type.Array(Type.String({ description: 'the witnesses whose cosignatures were stored' })) });
