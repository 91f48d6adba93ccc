// The demo community: `anshin serve --demo`, the tests and the benchmarks all draw from this one generator.
import { randomUUID } from 'node:crypto';
import { issueToken } from '../auth/account.service.js';
import { systemContext } from '../auth/actor.js';
import { randomToken } from '../auth/crypto.js';
import { hashPassword } from '../auth/password.js';
import type { OrgRole, PlatformRole } from '../auth/roles.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import type { OrgInput } from '../modules/orgs/org-model.js';
import { codesOf, PREFECTURES, SECTORS, SIZE_BANDS } from '../modules/orgs/org-reference.js';
import { createOrgAsOperator } from '../modules/orgs/orgs.service.js';
import { countUsers, insertUser, replaceRoles, upsertMembership } from '../modules/users/users.repository.js';
import { seedDemoSightings, seedDemoStix } from './demo-stix.js';
import { seedDemoAid } from '../modules/aid/aid-demo.js';
import { seedDemoDirectory } from './demo-directory.js';
import { seedDemoVulns } from './demo-vulns.js';

export interface DemoCredential {
  role: string;
  email: string;
  password: string;
}

// An API token for TAXII clients: HTTP Basic with the e-mail address as user and the token as password.
export interface DemoToken {
  role: string;
  email: string;
  token: string;
}

export interface DemoCommunity {
  credentials: DemoCredential[];
  taxiiTokens: DemoToken[];
  orgIds: Record<string, string>;
  stixObjects: number;
}

// The people who get a TAXII-ready token (read,write): one member and one coordinator.
const TAXII_USERS = ['hospital-staff', 'coordinator'];

interface DemoOrg {
  key: string;
  input: OrgInput;
  users: Array<{ name: string; role: OrgRole; platformRoles?: PlatformRole[]; locale?: 'ja' | 'en' }>;
}

const contact = (name: string, email: string) => [{ kind: 'security' as const, name, email }];

// Named organisations of different sectors and sizes; addresses use reserved documentation names and ranges.
const NAMED: DemoOrg[] = [
  { key: 'desk', input: org('安心 ISAC 事務局', 'Anshin ISAC Desk', 'jsic-r', '1-20', '13', 'desk'), users: [{ name: 'coordinator', role: 'member', platformRoles: ['coordinator'] }] },
  { key: 'hospital', input: org('さくら総合病院', 'Sakura General Hospital', 'ci-medical', '301-1000', '27', 'sakura-hospital', 0), users: [{ name: 'hospital-admin', role: 'org_admin' }, { name: 'hospital-staff', role: 'member' }] },
  { key: 'city', input: org('みどり市役所', 'Midori City Office', 'ci-government', '1001-5000', '11', 'city-midori', 1), users: [{ name: 'city-admin', role: 'org_admin' }, { name: 'city-staff', role: 'member' }] },
  { key: 'university', input: org('北斗大学', 'Hokuto University', 'jsic-o', '1001-5000', '01', 'hokuto-u', 2), users: [{ name: 'university-admin', role: 'org_admin', locale: 'en' }] },
  { key: 'factory', input: org('山田精密工業株式会社', 'Yamada Precision Co., Ltd.', 'jsic-e', '21-100', '23', 'yamada-seimitsu', 3), users: [{ name: 'factory-admin', role: 'org_admin' }, { name: 'factory-staff', role: 'member' }] },
  { key: 'logistics', input: org('はやて運輸株式会社', 'Hayate Logistics Inc.', 'ci-logistics', '101-300', '40', 'hayate-logistics', 4), users: [{ name: 'logistics-admin', role: 'org_admin' }] },
  { key: 'shop', input: org('まちかど商店', 'Machikado Store', 'jsic-i', '1-20', '26', 'machikado-shop', 5), users: [{ name: 'shop-owner', role: 'org_admin' }] },
  { key: 'vendor', input: org('あおぞらセキュリティ株式会社', 'Aozora Security K.K.', 'jsic-g', '21-100', '13', 'aozora-sec', 6), users: [{ name: 'responder', role: 'member', platformRoles: ['responder'] }] },
];

function org(nameJa: string, nameEn: string, sector: string, sizeBand: string, prefecture: string, slug: string, net?: number): OrgInput {
  return {
    nameJa, nameEn, aliases: [], sector, sizeBand, prefecture, status: 'active',
    domains: [`${slug}.example`],
    ipRanges: net === undefined ? [] : [`192.0.2.${net * 32}/27`, `2001:db8:${(net + 1).toString(16)}::/48`],
    contacts: contact(nameJa, `security@${slug}.example`),
  };
}

