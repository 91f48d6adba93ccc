// The demo community before the incident (issue 20): members' devices and software, and the small feed sample written
// for the project (src/modules/vulns/testdata: real formats, public or invented CVE data), imported and matched as
// `anshin feeds import` does, so that a new user sees notices at once (the hospital's internet-facing FortiGate is
// exploited in the wild). The demo's mail waits in the outbox; nothing is sent while seeding.
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { insertAsset } from '../modules/vulns/assets.repository.js';
import { importFeedFileAsOperator } from '../modules/vulns/feeds-import.service.js';
import { matchAllAsOperator } from '../modules/vulns/matcher.service.js';

// From dist/demo/ and from src/demo/ alike, the repository's root is two folders up.
const FEEDS = fileURLToPath(new URL('../../src/modules/vulns/testdata/', import.meta.url));

type DemoAsset = { org: string; category: string; vendor: string; product: string; version: string; cpe?: string; facing?: string; owner: string; notes?: string };

const ASSETS: readonly DemoAsset[] = [
  { org: 'hospital', category: 'vpn_utm_firewall', vendor: 'Fortinet', product: 'FortiOS', version: '7.2.4', cpe: 'cpe:2.3:o:fortinet:fortios:7.2.4:*:*:*:*:*:*:*', facing: 'vpn.sakura-hospital.example', owner: '情報システム係', notes: 'FortiGate 60F、リモートアクセス VPN' },
  { org: 'hospital', category: 'nas', vendor: 'QNAP', product: 'QTS', version: '5.1.2.2533', cpe: 'cpe:2.3:o:qnap:qts:5.1.2.2533:*:*:*:*:*:*:*', owner: '医事課', notes: 'TS-453D、共有フォルダ' },
  { org: 'hospital', category: 'pc_os', vendor: 'Microsoft', product: 'Windows 10 22H2', version: '10.0.19045.4651', cpe: 'cpe:2.3:o:microsoft:windows_10_22h2:10.0.19045.4651:*:*:*:*:*:x64:*', owner: '情報システム係', notes: '受付・医事課のパソコン 12 台' },
  { org: 'city', category: 'web_cms', vendor: 'WordPress', product: 'WordPress', version: '6.2', cpe: 'cpe:2.3:a:wordpress:wordpress:6.2:*:*:*:*:*:*:*', facing: 'www.city-midori.example', owner: '広報課' },
  { org: 'factory', category: 'iot_ot', vendor: 'Mitsubishi Electric', product: 'MELSEC iQ-R', version: '1.0', owner: '製造部', notes: 'ライン 2 の PLC（社内ネットワークのみ）' },
  { org: 'factory', category: 'pc_os', vendor: 'Microsoft', product: 'Windows 10 22H2', version: '10.0.19045.4780', cpe: 'cpe:2.3:o:microsoft:windows_10_22h2:10.0.19045.4780:*:*:*:*:*:x64:*', owner: '総務部' },
];

export async function seedDemoVulns(db: Database, config: Config, orgIds: Record<string, string>): Promise<void> {
  const now = new Date().toISOString();
  for (const a of ASSETS) {
    const orgId = orgIds[a.org];
    if (!orgId) continue;
    await insertAsset(db, {
      id: randomUUID(), org_id: orgId, category: a.category, vendor: a.vendor, product: a.product, version: a.version, cpe: a.cpe ?? null, purl: null,
      internet_facing: a.facing ? 1 : 0, exposed_address: a.facing ?? null, owner: a.owner, notes: a.notes ?? '', share_with_desk: 0,
      created_by: null, updated_by: null, created_at: now, updated_at: now,
    });
  }
  for (const file of readdirSync(FEEDS).sort()) await importFeedFileAsOperator(db, `${FEEDS}${file}`);
  await matchAllAsOperator(db, { config, mailer: { flush: async () => {} } });
}
