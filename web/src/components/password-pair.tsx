import { TextField } from './fields.tsx';
import { useT, type Translate } from '../i18n/index.ts';

interface PasswordPairProps {
  password: string;
  confirm: string;
  onPassword: (value: string) => void;
  onConfirm: (value: string) => void;
  label?: string;
}

/** A new password typed twice. */
export function PasswordPair({ password, confirm, onPassword, onConfirm, label }: PasswordPairProps) {
  const t = useT();
  return (
    <>
      <TextField
        label={label ?? t('field.newPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={password}
        onValue={onPassword}
        hint={t('field.newPasswordHint')}
      />
      <TextField
        label={t('field.confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        value={confirm}
        onValue={onConfirm}
      />
    </>
  );
}

/** Problems with a new password the UI can see before the server does. */
export function passwordProblems(t: Translate, password: string, confirm: string, label?: string): string[] {
  if (!password) return [t('validation.required', { field: label ?? t('field.newPassword') })];
  if (password !== confirm) return [t('validation.passwordMismatch')];
  return [];
}
