// The asset inventory's vocabulary and input rules, shared with the web UI (pure, no I/O): the category code list
// with its names in Japanese and English, the limits, and the check of one asset as a person typed it.
import { tryParseCpe } from './cpe.js';
import { tryParsePurl } from './purl.js';

export const ASSET_CATEGORIES = [
  'vpn_utm_firewall', 'router', 'nas', 'server_os', 'pc_os', 'web_cms', 'business_software', 'iot_ot', 'cloud_service', 'other',
] as const;
export type AssetCategory = (typeof ASSET_CATEGORIES)[number];

export const ASSET_CATEGORY_NAMES: Readonly<Record<AssetCategory, { ja: string; en: string }>> = {
  vpn_utm_firewall: { ja: 'VPN 装置・UTM・ファイアウォール', en: 'VPN / UTM / firewall' },
  router: { ja: 'ルーター', en: 'Router' },
  nas: { ja: 'NAS（ネットワーク接続ストレージ）', en: 'NAS (network storage)' },
  server_os: { ja: 'サーバーの OS', en: 'Server operating system' },
  pc_os: { ja: 'パソコンの OS', en: 'PC operating system' },
  web_cms: { ja: 'Web サイトの CMS', en: 'Website CMS' },
  business_software: { ja: '業務ソフトウェア', en: 'Business software' },
  iot_ot: { ja: 'IoT・制御機器', en: 'IoT / OT device' },
  cloud_service: { ja: 'クラウドサービス', en: 'Cloud service' },
  other: { ja: 'その他', en: 'Other' },
};

export const ASSET_LIMITS = {
  vendor: 200, product: 200, version: 100, cpe: 500, purl: 1000, address: 300, owner: 200, notes: 2000, perOrg: 5000,
} as const;

export interface AssetInput {
  category: string;
  vendor: string;
  product: string;
  version?: string | undefined;
  cpe?: string | null | undefined;
  purl?: string | null | undefined;
  internetFacing?: boolean | undefined;
  exposedAddress?: string | null | undefined;
  owner?: string | undefined;
  notes?: string | undefined;
  shareWithDesk?: boolean | undefined;
}

export interface CleanAsset {
  category: AssetCategory;
  vendor: string;
  product: string;
  version: string;
  cpe: string | null;
  purl: string | null;
  internetFacing: boolean;
  exposedAddress: string | null;
  owner: string;
  notes: string;
  shareWithDesk: boolean;
}

/** A field that is wrong, and why, as codes the UI translates: { field: 'cpe', problem: 'invalid' }. */
export interface AssetIssue {
  field: keyof AssetInput;
  problem: 'required' | 'too_long' | 'invalid' | 'unknown_code' | 'not_internet_facing';
}

// Control characters never belong in these fields; line breaks are allowed in notes only.
const isControl = (code: number, multiline: boolean): boolean =>
  (code < 0x20 && !(multiline && (code === 0x0a || code === 0x0d || code === 0x09))) || code === 0x7f;
const hasControl = (text: string, multiline: boolean): boolean => [...text].some((c) => isControl(c.codePointAt(0) ?? 0, multiline));

function cleanText(value: string | null | undefined, field: keyof AssetInput, max: number, issues: AssetIssue[], multiline = false): string {
  const text = (value ?? '').normalize('NFC').trim();
  if ([...text].length > max) issues.push({ field, problem: 'too_long' });
  else if (hasControl(text, multiline)) issues.push({ field, problem: 'invalid' });
  return text;
}

/** Checks and normalises one asset; every problem is listed, not only the first. */
export function checkAsset(input: AssetInput): { asset: CleanAsset; issues: AssetIssue[] } {
  const issues: AssetIssue[] = [];
  const category = (ASSET_CATEGORIES as readonly string[]).includes(input.category) ? (input.category as AssetCategory) : 'other';
  if (category !== input.category) issues.push({ field: 'category', problem: 'unknown_code' });
  const vendor = cleanText(input.vendor, 'vendor', ASSET_LIMITS.vendor, issues);
  const product = cleanText(input.product, 'product', ASSET_LIMITS.product, issues);
  if (vendor === '') issues.push({ field: 'vendor', problem: 'required' });
  if (product === '') issues.push({ field: 'product', problem: 'required' });
  const cpe = cleanText(input.cpe, 'cpe', ASSET_LIMITS.cpe, issues) || null;
  if (cpe !== null && !tryParseCpe(cpe)) issues.push({ field: 'cpe', problem: 'invalid' });
  const purl = cleanText(input.purl, 'purl', ASSET_LIMITS.purl, issues) || null;
  if (purl !== null && !tryParsePurl(purl)) issues.push({ field: 'purl', problem: 'invalid' });
  const internetFacing = input.internetFacing === true;
  const exposedAddress = cleanText(input.exposedAddress, 'exposedAddress', ASSET_LIMITS.address, issues) || null;
  if (exposedAddress !== null && !internetFacing) issues.push({ field: 'exposedAddress', problem: 'not_internet_facing' });
  return {
    asset: {
      category, vendor, product, version: cleanText(input.version, 'version', ASSET_LIMITS.version, issues), cpe, purl, internetFacing, exposedAddress,
      owner: cleanText(input.owner, 'owner', ASSET_LIMITS.owner, issues), notes: cleanText(input.notes, 'notes', ASSET_LIMITS.notes, issues, true),
      shareWithDesk: input.shareWithDesk === true,
    },
    issues,
  };
}
