import type { Kysely } from 'kysely';

// Mutual aid: responder profiles (vetted by coordinators), help requests, offers to responders (exactly
// one accepted), the victim's grants of full report access, the case's checklist, messages and notes,
// in-app notifications, and escalations (one per request, kind and deadline: the unique key is the claim).
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('aid_responders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // individual | organisation
    .addColumn('org_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('prefectures', 'text', (c) => c.notNull())
    .addColumn('on_site', 'integer', (c) => c.notNull())
    .addColumn('certifications', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('available', 'integer', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('service_type', 'text', (c) => c.notNull())
    .addColumn('price_terms', 'text', (c) => c.notNull())
    .addColumn('vetting', 'text', (c) => c.notNull())
    .addColumn('vetted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('vetted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('aid_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('report_id', 'text', (c) => c.references('reports.id').onDelete('set null'))
    .addColumn('skills', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('on_site', 'integer', (c) => c.notNull())
    .addColumn('prefecture', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('responder_id', 'text', (c) => c.references('aid_responders.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('escalated_at', 'text')
    .addColumn('assigned_at', 'text')
    .addColumn('acknowledged_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('outcome', 'text')
    .addColumn('rating', 'integer')
    .addColumn('feedback', 'text')
    .execute();
  await db.schema.createIndex('aid_requests_org').on('aid_requests').columns(['org_id', 'created_at']).execute();
  await db.schema.createIndex('aid_requests_status').on('aid_requests').columns(['status', 'due_at']).execute();
  await db.schema.createIndex('aid_requests_responder').on('aid_requests').columns(['responder_id', 'status']).execute();

  await db.schema
    .createTable('aid_offers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('aid_requests.id').onDelete('cascade'))
    .addColumn('responder_id', 'text', (c) => c.notNull().references('aid_responders.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull()) // pending | accepted | declined | lost
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('offered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('offered_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('decline_text', 'text')
    .execute();
  await db.schema.createIndex('aid_offers_request_responder').on('aid_offers').columns(['request_id', 'responder_id']).unique().execute();
  await db.schema.createIndex('aid_offers_responder').on('aid_offers').columns(['responder_id', 'status']).execute();

  await db.schema
    .createTable('aid_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('aid_requests.id').onDelete('cascade'))
    .addColumn('responder_id', 'text', (c) => c.notNull().references('aid_responders.id').onDelete('cascade'))
    .addColumn('granted_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addColumn('revoked_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('aid_grants_request').on('aid_grants').columns(['request_id', 'responder_id']).execute();

  await db.schema
    .createTable('aid_tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('aid_requests.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('text_ja', 'text', (c) => c.notNull())
    .addColumn('text_en', 'text', (c) => c.notNull())
    .addColumn('done_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('done_at', 'text')
    .execute();
  await db.schema.createIndex('aid_tasks_request').on('aid_tasks').columns(['request_id', 'seq']).unique().execute();

  for (const table of ['aid_messages', 'aid_notes']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('aid_requests.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('side', 'text', (c) => c.notNull()) // victim | responder | coordinator
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_request`).on(table).columns(['request_id', 'created_at']).execute();
  }

  await db.schema
    .createTable('aid_notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('request_id', 'text', (c) => c.notNull().references('aid_requests.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('aid_notifications_user').on('aid_notifications').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('aid_escalations')
    .addColumn('request_id', 'text', (c) => c.notNull().references('aid_requests.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // assign | ack | no_responder | all_declined
    .addColumn('due_at', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('aid_escalations_pk', ['request_id', 'kind', 'due_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['aid_escalations', 'aid_notifications', 'aid_notes', 'aid_messages', 'aid_tasks', 'aid_grants', 'aid_offers', 'aid_requests', 'aid_responders']) {
    await db.schema.dropTable(table).execute();
  }
}
