// On a submitted report of my organisation: "ask for help with this report" (a help request linked to it, of the
// same incident category: reports and help requests share one vocabulary).
import { useT } from '../../i18n/index.ts';
import { Link } from 'react-router';

export function AskForHelpLink({ report }: { report: { id: string; orgId: string; category: string; state: string; canWrite: boolean } }) {
  const t = useT();
  if (!report.canWrite || report.state === 'draft' || report.state === 'closed') return null;
  const query = new URLSearchParams({ report: report.id, org: report.orgId, category: report.category });
  return <p><Link to={`/aid/new?${query.toString()}`} className="button button-secondary">{t('aid.form.askForHelp')}</Link></p>;
}
