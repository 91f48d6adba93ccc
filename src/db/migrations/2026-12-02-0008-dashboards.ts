import type { Kysely } from 'kysely';

// Dashboards: when each person last looked at their home page ("new since your last visit"), and the
// indexes the community statistics and the member home read by.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('dashboard_visits')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('last_visit_at', 'text', (c) => c.notNull())
    .addColumn('previous_visit_at', 'text')
    .execute();
  // Covering: the community statistics read these columns of a period's reports without touching the rows.
  await db.schema.createIndex('reports_submitted').on('reports').columns(['submitted_at', 'org_id', 'category', 'first_response_at']).execute();
  await db.schema.createIndex('correlation_sightings_org').on('correlation_sightings').columns(['org_id', 'updated_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('correlation_sightings_org').execute();
  await db.schema.dropIndex('reports_submitted').execute();
  await db.schema.dropTable('dashboard_visits').execute();
}
