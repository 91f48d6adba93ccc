// "Ask for help with this" on a notice opens /reports/new?finding=<id>&org=<orgId>: the report starts filled in from the
// notice in plain words, with help wanted (by phone or online), for the member to read, change and send.
//
// The category is "other", not "unauthorised_access": a notice says a device is vulnerable, not that anyone got in.
// Choosing "unauthorised access" would tell the desk (and the community's statistics) that a break-in happened and
// would show the break-in first-aid steps (disconnect the machine, keep its logs) to someone who only needs to update
// it. The member changes the category when there are signs of an attack.
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/index.ts';
import { emptyAnswers } from '../reports/reports-api.ts';
import type { QuickDraft } from '../reports/local-draft.ts';
import { reportTextOf, subjectOf } from './finding-words.ts';
import { vulnKeys, vulnsApi } from './vulns-api.ts';

export interface FindingPrefill {
  /** Still reading the notice: the form waits, so that it starts with the text. */
  pending: boolean;
  /** The draft to start from; null without a notice in the address (or when it was not found). */
  draft: QuickDraft | null;
  /** What to tell the member above the form. */
  notice: string | null;
}

export function useFindingPrefill(): FindingPrefill {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const findingId = params.get('finding') ?? '';
  const orgId = params.get('org') ?? '';
  const wanted = findingId !== '' && orgId !== '';
  const list = useQuery({ queryKey: vulnKeys.findings(orgId), queryFn: () => vulnsApi.findings(orgId), enabled: wanted });
  if (!wanted) return { pending: false, draft: null, notice: null };
  if (list.isPending) return { pending: true, draft: null, notice: null };
  const finding = list.data ? [...list.data.findings, ...list.data.checkVersion].find((f) => f.id === findingId) : undefined;
  if (!finding) return { pending: false, draft: null, notice: t('vulnreport.notFound') };
  const answers = { ...emptyAnswers(), category: 'other', help: { wanted: 'yes' as const, onSite: 'no' as const, what: t('vulnreport.helpWhat') } };
  return {
    pending: false,
    draft: { orgId, text: reportTextOf(t, finding), answers, categoryChosen: true, files: [] },
    notice: t('vulnreport.prefilled', { subject: subjectOf(t, finding) }),
  };
}
