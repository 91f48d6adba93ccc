import type { ReactNode } from 'react';
import { api } from '../../api/client.ts';
import type { LinkInfo } from '../../api/types.ts';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { useT } from '../../i18n/index.ts';
import { useLoad } from '../../lib/use-load.ts';
import { Link } from '../../router.tsx';

interface LinkCheckProps {
  token: string;
  kind: LinkInfo['kind'];
  children: (info: LinkInfo) => ReactNode;
}

/** Checks a one-time link before showing its form; an unknown, used or expired link gets a clear message. */
export function LinkCheck({ token, kind, children }: LinkCheckProps) {
  const t = useT();
  const link = useLoad(
    () =>
      token
        ? api.get<LinkInfo>(`/api/auth/links/${encodeURIComponent(token)}`)
        : Promise.reject(new Error('missing token')),
    token,
  );
  if (!token) return <ErrorAlert error={t('link.missingToken')} />;
  if (link.loading) return <Loading />;
  if (link.error || !link.data || link.data.kind !== kind) {
    return (
      <>
        <ErrorAlert error={link.error ?? t('link.invalid')} />
        <p>
          <Link href="/login">{t('common.backToLogin')}</Link>
        </p>
      </>
    );
  }
  return <>{children(link.data)}</>;
}
