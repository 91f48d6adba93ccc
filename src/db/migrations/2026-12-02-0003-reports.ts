import type { Kysely } from 'kysely';
import { dialectOfDb } from '../dialect.js';

// Incident reports: the report row (state, assignee, summary columns for lists), its versions (the
// submitted text and structured answers, then each amendment, append-only), attachments (bytes kept
// in the database, bounded by configuration), the case timeline (append-only, with internal or
// reporter-visible entries), organisations' enabled deadline regimes and the reminders already sent.
// Later migrations add redaction proposals (per report version) and a publication link.
export async function up(db: Kysely<any>): Promise<void> {
  const bytes = dialectOfDb(db) === 'postgres' ? 'bytea' : 'blob';

  await db.schema
    .createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('assignee_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('draft_text', 'text', (c) => c.notNull())
    .addColumn('draft_answers', 'text', (c) => c.notNull())
    .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('aware_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('first_response_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('publication_ref', 'text')
    .execute();
  await db.schema.createIndex('reports_org').on('reports').columns(['org_id', 'updated_at']).execute();
  await db.schema.createIndex('reports_state').on('reports').columns(['state', 'submitted_at']).execute();

  await db.schema
    .createTable('report_versions')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_versions_pk', ['report_id', 'version'])
    .execute();

  await db.schema
    .createTable('report_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('sha1', 'text', (c) => c.notNull())
    .addColumn('md5', 'text', (c) => c.notNull())
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('content', bytes, (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_attachments_report').on('report_attachments').column('report_id').execute();

  await db.schema
    .createTable('report_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('internal', 'integer', (c) => c.notNull())
    .addColumn('body', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('report_events_report').on('report_events').columns(['report_id', 'seq']).unique().execute();

  await db.schema
    .createTable('org_deadline_regimes')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('regime_id', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('org_deadline_regimes_pk', ['org_id', 'regime_id'])
    .execute();

  await db.schema
    .createTable('report_reminders')
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('deadline_key', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_reminders_pk', ['report_id', 'deadline_key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['report_reminders', 'org_deadline_regimes', 'report_events', 'report_attachments', 'report_versions', 'reports']) {
    await db.schema.dropTable(table).execute();
  }
}
