import { randomUUID } from 'node:crypto';
import type { Database } from '../../src/db/database.js';

/** A report row as intake would leave it (with its submission version unless a draft), for tests that need many. */
export async function addReport(ctx: { db: Database }, orgId: string, input: { category: string; state?: string; submittedAt?: string; firstResponseAt?: string | null }) {
  const id = randomUUID();
  const state = input.state ?? 'submitted';
  const at = input.submittedAt ?? new Date(Date.now() - 3600_000).toISOString();
  const submitted = state !== 'draft';
  await ctx.db.insertInto('reports').values({
    id, org_id: orgId, created_by: null, state, outcome: null, assignee_id: null, category: input.category, draft_text: 'x', draft_answers: '{}',
    current_version: submitted ? 1 : 0, aware_at: submitted ? at : null, created_at: at, updated_at: at, submitted_at: submitted ? at : null,
    first_response_at: input.firstResponseAt ?? null, closed_at: null, published_at: null, publication_ref: null,
  }).execute();
  if (submitted) {
    await ctx.db.insertInto('report_versions').values({
      report_id: id, version: 1, kind: 'submission', text: 'x', answers: JSON.stringify({ category: input.category }), note: '', created_by: null, created_at: at,
    }).execute();
  }
  return id;
}

