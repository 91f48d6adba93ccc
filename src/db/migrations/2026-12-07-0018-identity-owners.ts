import type { Kysely } from 'kysely';
import { orgIdentityId } from '../../modules/stix/org-identity.js';

// Who owns each STIX identity, so that a member cannot name another's identity as the creator of what it stores
// (issue 17). org_id null is the desk. Every existing organisation owns its own identity from the start, as new ones do
// from their creation (taxii/collections.service.ts), so that a write checks only the identities it names. orgIdentityId
// is a published derivation (other platforms hold these ids) that never changes, which is why a migration may use it.
// An organisation that is deleted leaves its identities to the desk (set null), never free for the next claimant.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('stix_identity_owners')
    .addColumn('identity_id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stix_identity_owners_org').on('stix_identity_owners').column('org_id').execute();
  const registeredAt = new Date().toISOString();
  const orgs = (await db.selectFrom('organisations').select('id').orderBy('id').execute()) as Array<{ id: string }>;
  for (let start = 0; start < orgs.length; start += 500) {
    const rows = orgs.slice(start, start + 500).map((org) => ({ identity_id: orgIdentityId(org.id), org_id: org.id, registered_at: registeredAt }));
    await db.insertInto('stix_identity_owners').values(rows).execute();
  }
}

// The index goes with the table.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stix_identity_owners').execute();
}
