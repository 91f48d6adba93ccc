// The ledger's API responses, as the pages use them.
export interface LedgerStatus {
  size: number;
  checkpoint: string;
  signedAt: string;
  key: string;
}

export interface LedgerEntry {
  index: number;
  leaf_hash: string;
  at: string;
  type: string;
  event?: Record<string, unknown>;
}

export type ReceiptCheck =
  | { valid: true; index: number; size: number; currentSize: number; event?: unknown }
  | { valid: false; reason: string };

export const EVENT_TYPES = [
  'publication', 'redaction_decision', 'unredacted_grant', 'unredacted_read', 'taxii_objects_accepted', 'object_deleted',
  'object_revoked', 'sharing_group_membership_changed', 'ledger_key_changed', 'sighting',
] as const;
