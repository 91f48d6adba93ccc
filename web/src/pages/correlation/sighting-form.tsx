// "We saw this too": optional first/last seen and count; a second report updates the first.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ErrorAlert, SuccessNote } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { useI18n } from '../../i18n/index.ts';
import { membershipName } from '../../lib/reference.ts';
import { useSession } from '../../session/session-context.tsx';
import { correlationApi, type SightingInput, type Standing } from './correlation-api.ts';

// A datetime-local value is local time without a zone; the server wants RFC 3339.
const isoOf = (local: string): string | undefined => (local === '' ? undefined : new Date(local).toISOString());

export function SightingForm({ indicatorId, sightings }: { indicatorId: string; sightings: Standing['sightings'] }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const memberships = user?.memberships ?? [];
  const [orgId, setOrgId] = useState(memberships[0]?.orgId ?? '');
  const [firstSeen, setFirstSeen] = useState('');
  const [lastSeen, setLastSeen] = useState('');
  const [count, setCount] = useState('');
  const queryClient = useQueryClient();
  // A sighting changes the indicator's standing (counts, confidence) and the pictures built from sightings.
  const action = useMutation({
    mutationFn: (input: SightingInput) => correlationApi.sight(input),
    onSuccess: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: ['correlation'] }),
      queryClient.invalidateQueries({ queryKey: ['dashboards'] }),
    ]),
  });
  if (memberships.length === 0) return <p className="muted">{t('corr.sight.notMember')}</p>;
  const already = sightings.mine.some((m) => m.orgId === orgId);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: SightingInput = { indicatorId, orgId };
    const first = isoOf(firstSeen);
    const last = isoOf(lastSeen);
    if (first) input.firstSeen = first;
    if (last) input.lastSeen = last;
    if (count !== '') input.count = Number(count);
    action.mutate(input);
  };

  return (
    <form onSubmit={submit} className="sighting-form">
      <fieldset>
        <legend>{t('corr.sight.legend')}</legend>
        {memberships.length > 1 ? (
          <SelectField label={t('corr.sight.org')} value={orgId} onValue={setOrgId}
            options={memberships.map((m) => ({ value: m.orgId, label: membershipName(m, locale) }))} />
        ) : null}
        <div className="grid-2">
          <TextField label={t('corr.sight.firstSeen')} type="datetime-local" value={firstSeen} onValue={setFirstSeen} />
          <TextField label={t('corr.sight.lastSeen')} type="datetime-local" value={lastSeen} onValue={setLastSeen} />
        </div>
        <TextField label={t('corr.sight.count')} type="number" min={1} max={999999999} inputMode="numeric" value={count} onValue={setCount} />
        <ErrorAlert error={action.error} />
        {action.isSuccess ? <SuccessNote>{t('corr.sight.done')}</SuccessNote> : null}
        <button type="submit" disabled={action.isPending}>{already ? t('corr.sight.update') : t('corr.sight.button')}</button>
      </fieldset>
    </form>
  );
}
