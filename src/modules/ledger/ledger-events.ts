// The ledger's event vocabulary. Other features call appendLedgerEvents(trx, events) inside their own
// transaction, so that an event and its entry commit together or not at all. An event holds who did
// what to which objects for which audience; never confidential text (a redaction logs a salted hash).
import { createHash, randomBytes } from 'node:crypto';

export interface ObjectRef {
  id: string;
  version: string;
}

interface Base {
  actor: string | null; // the user id, or null for the operator (CLI, demo, system)
  org?: string | null; // the organisation the event is about: its members may read the entry
}

export type LedgerEventInput = Base & (
  // A coordinator shared objects with an audience (TLP, collection), approved by `approvedBy`.
  | { type: 'publication'; collection: string; audience: string; objects: Array<ObjectRef & { tlp: string }>; approvedBy?: string | null }
  // One redaction decision: label and position in the report, and a salted SHA-256 of the original text.
  | { type: 'redaction_decision'; report: string; label: string; start: number; end: number; decision: 'redact' | 'keep'; salted_hash: string }
  | { type: 'unredacted_grant'; report: string; grantee: string; expires?: string | null }
  | { type: 'unredacted_read'; report: string; reader: string }
  // Objects a TAXII POST or an import batch placed in a collection.
  | { type: 'taxii_objects_accepted'; collection: string; audience: string; objects: ObjectRef[]; status?: string }
  | { type: 'object_deleted'; collection: string; object: string; versions: number }
  | { type: 'object_revoked'; collection: string; object: string; version: string }
  | { type: 'sharing_group_membership_changed'; group: string; change: 'added' | 'removed'; member: string }
  | { type: 'ledger_key_changed'; key: string; previous: string | null }
  | { type: 'sighting'; object: string; count: number }
);

export type LedgerEventType = LedgerEventInput['type'];
export const LEDGER_EVENT_TYPES: readonly LedgerEventType[] = [
  'publication', 'redaction_decision', 'unredacted_grant', 'unredacted_read', 'taxii_objects_accepted', 'object_deleted',
  'object_revoked', 'sharing_group_membership_changed', 'ledger_key_changed', 'sighting',
];

/** The salted hash a redaction decision logs: SHA-256(salt || text), hex; the salt stays with the report. */
export function saltedTextHash(text: string, salt: Buffer = randomBytes(16)): { salt: string; hash: string } {
  return { salt: salt.toString('hex'), hash: createHash('sha256').update(salt).update(text, 'utf8').digest('hex') };
}
