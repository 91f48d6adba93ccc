// /orgs/:id/assets — the organisation's devices and software as cards (phone first), with add, edit and delete for
// its members; the coordinator desk reads what the organisation shares with it. Deleting asks in place first.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { api, ApiError } from '../../api/client.ts';
import type { Org } from '../../api/types.ts';
import { ErrorAlert, Loading, SuccessNote } from '../../components/alerts.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n, type MessageKey } from '../../i18n/index.ts';
import { membershipName, orgName } from '../../lib/reference.ts';
import { useSession } from '../../session/session-context.tsx';
import { AssetForm } from './asset-form.tsx';
import { assetName, useVulnsChange, vulnKeys, vulnsApi, type Asset, type AssetInput } from './vulns-api.ts';
import '../reports/reports.css';
import './vulns.css';

export function AssetsPage({ id: orgId }: { id: string }) {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const membership = user?.memberships.find((m) => m.orgId === orgId);
  const canEdit = !!membership;
  const assets = useQuery({ queryKey: vulnKeys.assets(orgId), queryFn: () => vulnsApi.assets(orgId) });
  // The organisation's registered addresses, offered in the form (members read their organisation).
  const org = useQuery({ queryKey: ['orgs', orgId], queryFn: () => api.get<Org>(`/api/orgs/${encodeURIComponent(orgId)}`), enabled: canEdit });
  const [editing, setEditing] = useState<Asset | 'new' | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const changed = useVulnsChange();
  const addButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<string | null>(null);

  const removal = useMutation({
    mutationFn: (asset: Asset) => vulnsApi.deleteAsset(orgId, asset.id),
    onSuccess: async (_, asset) => {
      setConfirming(null);
      setNote(t('assets.deleted', { name: assetName(asset) }));
      await changed();
      addButton.current?.focus();
    },
  });

  const save = async (input: AssetInput) => {
    const saved = editing && editing !== 'new' ? await vulnsApi.updateAsset(orgId, editing.id, input) : await vulnsApi.createAsset(orgId, input);
    setNote(t(editing === 'new' ? 'assets.created' : 'assets.saved', { name: assetName(saved) }));
    returnFocus.current = saved.id;
    setEditing(null);
    await changed();
  };

  // After saving, the saved card's heading gets the focus (and scrolls into view) so the result is where the reader is.
  useEffect(() => {
    if (editing !== null || !returnFocus.current || !assets.data) return;
    const card = document.getElementById(`asset-${returnFocus.current}`);
    if (!card) return; // not refetched yet
    card.focus();
    returnFocus.current = null;
  }, [editing, assets.data]);

  const name = membership ? membershipName(membership, locale) : org.data ? orgName(org.data, locale) : '';
  const registered = org.data ? [...org.data.domains, ...org.data.ipRanges] : [];
  const notShared = assets.error instanceof ApiError && assets.error.status === 404 && !canEdit;

  return (
    <Page
      title={t('assets.title')}
      actions={canEdit && editing === null ? (
        <button type="button" ref={addButton} onClick={() => { setNote(null); setEditing('new'); }}>{t('assets.add')}</button>
      ) : null}
    >
      {name ? <p className="muted">{t('assets.org', { org: name })}</p> : null}
      <p>{canEdit ? t('assets.intro') : t('assets.readOnly')}</p>
      {canEdit ? <p><Link to={`/orgs/${encodeURIComponent(orgId)}/findings`}>{t('assets.findingsLink')}</Link></p> : null}
      {note && editing === null ? <SuccessNote>{note}</SuccessNote> : null}
      {editing !== null ? (
        <div className="card">
          <AssetForm
            asset={editing === 'new' ? null : editing} registered={registered} onSave={save}
            onCancel={() => {
              returnFocus.current = editing === 'new' ? null : editing.id;
              setEditing(null);
              if (editing === 'new') window.setTimeout(() => addButton.current?.focus(), 0);
            }}
          />
        </div>
      ) : null}
      {notShared ? <p>{t('assets.notShared')}</p> : assets.isPending ? <Loading /> : assets.error ? <ErrorAlert error={assets.error} /> : (
        <section aria-labelledby="assets-list-title">
          <h2 id="assets-list-title">{t('assets.list', { count: assets.data.items.length })}</h2>
          {assets.data.items.length === 0 ? <p>{t('assets.empty')}</p> : (
            <ul className="asset-list">
              {assets.data.items.map((asset) => (
                <li key={asset.id}>
                  <AssetCard asset={asset}>
                    {canEdit && editing === null ? (
                      confirming === asset.id ? (
                        <div className="asset-confirm" role="group" aria-label={t('assets.deleteLabel', { name: assetName(asset) })}>
                          <p>{t('assets.deleteConfirm', { name: assetName(asset) })}</p>
                          <ErrorAlert error={removal.error} />
                          <div className="row-actions">
                            <button type="button" className="button-danger" autoFocus disabled={removal.isPending} onClick={() => removal.mutate(asset)}>{t('assets.deleteYes')}</button>
                            <button type="button" className="button-secondary" onClick={() => setConfirming(null)}>{t('assets.deleteNo')}</button>
                          </div>
                        </div>
                      ) : (
                        <div className="row-actions">
                          <button type="button" className="button-secondary" aria-label={t('assets.editLabel', { name: assetName(asset) })}
                            onClick={() => { setNote(null); setEditing(asset); }}>{t('assets.edit')}</button>
                          <button type="button" className="button-secondary" aria-label={t('assets.deleteLabel', { name: assetName(asset) })}
                            onClick={() => { setNote(null); removal.reset(); setConfirming(asset.id); }}>{t('assets.delete')}</button>
                        </div>
                      )
                    ) : null}
                  </AssetCard>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Page>
  );
}

function AssetCard({ asset, children }: { asset: Asset; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <article className="card asset-card" aria-labelledby={`asset-${asset.id}`}>
      <p className="asset-kind">{t(`asset.cat.${asset.category}` as MessageKey)}</p>
      <h3 id={`asset-${asset.id}`} tabIndex={-1}>{[asset.vendor, asset.product].filter(Boolean).join(' ')}</h3>
      <p>{asset.version ? `${t('asset.form.version')}: ${asset.version}` : <span className="muted">{t('assets.versionNone')}</span>}</p>
      <ul className="tag-list">
        <li className={asset.internetFacing ? 'tag tag-warn' : 'tag'}>{asset.internetFacing ? t('assets.internetFacing') : t('assets.internal')}</li>
        {asset.shareWithDesk ? <li className="tag">{t('assets.shared')}</li> : null}
      </ul>
      {asset.exposedAddress ? <p className="wrap">{t('assets.exposedAt', { address: asset.exposedAddress })}</p> : null}
      {asset.owner ? <p>{t('assets.owner', { owner: asset.owner })}</p> : null}
      {asset.notes ? <p className="prewrap">{t('assets.notes', { notes: asset.notes })}</p> : null}
      {children}
    </article>
  );
}
