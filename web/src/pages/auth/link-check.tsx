import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { api } from '../../api/client.ts';
import type { LinkInfo } from '../../api/types.ts';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { useT } from '../../i18n/index.ts';
import { Link } from 'react-router';

interface LinkCheckProps {
  token: string;
  kind: LinkInfo['kind'];
  children: (info: LinkInfo) => ReactNode;
}

/** Checks a one-time link before showing its form; an unknown, used or expired link gets a clear message. */
export function LinkCheck({ token, kind, children }: LinkCheckProps) {
  const t = useT();
  const link = useQuery({
    queryKey: ['auth', 'link', token],
    queryFn: () => api.get<LinkInfo>(`/api/auth/links/${encodeURIComponent(token)}`),
    enabled: !!token,
  });
  if (!token) return <ErrorAlert error={t('link.missingToken')} />;
  if (link.isPending) return <Loading />;
  if (link.error || !link.data || link.data.kind !== kind) {
    return (
      <>
        <ErrorAlert error={link.error ?? t('link.invalid')} />
        <p>
          <Link to="/login">{t('common.backToLogin')}</Link>
        </p>
      </>
    );
  }
  return <>{children(link.data)}</>;
}
