import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client.ts';
import { ErrorAlert, ProblemList, SuccessNote } from '../../components/alerts.tsx';
import { TextField } from '../../components/fields.tsx';
import { Card } from '../../components/page.tsx';
import { PasswordPair, passwordProblems } from '../../components/password-pair.tsx';
import { useT } from '../../i18n/index.ts';

export function PasswordSection() {
  const t = useT();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const change = useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => api.post<void>('/api/account/password', body),
    onSuccess: () => {
      setCurrentPassword('');
      setNewPassword('');
      setConfirm('');
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.reset();
    const found = [
      ...(currentPassword ? [] : [t('validation.required', { field: t('field.currentPassword') })]),
      ...passwordProblems(t, newPassword, confirm),
    ];
    setProblems(found);
    if (found.length > 0) return;
    change.mutate({ currentPassword, newPassword });
  };

  return (
    <Card title={t('account.password')} id="password">
      <form className="form" onSubmit={submit} noValidate>
        <ProblemList problems={problems} />
        <ErrorAlert error={change.error} />
        {change.isSuccess ? <SuccessNote>{t('account.passwordChanged')}</SuccessNote> : null}
        <TextField
          label={t('field.currentPassword')}
          type="password"
          autoComplete="current-password"
          required
          value={currentPassword}
          onValue={setCurrentPassword}
        />
        <PasswordPair password={newPassword} confirm={confirm} onPassword={setNewPassword} onConfirm={setConfirm} />
        <div className="form-actions">
          <button type="submit" disabled={change.isPending}>
            {t('account.changePassword')}
          </button>
        </div>
      </form>
    </Card>
  );
}
