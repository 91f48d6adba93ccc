// The demo community's threat intelligence: the desk's identity and a few indicators, each in the
// collections its TLP marking allows, so that the TAXII feeds of `serve --demo` are not empty.
import { randomUUID } from 'node:crypto';
import { systemContext, type UserActor } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { appendLedgerEvents } from '../modules/ledger/ledger.service.js';
import { sightIndicator } from '../modules/correlation/sightings.service.js';
import { deskIdentity } from '../modules/sharing/desk-identity.js';
import { collectionIdFor } from '../modules/taxii/collections.service.js';
import { addObjects, type StoredBatch } from '../modules/taxii/store.service.js';

const TLP2 = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
} as const;

interface DemoIndicator {
  name: string;
  pattern: string;
  tlp: keyof typeof TLP2;
  types: string[];
}

// Reserved documentation names, addresses and a made-up hash: nothing here points at a real system.
const INDICATORS: DemoIndicator[] = [
  { name: 'Phishing site imitating a webmail login', pattern: "[domain-name:value = 'login-webmail.example']", tlp: 'clear', types: ['malicious-activity'] },
  { name: 'Ransomware distribution server', pattern: "[ipv4-addr:value = '203.0.113.66']", tlp: 'clear', types: ['malicious-activity'] },
  { name: 'Scanner probing municipal VPN gateways', pattern: "[ipv4-addr:value = '198.51.100.23']", tlp: 'green', types: ['anomalous-activity'] },
  { name: 'Command-and-control of a banking trojan', pattern: "[url:value = 'http://c2.bad-actor.example/gate.php']", tlp: 'green', types: ['malicious-activity'] },
  {
    name: 'Loader seen in a member hospital\'s incident',
    pattern: "[file:hashes.'SHA-256' = '3f6b9a1c0e8d7f2a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a']",
    tlp: 'amber', types: ['malicious-activity'],
  },
];

function indicatorOf(demo: DemoIndicator, deskId: string, created: string) {
  return {
    type: 'indicator', spec_version: '2.1', id: `indicator--${randomUUID()}`, created, modified: created, created_by_ref: deskId,
    name: demo.name, indicator_types: demo.types, pattern: demo.pattern, pattern_type: 'stix', valid_from: created,
    object_marking_refs: [TLP2[demo.tlp]],
  };
}

/**
 * Stores the demo objects through the store's one entrance, as the operator: CLEAR in the public and
 * community collections, GREEN in the community, AMBER in the feed of the organisation it concerns.
 */
export async function seedDemoStix(db: Database, config: Pick<Config, 'defaultTlp' | 'deskName'>, feedOrgId: string | undefined): Promise<{ stored: number; communityIndicatorIds: string[] }> {
  const created = new Date().toISOString();
  // The same identity later advisories are published under.
  const desk = await deskIdentity(db, config);
  const indicators = INDICATORS.map((demo) => ({ demo, object: indicatorOf(demo, desk.id, created) }));
  const ofLevel = (...levels: Array<keyof typeof TLP2>) => indicators.filter((i) => levels.includes(i.demo.tlp)).map((i) => i.object);
  const placements: Array<[string | undefined, unknown[]]> = [
    [await collectionIdFor(db, 'public'), [desk, ...ofLevel('clear')]],
    [await collectionIdFor(db, 'community'), [desk, ...ofLevel('clear', 'green')]],
    [feedOrgId ? await collectionIdFor(db, 'feed', feedOrgId) : undefined, [desk, ...ofLevel('amber')]],
  ];
  const tlpOf = new Map<string, string>([[desk.id, 'clear'], ...indicators.map((i): [string, string] => [i.object.id, i.demo.tlp])]);
  // The desk published these: each placement is a publication in the ledger, committed with the objects.
  const publish = async (trx: Database, batch: StoredBatch) => {
    await appendLedgerEvents(trx, [{
      type: 'publication', actor: null, org: batch.collection.org_id, collection: batch.collection.id, audience: batch.collection.audience,
      objects: batch.accepted.map((o) => ({ ...o, tlp: tlpOf.get(o.id) ?? 'unknown' })), approvedBy: 'Anshin ISAC Desk (demo)',
    }]);
  };
  const store = { request: systemContext('ja'), defaultTlp: config.defaultTlp, onStored: publish };
  let stored = 0;
  for (const [collectionId, objects] of placements) {
    if (collectionId) stored += (await addObjects(db, store, collectionId, objects)).status.success_count;
  }
  return { stored, communityIndicatorIds: ofLevel('clear', 'green').map((o) => o.id) };
}

/** Members confirm the community's indicators ("we saw this too"), through the sightings service as those members. */
export async function seedDemoSightings(db: Database, config: Config, sighters: ReadonlyArray<{ userId: string; orgId: string }>, indicatorIds: readonly string[]): Promise<number> {
  let count = 0;
  for (const [i, sighter] of sighters.entries()) {
    // The named organisations are active.
    const actor: UserActor = {
      kind: 'user', userId: sighter.userId, email: '', locale: 'ja', platformRoles: new Set(), orgRoles: new Map([[sighter.orgId, 'member']]),
      activeOrgIds: new Set([sighter.orgId]), via: 'session', scopes: new Set(['read', 'write']), sessionId: null, mfaEnrollmentRequired: false,
    };
    for (const indicatorId of indicatorIds.slice(0, i + 1)) {
      await sightIndicator(db, config, { ...systemContext('ja'), actor }, { indicatorId, count: i + 1 });
      count++;
    }
  }
  return count;
}
