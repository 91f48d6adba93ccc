import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { ApiTokenItem, Items } from '../../api/types.ts';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { CopyButton } from '../../components/copy-button.tsx';
import { Card } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { NewTokenForm } from './new-token-form.tsx';

export function TokensSection() {
  const { t, locale } = useI18n();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ['account', 'tokens'], queryFn: () => api.get<Items<ApiTokenItem>>('/api/account/tokens') });
  const [created, setCreated] = useState<{ token: string; name: string } | null>(null);
  const reloadTokens = () => queryClient.invalidateQueries({ queryKey: ['account', 'tokens'] });
  const revoke = useMutation({
    mutationFn: (item: ApiTokenItem) => api.delete(`/api/account/tokens/${encodeURIComponent(item.id)}`),
    onSuccess: reloadTokens,
  });

  return (
    <Card title={t('tokens.title')} id="tokens">
      <p>{t('tokens.intro')}</p>
      {created ? (
        <div className="alert alert-warning one-time">
          <p>
            <strong>{t('tokens.createdTitle', { name: created.name })}</strong>
          </p>
          <p>{t('tokens.onceWarning')}</p>
          <code className="token-value" data-testid="new-token">
            {created.token}
          </code>
          <div className="form-actions">
            <CopyButton text={created.token} />
            <button type="button" className="button-secondary" onClick={() => setCreated(null)}>
              {t('tokens.hide')}
            </button>
          </div>
        </div>
      ) : null}
      <ErrorAlert error={tokens.error ?? revoke.error} />
      {tokens.isPending ? <Loading /> : null}
      {tokens.data && tokens.data.items.length === 0 ? <p className="muted">{t('tokens.none')}</p> : null}
      {tokens.data && tokens.data.items.length > 0 ? (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t('tokens.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tokens.name')}</th>
                <th scope="col">{t('tokens.scopes')}</th>
                <th scope="col">{t('tokens.created')}</th>
                <th scope="col">{t('tokens.expires')}</th>
                <th scope="col">{t('tokens.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.items.map((item) => (
                <tr key={item.id}>
                  <td>{item.name}</td>
                  <td>{item.scopes.map((scope) => t(`scope.${scope}`)).join(', ')}</td>
                  <td>{formatDateTime(item.createdAt, locale)}</td>
                  <td>{item.expiresAt ? formatDateTime(item.expiresAt, locale) : t('tokens.never')}</td>
                  <td>{item.lastUsedAt ? formatDateTime(item.lastUsedAt, locale) : t('tokens.neverUsed')}</td>
                  <td>
                    <button
                      type="button"
                      className="button-danger button-small"
                      onClick={() => revoke.mutate(item)}
                      disabled={revoke.isPending}
                      aria-label={t('tokens.revokeNamed', { name: item.name })}
                    >
                      {t('tokens.revoke')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <NewTokenForm
        onCreated={(token, name) => {
          setCreated({ token, name });
          void reloadTokens();
        }}
      />
    </Card>
  );
}
