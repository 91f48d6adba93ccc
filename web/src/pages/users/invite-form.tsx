import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import type { Items, OrgSummary } from '../../api/types.ts';
import { ErrorAlert, ProblemList, SuccessNote } from '../../components/alerts.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { localeOptions, orgRoleOptions, platformRoleOptions } from '../../lib/options.ts';
import { orgName } from '../../lib/reference.ts';

interface InviteFormProps {
  /** Invite into this organisation (org page); without it the form offers platform roles and an org choice. */
  fixedOrgId?: string;
}

interface InviteResult {
  id: string;
  email: string;
  expiresAt: string;
}

export function InviteForm({ fixedOrgId }: InviteFormProps) {
  const { t, locale: uiLocale } = useI18n();
  const [email, setEmail] = useState('');
  const [chosenLocale, setLocale] = useState<string | null>(null);
  const locale = chosenLocale ?? uiLocale;
  const [platformRoles, setPlatformRoles] = useState<string[]>([]);
  const [orgId, setOrgId] = useState(fixedOrgId ?? '');
  const [orgRole, setOrgRole] = useState('member');
  const [problems, setProblems] = useState<string[]>([]);
  const invite = useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<InviteResult>('/api/invitations', body),
    onSuccess: () => {
      setEmail('');
      setPlatformRoles([]);
    },
  });
  const sent = invite.data;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.reset();
    const found = email.trim() ? [] : [t('validation.required', { field: t('field.email') })];
    setProblems(found);
    if (found.length > 0) return;
    invite.mutate({
      email: email.trim(),
      locale,
      ...(orgId ? { orgId, orgRole } : {}),
      ...(fixedOrgId ? {} : { platformRoles }),
    });
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p className="hint">{t('invite.formIntro')}</p>
      <ProblemList problems={problems} />
      <ErrorAlert error={invite.error} />
      {sent ? (
        <SuccessNote>
          {t('invite.sent', { email: sent.email, expires: formatDateTime(sent.expiresAt, uiLocale) })}
        </SuccessNote>
      ) : null}
      <TextField label={t('invite.email')} type="email" required value={email} onValue={setEmail} />
      <SelectField label={t('invite.locale')} value={locale} onValue={setLocale} options={localeOptions(t)} />
      {fixedOrgId ? null : (
        <>
          <CheckboxGroup legend={t('invite.platformRoles')} options={platformRoleOptions(t)} values={platformRoles} onValues={setPlatformRoles} />
          <OrgChoice value={orgId} onValue={setOrgId} />
        </>
      )}
      {orgId ? <SelectField label={t('invite.orgRole')} value={orgRole} onValue={setOrgRole} options={orgRoleOptions(t)} /> : null}
      <div className="form-actions">
        <button type="submit" disabled={invite.isPending}>
          {t('invite.send')}
        </button>
      </div>
    </form>
  );
}

function OrgChoice({ value, onValue }: { value: string; onValue: (value: string) => void }) {
  const { t, locale } = useI18n();
  const orgs = useQuery({ queryKey: ['orgs', 'list', {}], queryFn: () => api.get<Items<OrgSummary>>('/api/orgs') });
  const options = (orgs.data?.items ?? []).map((org) => ({ value: org.id, label: orgName(org, locale) }));
  return (
    <>
      <SelectField label={t('invite.org')} value={value} onValue={onValue} options={options} empty={t('invite.noOrg')} />
      <ErrorAlert error={orgs.error} />
    </>
  );
}
