import type { Generated, Insertable, Selectable } from 'kysely';

// Every ledger table is append-only: repositories insert and read, and database triggers refuse the rest.
export interface LedgerEntriesTable {
  idx: number; // the leaf index, from 0
  type: string;
  org_id: string | null;
  actor_user_id: string | null;
  at: string;
  leaf: string; // RFC 8785 canonical JSON of the event: the leaf data that is hashed
}

// Complete-subtree hashes: id = index * 64 + level (see merkle.ts nodeId); level 0 holds the leaf hashes.
export interface LedgerNodesTable {
  id: number;
  hash: Buffer;
}

export interface LedgerCheckpointsTable {
  id: Generated<number>;
  size: number;
  root: Buffer;
  key_id: number;
  note: string;
  signed_at: string;
}

export interface LedgerKeysTable {
  id: Generated<number>;
  name: string;
  public_key: Buffer;
  sealed_private_key: string; // sealed with the instance secret (auth/crypto.ts); '' when the key is in LEDGER_KEY_FILE
  created_at: string;
}

// Witness cosignatures (tlog-cosignature/v1) of signed checkpoints: the line as received, once per witness key.
export interface LedgerCosignaturesTable {
  id: Generated<number>;
  checkpoint_id: number;
  witness: string; // the witness's key name
  key_id: string; // hex
  time: number; // unix seconds, as cosigned
  line: string; // the signature line, without its newline
  received_at: string;
}

export type LedgerEntryRow = Selectable<LedgerEntriesTable>;
export type NewLedgerEntryRow = Insertable<LedgerEntriesTable>;
export type LedgerCheckpointRow = Selectable<LedgerCheckpointsTable>;
export type LedgerKeyRow = Selectable<LedgerKeysTable>;
