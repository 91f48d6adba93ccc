// Report attachments: checked, hashed and stored in one transaction with their timeline entry, so a
// broken or oversize file leaves nothing behind. Kept in the database: bounded by configuration,
// backed up with everything else, never on a path the web server could serve.
import { randomUUID } from 'node:crypto';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError, notFound } from '../../errors.js';
import { recordAudit } from '../audit/audit.service.js';
import { checkAttachment, cleanFilename, hashesOf } from './attachment-check.js';
import { emlIndicators } from './eml-indicators.js';
import { correlateReport } from './report-correlation.js';
import { loadReport, lockReport } from './report-access.js';
import { attachmentsTotal, findAttachment, insertAttachment, insertEvent } from './report-case.repository.js';
import { updateReport } from './reports.repository.js';

export interface UploadInput {
  filename: string;
  sample: boolean; // a suspicious file: stored as opaque bytes, never parsed
  content: Buffer;
}

export async function addAttachment(db: Database, ctx: RequestContext, config: Config, id: string, input: UploadInput) {
  // Access first: nobody learns anything about the checks for a report they may not write.
  await loadReport(db, ctx, id, 'write');
  const filename = cleanFilename(input.filename);
  if (input.content.length > config.attachmentMaxBytes) throw new AppError('attachment_too_large', { max: config.attachmentMaxBytes });
  const { kind, text } = checkAttachment(filename, input.content, input.sample);
  const indicators = kind === 'eml' && text !== null ? emlIndicators(text) : [];
  const hashes = hashesOf(input.content);
  const attachmentId = randomUUID();
  const at = new Date().toISOString();
  const orgId = await db.transaction().execute(async (trx) => {
    const { actor, report } = await lockReport(trx, ctx, id, 'write');
    if (report.state === 'closed') throw new AppError('invalid_state_transition', { from: report.state, to: 'attachment' });
    if ((await attachmentsTotal(trx, id)) + input.content.length > config.reportAttachmentsMaxBytes) {
      throw new AppError('attachment_quota_exceeded', { max: config.reportAttachmentsMaxBytes });
    }
    await insertAttachment(trx, {
      id: attachmentId, report_id: id, filename, kind, size: input.content.length, ...hashes, indicators: JSON.stringify(indicators),
      content: input.content, uploaded_by: actor.userId, created_at: at,
    });
    await updateReport(trx, id, { updated_at: at });
    const details = { attachmentId, filename, kind, size: input.content.length, sha256: hashes.sha256 };
    await insertEvent(trx, { reportId: id, at, actorUserId: actor.userId, kind: 'attachment_added', internal: false, details });
    await recordAudit(trx, ctx, { action: 'report.attachment_added', orgId: report.org_id, targetType: 'report', targetId: id, details });
    return report.org_id;
  });
  // A suspicious file's hashes and an e-mail's indicators correlate like the report's text.
  const values = [...indicators.map((i) => i.value), ...(input.sample ? [hashes.sha256] : [])];
  await correlateReport(db, id, orgId, { values });
  return { id: attachmentId, filename, kind, size: input.content.length, ...hashes, indicators, createdAt: at };
}

export async function readAttachment(db: Database, ctx: RequestContext, id: string, attachmentId: string) {
  await loadReport(db, ctx, id, 'read');
  const row = await findAttachment(db, id, attachmentId);
  if (!row) throw notFound();
  return { filename: row.filename, content: Buffer.from(row.content) };
}
