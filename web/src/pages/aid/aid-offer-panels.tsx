// Offers on a help request page: the coordinator's ranked candidates, and the offered responder's answer.
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Card } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { useNavigate } from 'react-router';
import { aidApi, DECLINE_REASONS, useAidChange, type AidDetail } from './aid-api.ts';
import { k, ReasonList } from './aid-bits.tsx';

interface PanelProps { request: AidDetail }

export function MatchesPanel({ request }: PanelProps) {
  const { t } = useI18n();
  const matches = useQuery({ queryKey: ['aid', 'matches', request.id, request.status], queryFn: () => aidApi.matches(request.id) });
  const offer = useAidChange((responderId: string) => aidApi.offer(request.id, [responderId]));
  const open = request.status === 'open' || request.status === 'offered';
  const items = matches.data?.items ?? [];
  return (
    <Card title={t('aid.matches.title')} id="aid-matches">
      <ErrorAlert error={matches.error ?? offer.error} />
      {matches.data && items.length === 0 ? <p className="muted">{t('aid.matches.none')}</p> : null}
      <ol className="aid-matches">
        {items.map((m) => (
          <li key={m.responderId}>
            <p><strong>{m.displayName}</strong> — {t('aid.matches.score', { score: m.score })}</p>
            <ReasonList reasons={m.reasons} />
            {m.offer ? <p>{t('aid.matches.offered', { status: t(k(`aid.offerStatus.${m.offer}`)) })}</p> : null}
            {!m.reachable ? <p className="muted">{t('aid.matches.unreachable')}</p> : null}
            {open && m.reachable && !m.offer ? (
              <button type="button" className="button-secondary" disabled={offer.isPending}
                aria-label={`${t('aid.matches.offer')}: ${m.displayName}`}
                onClick={() => offer.mutate(m.responderId)}>
                {t('aid.matches.offer')}
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {(request.offers ?? []).length > 0 ? (
        <>
          <h3>{t('aid.offers.title')}</h3>
          <ul className="plain-list">
            {(request.offers ?? []).map((o) => (
              <li key={o.id}>
                {o.displayName}: {t(k(`aid.offerStatus.${o.status}`))}
                {o.declineReason ? ` — ${t(k(`aid.decline.${o.declineReason}`))}${o.declineText ? `（${o.declineText}）` : ''}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Card>
  );
}

export function OfferAnswerPanel({ request }: PanelProps) {
  const navigate = useNavigate();
  const { t } = useI18n();
  const [reason, setReason] = useState<string>('no_capacity');
  const [text, setText] = useState('');
  const offer = request.myOffer;
  const answer = useAidChange(async (accept: boolean) => {
    await (accept ? aidApi.accept(offer?.id ?? '') : aidApi.decline(offer?.id ?? '', reason, text));
  });
  if (!offer || offer.status !== 'pending') return null;
  const decline = (event: FormEvent) => {
    event.preventDefault();
    answer.mutate(false, { onSuccess: () => void navigate('/aid/responder') });
  };
  return (
    <Card title={t('aid.offer.title')} id="aid-offer">
      <p>{t('aid.offer.lead')}</p>
      <p>{t('aid.offer.score', { score: offer.score })}</p>
      <ReasonList reasons={offer.reasons} />
      <ErrorAlert error={answer.error} />
      <p><button type="button" disabled={answer.isPending} onClick={() => answer.mutate(true)}>{t('aid.offer.accept')}</button></p>
      <form onSubmit={decline}>
        <SelectField label={t('aid.offer.declineReason')} value={reason} onValue={setReason} options={DECLINE_REASONS.map((r) => ({ value: r, label: t(k(`aid.decline.${r}`)) }))} />
        <TextField label={t('aid.offer.declineText')} value={text} onValue={setText} maxLength={1000} />
        <button type="submit" className="button-secondary" disabled={answer.isPending}>{t('aid.offer.decline')}</button>
      </form>
    </Card>
  );
}
