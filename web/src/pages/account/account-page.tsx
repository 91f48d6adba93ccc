import { Page } from '../../components/page.tsx';
import { useT } from '../../i18n/index.ts';
import { useSession } from '../../session/session-context.tsx';
import { PasswordSection } from './password-section.tsx';
import { ProfileSection } from './profile-section.tsx';
import { TokensSection } from './tokens-section.tsx';
import { TotpSection } from './totp-section.tsx';

export function AccountPage() {
  const t = useT();
  const { user, notice } = useSession();
  if (!user) return null;
  const mustEnrol = user.mfaEnrollmentRequired && !user.totpEnabled;
  return (
    <Page title={t('account.title')}>
      {mustEnrol && !notice ? (
        <div className="alert alert-warning" role="alert">
          {t('account.mfaRequired')}
        </div>
      ) : null}
      {mustEnrol ? <TotpSection /> : null}
      <ProfileSection />
      <PasswordSection />
      {mustEnrol ? null : <TotpSection />}
      <TokensSection />
    </Page>
  );
}
