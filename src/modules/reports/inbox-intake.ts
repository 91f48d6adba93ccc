// Indicators a member sends to its organisation's TAXII inbox (or imports into it) enter the same review
// as a written report: each accepted batch becomes a submitted report of that organisation, whose text
// lists what arrived, so coordinators triage, redact and publish it like any other. Runs inside the
// store's transaction: the objects and their report commit together.
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { recordAudit } from '../audit/audit.service.js';
import { emptyAnswers, TEXT_MAX } from './report-answers.js';
import { insertEvent } from './report-case.repository.js';
import { insertReport, insertVersion } from './reports.repository.js';

type StixObject = Record<string, unknown>;

const describe = (o: StixObject): string | null => {
  const name = typeof o.name === 'string' ? o.name : '';
  if (o.type === 'indicator' && typeof o.pattern === 'string') return `- indicator${name ? ` "${name}"` : ''}: ${o.pattern}`;
  if (typeof o.value === 'string') return `- ${String(o.type)}: ${o.value}`;
  if (o.type === 'file' && typeof o.hashes === 'object' && o.hashes !== null) {
    return `- file${name ? ` "${name}"` : ''}: ${Object.entries(o.hashes).map(([k, v]) => `${k} ${String(v)}`).join(', ')}`;
  }
  return name ? `- ${String(o.type)}: ${name}` : null;
};

/** The report text for a batch: a heading, then one line per object, cut to the report limit. */
export function inboxReportText(objects: readonly StixObject[], statusId: string): string {
  const head = `TAXII inbox submission (status ${statusId}), ${objects.length} objects:`;
  const lines: string[] = [head];
  let length = head.length;
  for (const [i, line] of objects.map(describe).filter((l): l is string => l !== null).entries()) {
    const more = `… and ${objects.length - i} more (see the TAXII status resource)`;
    if (length + line.length + more.length + 2 > TEXT_MAX) {
      lines.push(more);
      break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

export async function reportFromInbox(trx: Database, ctx: RequestContext, input: { orgId: string; statusId: string; objects: readonly StixObject[] }): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  const actor = ctx.actor.kind === 'user' ? ctx.actor.userId : null;
  const answers = emptyAnswers();
  await insertReport(trx, {
    id, org_id: input.orgId, created_by: actor, state: 'submitted', outcome: null, assignee_id: null, category: answers.category,
    draft_text: '', draft_answers: JSON.stringify(answers), current_version: 1, aware_at: at,
    created_at: at, updated_at: at, submitted_at: at, first_response_at: null, closed_at: null, published_at: null, publication_ref: null,
  });
  await insertVersion(trx, {
    report_id: id, version: 1, kind: 'submission', text: inboxReportText(input.objects, input.statusId), answers: JSON.stringify(answers),
    note: '', created_by: actor, created_at: at,
  });
  await insertEvent(trx, { reportId: id, at, actorUserId: actor, kind: 'submitted', internal: false, details: { version: 1, taxiiStatus: input.statusId } });
  await recordAudit(trx, ctx, { action: 'report.submitted_via_taxii', orgId: input.orgId, targetType: 'report', targetId: id, details: { statusId: input.statusId, objects: input.objects.length } });
  return id;
}
