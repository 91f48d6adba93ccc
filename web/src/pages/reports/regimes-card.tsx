// The reporting-deadline regimes of an organisation: org admins switch NIS2 or DORA on, members see them.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ErrorAlert } from '../../components/alerts.tsx';
import { Card } from '../../components/page.tsx';
import { api } from '../../api/client.ts';
import { useI18n } from '../../i18n/index.ts';
import type { Text } from './reports-api.ts';

interface Regime {
  id: string;
  name: Text;
  note: Text;
  enabled: boolean;
}

export function RegimesCard({ orgId, orgName, canManage }: { orgId: string; orgName: string; canManage: boolean }) {
  const { t, locale } = useI18n();
  const url = `/api/report-regimes/${encodeURIComponent(orgId)}`;
  const regimes = useQuery({ queryKey: ['reports', 'regimes', orgId], queryFn: () => api.get<{ items: Regime[] }>(url) });
  const queryClient = useQueryClient();
  // A regime changes the organisation's reporting deadlines too: every report query is refetched.
  const action = useMutation({
    mutationFn: ({ regime, enabled }: { regime: Regime; enabled: boolean }) => api.put<{ items: Regime[] }>(`${url}/${regime.id}`, { enabled }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
  const toggle = (regime: Regime, enabled: boolean) => action.mutate({ regime, enabled });
  return (
    <Card title={t('report.regimes.title', { org: orgName })} id={`regimes-${orgId}`}>
      <p className="hint">{t(canManage ? 'report.regimes.hintAdmin' : 'report.regimes.hint')}</p>
      <ErrorAlert error={regimes.error ?? action.error} />
      <fieldset className="field checkbox-group">
        <legend className="visually-hidden">{t('report.regimes.title', { org: orgName })}</legend>
        {(regimes.data?.items ?? []).map((regime) => (
          <label key={regime.id} className="checkbox">
            <input type="checkbox" checked={regime.enabled} disabled={!canManage || action.isPending} onChange={(event) => toggle(regime, event.target.checked)} />
            <span>
              {regime.name[locale]}
              <br />
              <span className="muted">{regime.note[locale]}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </Card>
  );
}
