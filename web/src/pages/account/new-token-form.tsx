import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { TOKEN_SCOPES, type ApiTokenItem } from '../../api/types.ts';
import { ErrorAlert, ProblemList } from '../../components/alerts.tsx';
import { CheckboxGroup, SelectField, TextField } from '../../components/fields.tsx';
import { useT } from '../../i18n/index.ts';

const EXPIRY_DAYS = ['7', '30', '90', '180', '365'];

export function NewTokenForm({ onCreated }: { onCreated: (token: string, name: string) => void }) {
  const t = useT();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(['read']);
  const [days, setDays] = useState('90');
  const [problems, setProblems] = useState<string[]>([]);
  const create = useMutation({
    mutationFn: (body: { name: string; scopes: string[]; expiresInDays: number }) =>
      api.post<{ token: string; item: ApiTokenItem }>('/api/account/tokens', body),
    onSuccess: (result) => {
      onCreated(result.token, result.item.name);
      setName('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = [
      ...(name.trim() ? [] : [t('validation.required', { field: t('tokens.name') })]),
      ...(scopes.length > 0 ? [] : [t('validation.scopes')]),
    ];
    setProblems(found);
    if (found.length > 0) return;
    create.mutate({ name: name.trim(), scopes, expiresInDays: Number(days) });
  };

  return (
    <form className="form subform" onSubmit={submit} noValidate>
      <h3>{t('tokens.new')}</h3>
      <ProblemList problems={problems} />
      <ErrorAlert error={create.error} />
      <TextField label={t('tokens.name')} required value={name} onValue={setName} />
      <CheckboxGroup
        legend={t('tokens.scopes')}
        options={TOKEN_SCOPES.map((scope) => ({ value: scope, label: t(`scope.${scope}`) }))}
        values={scopes}
        onValues={setScopes}
      />
      <SelectField
        label={t('tokens.expiresIn')}
        value={days}
        onValue={setDays}
        options={EXPIRY_DAYS.map((d) => ({ value: d, label: t('tokens.days', { days: d }) }))}
      />
      <div className="form-actions">
        <button type="submit" disabled={create.isPending}>
          {t('tokens.create')}
        </button>
      </div>
    </form>
  );
}
