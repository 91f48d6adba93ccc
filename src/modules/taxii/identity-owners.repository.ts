// The registry of who owns each STIX identity (stix_identity_owners): an organisation, or the desk (org_id null).
import type { Database } from '../../db/database.js';
import { inChunks } from './store.repository.js';

/** The owners of those of these identities that someone registered: identity id → organisation id, or null (the desk). */
export async function findIdentityOwners(db: Database, identityIds: readonly string[]): Promise<Map<string, string | null>> {
  const owners = new Map<string, string | null>();
  for (const ids of inChunks(identityIds)) {
    const rows = await db.selectFrom('stix_identity_owners').select(['identity_id', 'org_id']).where('identity_id', 'in', ids).execute();
    for (const row of rows) owners.set(row.identity_id, row.org_id);
  }
  return owners;
}

/** Registers owners; an identity someone registered already keeps its owner. */
export async function insertIdentityOwners(db: Database, identityIds: readonly string[], orgId: string | null): Promise<void> {
  const registeredAt = new Date().toISOString();
  for (const ids of inChunks(identityIds)) {
    await db.insertInto('stix_identity_owners')
      .values(ids.map((id) => ({ identity_id: id, org_id: orgId, registered_at: registeredAt })))
      .onConflict((oc) => oc.column('identity_id').doNothing())
      .execute();
  }
}
