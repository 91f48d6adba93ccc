import type { Kysely } from 'kysely';

// One incident taxonomy (src/vocabulary/incident-categories.ts): reports, help requests and the contact directory
// named the same kinds of incident differently. Stored codes are rewritten to the shared ones. The maps are written
// out here, not imported, so this migration keeps its meaning when the vocabulary grows. The audit trail keeps the
// codes it was written with (it is append-only evidence); the codes are listed in FORMER_CATEGORY_CODES.
const UP = {
  reports: { phishing_bec: 'phishing' },
  aid: { unauthorized_access: 'unauthorised_access', ddos: 'dos' },
  directory: { unauthorized_access: 'unauthorised_access', ddos: 'dos', personal_data_leak: 'data_leak' },
} as const;

// Down: back to each module's former list; codes it did not have become its nearest (lossy, as any down of a merge).
const DOWN = {
  reports: { phishing: 'phishing_bec', fraud: 'phishing_bec' },
  aid: { unauthorised_access: 'unauthorized_access', dos: 'ddos', defacement: 'other', unknown: 'other' },
  directory: { unauthorised_access: 'unauthorized_access', dos: 'ddos', data_leak: 'personal_data_leak', defacement: 'other' },
} as const;

type Mapping = Readonly<Record<string, string>>;

async function rewriteColumn(db: Kysely<any>, table: string, map: Mapping): Promise<void> {
  for (const [from, to] of Object.entries(map)) {
    await db.updateTable(table).set({ category: to }).where('category', '=', from).execute();
  }
}

/** A JSON object column with a "category" member: only rows that hold a mapped code are read and written. */
async function rewriteAnswers(db: Kysely<any>, table: string, keys: string[], column: string, map: Mapping): Promise<void> {
  for (const from of Object.keys(map)) {
    const rows = await db.selectFrom(table).select([...keys, column]).where(column, 'like', `%"category":"${from}"%`).execute();
    for (const row of rows) {
      const answers = JSON.parse(row[column] as string) as Record<string, unknown>;
      if (answers.category !== from) continue;
      answers.category = map[from];
      let update = db.updateTable(table).set({ [column]: JSON.stringify(answers) });
      for (const key of keys) update = update.where(key, '=', row[key]);
      await update.execute();
    }
  }
}

async function rewriteHelpsWith(db: Kysely<any>, map: Mapping): Promise<void> {
  const rows = await db.selectFrom('directory_entries').select(['id', 'helps_with']).execute();
  for (const row of rows) {
    const codes = JSON.parse(row.helps_with as string) as string[];
    const next = [...new Set(codes.map((c) => map[c] ?? c))];
    if (next.join() !== codes.join()) {
      await db.updateTable('directory_entries').set({ helps_with: JSON.stringify(next) }).where('id', '=', row.id).execute();
    }
  }
}

async function rewrite(db: Kysely<any>, maps: { reports: Mapping; aid: Mapping; directory: Mapping }): Promise<void> {
  await rewriteColumn(db, 'reports', maps.reports);
  await rewriteAnswers(db, 'reports', ['id'], 'draft_answers', maps.reports);
  await rewriteAnswers(db, 'report_versions', ['report_id', 'version'], 'answers', maps.reports);
  await rewriteColumn(db, 'aid_requests', maps.aid);
  await rewriteHelpsWith(db, maps.directory);
}

export async function up(db: Kysely<any>): Promise<void> {
  await rewrite(db, UP);
}

export async function down(db: Kysely<any>): Promise<void> {
  await rewrite(db, DOWN);
}
