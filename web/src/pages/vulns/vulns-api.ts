// The asset inventory and its vulnerability and end-of-life findings (issue 20), as the UI uses them: reads under
// ['vulns', …] keys, writes that invalidate them (and the member's home, whose block lists the open findings).
import { useQueryClient } from '@tanstack/react-query';
import type { Static } from '@sinclair/typebox';
import { api } from '../../api/client.ts';
import type { Asset as AssetSchema, AssetBody } from '../../../../src/modules/vulns/assets.schema.ts';
import type { AssetCategory } from '../../../../src/modules/vulns/asset-model.ts';
import type { Finding as FindingSchema, FindingList as FindingListSchema, FindingStatus, VulnSummary as VulnSummarySchema } from '../../../../src/modules/vulns/findings.schema.ts';

export type Asset = Static<typeof AssetSchema>;
export type AssetInput = AssetBody;
export type Finding = Static<typeof FindingSchema>;
export type FindingList = Static<typeof FindingListSchema>;
export type VulnSummary = Static<typeof VulnSummarySchema>;
export type { AssetCategory, FindingStatus };

/** The server's categories (asset-model.ts), in the order the form offers them; the type keeps the two in step. */
export const ASSET_CATEGORIES = [
  'vpn_utm_firewall', 'router', 'nas', 'server_os', 'pc_os', 'web_cms', 'business_software', 'iot_ot', 'cloud_service', 'other',
] as const satisfies readonly AssetCategory[];

/** The closing statuses a member can choose, and the ones that must say what was done or why (findings.schema.ts). */
export const CLOSING_STATUSES = ['patched', 'mitigated', 'not_applicable', 'accepted_risk'] as const satisfies readonly FindingStatus[];
export const NOTE_REQUIRED: readonly FindingStatus[] = ['mitigated', 'not_applicable'];
export const NOTE_MAX = 2000;

/** Limits of asset-model.ts (ASSET_LIMITS), for maxLength in the form; the server checks them again. */
export const ASSET_MAX = { vendor: 200, product: 200, version: 100, cpe: 500, purl: 1000, address: 300, owner: 200, notes: 2000 } as const;

const orgPath = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export const vulnsApi = {
  assets: (orgId: string) => api.get<{ items: Asset[] }>(`${orgPath(orgId)}/assets`),
  createAsset: (orgId: string, input: AssetInput) => api.post<Asset>(`${orgPath(orgId)}/assets`, input),
  updateAsset: (orgId: string, id: string, input: AssetInput) => api.put<Asset>(`${orgPath(orgId)}/assets/${encodeURIComponent(id)}`, input),
  deleteAsset: (orgId: string, id: string) => api.delete(`${orgPath(orgId)}/assets/${encodeURIComponent(id)}`),
  findings: (orgId: string) => api.get<FindingList>(`${orgPath(orgId)}/findings`),
  setStatus: (orgId: string, id: string, status: FindingStatus, note?: string) =>
    api.put<Finding>(`${orgPath(orgId)}/findings/${encodeURIComponent(id)}`, note === undefined ? { status } : { status, note }),
  summary: () => api.get<VulnSummary>('/api/vulns/summary'),
};

export const vulnKeys = {
  assets: (orgId: string) => ['vulns', 'assets', orgId] as const,
  findings: (orgId: string) => ['vulns', 'findings', orgId] as const,
  summary: ['vulns', 'summary'] as const,
};

/** After a change: the inventory, the findings (an asset change re-matches) and the home page's block. */
export function useVulnsChange(): () => Promise<unknown> {
  const queryClient = useQueryClient();
  return () => Promise.all([
    queryClient.invalidateQueries({ queryKey: ['vulns'] }),
    queryClient.invalidateQueries({ queryKey: ['dashboards'] }),
  ]);
}

/** "Fortinet FortiOS 7.2.4": the asset as its owner named it. */
export const assetName = (a: { vendor: string; product: string; version: string }): string =>
  [a.vendor, a.product, a.version].filter((part) => part.trim() !== '').join(' ');
