// On a submitted report of my organisation: "ask for help with this report" (a help request linked to it).
import { useT } from '../../i18n/index.ts';
import { Link } from '../../router.tsx';

const CATEGORY_OF_REPORT: Record<string, string> = {
  ransomware: 'ransomware', phishing_bec: 'phishing', unauthorised_access: 'unauthorized_access', malware: 'malware', dos: 'ddos', data_leak: 'data_leak',
};

export function AskForHelpLink({ report }: { report: { id: string; orgId: string; category: string; state: string; canWrite: boolean } }) {
  const t = useT();
  if (!report.canWrite || report.state === 'draft' || report.state === 'closed') return null;
  const query = new URLSearchParams({ report: report.id, org: report.orgId, category: CATEGORY_OF_REPORT[report.category] ?? 'other' });
  return <p><Link href={`/aid/new?${query.toString()}`} className="button button-secondary">{t('aid.form.askForHelp')}</Link></p>;
}
