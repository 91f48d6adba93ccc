// Asking for help from a report: when a member submits (or amends) a report whose answers say help is wanted now, the
// help request is made in the same transaction from what the platform already knows, so nothing is typed twice:
// the organisation's prefecture, the member's language, the report's kind of incident (skills and first-aid
// checklist), whether it is still happening (urgency) and whether help is wanted on site.
//
// The request's description is what the member wrote under "what help", or a plain sentence made from the answers.
// It never copies the report's own text: offered responders read the request before they know who asked, and they
// see the report only as the coordinator's reviewed redaction, or in full once the member grants it.
import { can } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { Locale } from '../../auth/roles.js';
import { findOrgById } from '../orgs/orgs.repository.js';
import type { ReportAnswers } from '../reports/report-answers.js';
import type { ReportSubmittedHook } from '../reports/reports.service.js';
import { categoryName } from '../../vocabulary/incident-categories.js';
import { DESCRIPTION_MAX, openRequest } from './aid-requests.service.js';
import { findUnfinishedRequestOfReport } from './aid.repository.js';
import { SKILLS_FOR_CATEGORY, urgencyOf } from './aid-rules.js';

/** The request's description when the member did not say what help: the answers, in the member's language. */
export function describeHelp(answers: ReportAnswers, locale: Locale): string {
  const kind = categoryName(answers.category, locale);
  const ja = locale === 'ja';
  const parts = [ja ? `報告からの支援依頼: ${kind}。` : `Help asked from a report: ${kind}.`];
  if (answers.ongoing === 'yes') parts.push(ja ? '被害は今も続いています。' : 'It is still happening.');
  if (answers.help.onSite === 'yes') parts.push(ja ? '現地での支援を希望します。' : 'Help on site is wanted.');
  return parts.join(ja ? '' : ' ');
}

/** The hook app.ts gives the reports routes: help wanted, and no request from this report still open, asks for help. */
export const askForHelpFromReport = (config: Config): ReportSubmittedHook => async (trx: Database, ctx: RequestContext, report) => {
  const { answers } = report;
  if (answers.help.wanted !== 'yes' || !can(ctx.actor, 'aid.request.create', report.orgId)) return;
  if (await findUnfinishedRequestOfReport(trx, report.id)) return;
  const org = await findOrgById(trx, report.orgId);
  if (!org) return;
  const description = (answers.help.what || describeHelp(answers, ctx.locale)).slice(0, DESCRIPTION_MAX);
  await openRequest(trx, config, ctx, {
    orgId: report.orgId, reportId: report.id, skills: [...SKILLS_FOR_CATEGORY[answers.category]], urgency: urgencyOf(answers.ongoing),
    onSite: answers.help.onSite === 'yes', prefecture: org.prefecture, language: ctx.locale, category: answers.category, description,
  }, new Date());
};
