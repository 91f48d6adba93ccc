// Coordinator controls on the case page: state with outcome, assignee.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/alerts.tsx';
import { SelectField } from '../../components/fields.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { OUTCOMES, reportsApi, type ReportDetail } from './reports-api.ts';

const NEXT: Record<string, string[]> = {
  submitted: ['triage', 'in_progress', 'closed'], triage: ['in_progress', 'closed'], in_progress: ['triage', 'closed'], closed: ['triage'],
};

export function TriagePanel({ report }: { report: ReportDetail }) {
  const { t } = useI18n();
  const next = NEXT[report.state] ?? [];
  const [state, setState] = useState(next[0] ?? '');
  const [outcome, setOutcome] = useState('');
  const [assignee, setAssignee] = useState(report.assignee?.id ?? '');
  const coordinators = useQuery({ queryKey: ['reports', 'assignees'], queryFn: () => reportsApi.assignees() });
  const queryClient = useQueryClient();
  const action = useMutation({
    mutationFn: (change: 'state' | 'assignee') =>
      change === 'state'
        ? reportsApi.state(report.id, state, state === 'closed' ? outcome : undefined)
        : reportsApi.assign(report.id, assignee || null),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
  const changeState = (event: FormEvent) => {
    event.preventDefault();
    action.mutate('state');
  };
  const assign = (event: FormEvent) => {
    event.preventDefault();
    action.mutate('assignee');
  };
  return (
    <>
      <ErrorAlert error={action.error} />
      {next.length > 0 ? (
        <form className="form" onSubmit={changeState}>
          <SelectField label={t('triage.state')} value={state} onValue={setState} options={next.map((s) => ({ value: s, label: t(`report.state.${s}` as MessageKey) }))} />
          {state === 'closed' ? (
            <SelectField label={t('triage.outcome')} value={outcome} onValue={setOutcome} empty={t('common.choose')} required
              options={OUTCOMES.map((o) => ({ value: o, label: t(`report.outcome.${o}` as MessageKey) }))} />
          ) : null}
          <div className="form-actions">
            <button type="submit" disabled={action.isPending}>{t('triage.apply')}</button>
          </div>
        </form>
      ) : null}
      <form className="form" onSubmit={assign}>
        <SelectField label={t('triage.assignee')} value={assignee} onValue={setAssignee} empty={t('triage.unassigned')}
          options={(coordinators.data?.items ?? []).map((c) => ({ value: c.id, label: c.displayName }))} />
        <div className="form-actions">
          <button type="submit" className="button-secondary" disabled={action.isPending}>{t('triage.assign')}</button>
        </div>
      </form>
    </>
  );
}