// Deterministic pseudo-random numbers (mulberry32), so a seed always gives the same community.
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The organisations of a community of `orgCount` (the named ones first, then generated members). Pure. */
export function demoOrganisations(orgCount: number, seed = 1): DemoOrg[] {
  const random = prng(seed);
  const pick = (list: string[]) => list[Math.floor(random() * list.length)] ?? list[0]!;
  const extra = Array.from({ length: Math.max(0, orgCount - NAMED.length) }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    return {
      key: `member-${n}`,
      input: {
        ...org(`会員組織 ${n}`, `Member Organisation ${n}`, pick(codesOf(SECTORS)), pick(codesOf(SIZE_BANDS)), pick(codesOf(PREFECTURES)), `member-${n}`),
        status: random() < 0.05 ? 'pending' : 'active',
      },
      users: [],
    } satisfies DemoOrg;
  });
  return [...NAMED.slice(0, Math.max(orgCount, 2)), ...extra];
}

export interface DemoOptions {
  orgCount?: number;
  seed?: number;
  // Benchmarks generate large communities whose people never sign in: skip the password hashing.
  withPasswords?: boolean;
}

/** Fills an empty database with a demo community. Returns null (and changes nothing) when anyone exists. */
export async function seedDemo(db: Database, deps: { config: Config }, options: DemoOptions = {}): Promise<DemoCommunity | null> {
  if ((await countUsers(db)) > 0) return null;
  const ctx = systemContext('ja');
  const credentials: DemoCredential[] = [];
  const taxiiTokens: DemoToken[] = [];
  const orgIds: Record<string, string> = {};
  const people = new Map<string, { userId: string; orgId: string }>();
  const addUser = async (name: string, platformRoles: PlatformRole[], membership: { orgId: string; role: OrgRole } | null, locale: 'ja' | 'en' = 'ja') => {
    const password = randomToken(12);
    const email = `${name}@demo.anshin.example`;
    const id = randomUUID();
    const now = new Date().toISOString();
    const hash = options.withPasswords === false ? null : await hashPassword(deps.config.argon2, password);
    await db.transaction().execute(async (trx) => {
      await insertUser(trx, { id, email, display_name: name, locale, password_hash: hash, status: 'active', totp_secret: null, totp_pending_secret: null, created_at: now, updated_at: now });
      await replaceRoles(trx, id, platformRoles);
      if (membership) await upsertMembership(trx, { user_id: id, org_id: membership.orgId, role: membership.role, created_at: now });
    });
    if (membership) people.set(name, { userId: id, orgId: membership.orgId });
    const role = [...platformRoles, membership?.role].filter(Boolean).join('+') || 'user';
    if (hash) credentials.push({ role, email, password });
    if (TAXII_USERS.includes(name)) {
      const { token } = await issueToken(db, ctx, id, { name: 'taxii (demo)', scopes: ['read', 'write'], expiresInDays: 90 });
      taxiiTokens.push({ role, email, token });
    }
  };

  await addUser('admin', ['administrator'], null);
  await addUser('auditor', ['auditor'], null);
  for (const demo of demoOrganisations(options.orgCount ?? NAMED.length, options.seed)) {
    const created = await createOrgAsOperator(db, ctx, demo.input);
    orgIds[demo.key] = created.id;
    for (const user of demo.users) await addUser(user.name, user.platformRoles ?? [], { orgId: created.id, role: user.role }, user.locale);
  }
  const { stored: stixObjects, communityIndicatorIds } = await seedDemoStix(db, deps.config, orgIds.hospital);
  // A few members have seen some of the community's indicators: sightings in their feeds and in the ledger.
  const sighters = ['city-staff', 'factory-staff'].flatMap((name) => {
    const user = people.get(name);
    return user ? [user] : [];
  });
  await seedDemoSightings(db, deps.config, sighters, communityIndicatorIds);
  // Mutual aid: the vendor's responder is a vetted responder.
  await seedDemoAid(db, people.get('responder'));
  await seedDemoDirectory(db, ctx);
  // Before the incident: devices and software, matched against the bundled feed sample.
  await seedDemoVulns(db, deps.config, orgIds);
  return { credentials, taxiiTokens, orgIds, stixObjects };
}
