import type { Kysely } from 'kysely';

// Publishing an advisory no longer ends a case: "published" stops being a report state (published_at records it), so a
// published case keeps its deadlines and reminders and can be worked and closed. Cases stored as published go back to
// in progress. Down: the cases with a publication that are still open become "published" again.
export async function up(db: Kysely<any>): Promise<void> {
  await db.updateTable('reports').set({ state: 'in_progress' }).where('state', '=', 'published').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.updateTable('reports').set({ state: 'published' }).where('published_at', 'is not', null).where('state', 'in', ['triage', 'in_progress']).execute();
}
