// Matches assets against the knowledge base and keeps vuln_findings in step: new matches are added (open), changed
// ones updated, vanished ones set inactive. A finding the member closed is re-opened only when what it was matched
// on changed (its fingerprint: the decisive criterion and range, the asset's identity), or when a finding accepted
// as a risk turns out to be exploited (KEV). A newly exploited (KEV) finding mails the organisation's members.
// Runs inside the caller's transaction: an asset change, or one transaction per organisation after a feed import.
import { randomUUID } from 'node:crypto';
import { type RequestContext, systemContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import type { Mailer } from '../mail/mail.service.js';
import { queueMail } from '../mail/mail.service.js';
import { recordAudit } from '../audit/audit.service.js';
import { type Candidate, evaluateAsset, productKeyOf } from './asset-evaluation.js';
import { assetsToMatch, orgsWithAssets } from './assets.repository.js';
import * as findings from './findings.repository.js';
import * as knowledge from './knowledge.repository.js';
import { eolPriority, vulnPriority } from './priority.js';
import { type KevMailItem, renderKevMail } from './vulns-mail.js';
import type { AssetRow, FindingRow, VulnFindingsTable } from './vulns.table.js';

export interface MatchRun {
  assets: number;
  added: number;
  updated: number;
  reopened: number;
  closed: number;
  newKev: number;
}

interface Facts {
  kev: Map<string, { dueDate: string | null }>;
  epss: Map<string, number>;
  cvss: Map<string, number | null>;
}

async function factsFor(db: Database, cveIds: readonly string[]): Promise<Facts> {
  const ids = [...new Set(cveIds)];
  const [cves, kev, epss, csaf] = await Promise.all([
    knowledge.cvesByIds(db, ids), knowledge.kevByIds(db, ids), knowledge.epssOf(db, ids), knowledge.csafScores(db, ids),
  ]);
  const nvd = new Map(cves.map((c) => [c.cve_id, c.cvss3_score ?? c.cvss4_score]));
  return {
    kev: new Map(kev.map((k) => [k.cve_id, { dueDate: k.due_date }])),
    epss: new Map([...epss.values()].map((e) => [e.cve_id, e.score])),
    // NVD's score where it has one, else the highest a CSAF advisory gives.
    cvss: new Map(ids.map((id) => [id, nvd.get(id) ?? csaf.get(id) ?? null])),
  };
}

function storedFields(c: Candidate, asset: AssetRow, facts: Facts, at: string) {
  const kev = c.kind === 'vuln' && facts.kev.has(c.ref);
  const epss = c.kind === 'vuln' ? facts.epss.get(c.ref) ?? null : null;
  const cvss = c.kind === 'vuln' ? facts.cvss.get(c.ref) ?? null : null;
  const internetFacing = asset.internet_facing === 1;
  const priority = c.kind === 'eol' ? eolPriority({ state: c.eolState ?? 'soon', internetFacing }) : vulnPriority({ kev, epss, cvss, internetFacing });
  return {
    outcome: c.outcome, source: c.source, criterion: c.criterion, range_text: c.range, detail: c.detail, fixed_hint: c.fixedHint, eol_date: c.eolDate,
    kev: kev ? 1 : 0, epss, cvss, priority, fingerprint: c.fingerprint, active: 1, last_seen_at: at,
  } satisfies Partial<VulnFindingsTable>;
}

const isKevHit = (f: { active: number; outcome: string; kev: number }) => f.active === 1 && f.outcome === 'affected' && f.kev === 1;

interface Sync {
  run: MatchRun;
  kevMail: Map<string, KevMailItem[]>; // per organisation
  ctx: RequestContext;
}

async function syncAsset(trx: Database, asset: AssetRow, candidates: Candidate[], existing: FindingRow[], facts: Facts, at: string, sync: Sync) {
  const known = new Map(existing.map((f) => [`${f.kind} ${f.ref}`, f]));
  for (const c of candidates) {
    const fields = storedFields(c, asset, facts, at);
    const before = known.get(`${c.kind} ${c.ref}`);
    known.delete(`${c.kind} ${c.ref}`);
    if (!before) {
      await findings.insertFinding(trx, {
        id: randomUUID(), org_id: asset.org_id, asset_id: asset.id, kind: c.kind, ref: c.ref, ...fields, status: 'open', status_note: '',
        status_by: null, status_at: null, first_seen_at: at, reopened_at: null,
      });
      sync.run.added++;
    } else {
      const newlyExploited = before.status === 'accepted_risk' && before.kev === 0 && fields.kev === 1;
      const reopen = before.status !== 'open' && c.outcome === 'affected' && (before.fingerprint !== c.fingerprint || newlyExploited);
      await findings.updateFinding(trx, before.id, reopen ? { ...fields, status: 'open', status_note: '', status_at: at, status_by: null, reopened_at: at } : fields);
      if (reopen) {
        sync.run.reopened++;
        await recordAudit(trx, sync.ctx, {
          action: 'finding.reopen', orgId: asset.org_id, targetType: 'finding', targetId: before.id,
          details: { ref: c.ref, previousStatus: before.status, previousNote: before.status_note, reason: newlyExploited ? 'now_exploited' : 'match_changed' },
        });
      } else sync.run.updated++;
    }
    if (fields.outcome === 'affected' && fields.kev === 1 && !(before && isKevHit(before))) {
      sync.run.newKev++;
      const items = sync.kevMail.get(asset.org_id) ?? [];
      items.push({ cveId: c.ref, asset: [asset.vendor, asset.product, asset.version].filter(Boolean).join(' '), fixedHint: c.fixedHint, dueDate: facts.kev.get(c.ref)?.dueDate ?? null });
      sync.kevMail.set(asset.org_id, items);
    }
  }
  const gone = [...known.values()].filter((f) => f.active === 1).map((f) => f.id);
  await findings.deactivateFindings(trx, gone, at);
  sync.run.closed += gone.length;
}

async function mailKev(trx: Database, config: Config, kevMail: Map<string, KevMailItem[]>): Promise<void> {
  for (const [orgId, items] of kevMail) {
    for (const member of await findings.memberRecipients(trx, orgId)) {
      const locale = member.locale === 'en' ? 'en' : 'ja';
      await queueMail(trx, { to: member.email, ...renderKevMail(locale, items, `${config.baseUrl}/orgs/${encodeURIComponent(orgId)}/findings`) });
    }
  }
}

/** Matches the assets in scope (one asset, one organisation, or every asset) inside the caller's transaction. */
export async function matchAssetsWithin(
  trx: Database, config: Config, scope: { orgId?: string; assetId?: string; assetIds?: readonly string[] }, now: Date, ctx: RequestContext = systemContext(),
): Promise<MatchRun> {
  const at = now.toISOString();
  const assets = await assetsToMatch(trx, scope);
  const eolProducts = new Set(await knowledge.eolProducts(trx));
  const evaluated: Array<{ asset: AssetRow; candidates: Candidate[] }> = [];
  for (const asset of assets) evaluated.push({ asset, candidates: await evaluateAsset(trx, asset, eolProducts, now) });
  const facts = await factsFor(trx, evaluated.flatMap((e) => e.candidates.filter((c) => c.kind === 'vuln').map((c) => c.ref)));
  const existing = await findings.findingsOfAssets(trx, assets.map((a) => a.id));
  const sync: Sync = { run: { assets: assets.length, added: 0, updated: 0, reopened: 0, closed: 0, newKev: 0 }, kevMail: new Map(), ctx };
  for (const { asset, candidates } of evaluated) {
    await syncAsset(trx, asset, candidates, existing.filter((f) => f.asset_id === asset.id), facts, at, sync);
  }
  await mailKev(trx, config, sync.kevMail);
  const { run } = sync;
  if (run.added + run.reopened + run.closed > 0 && scope.orgId) {
    await recordAudit(trx, ctx, { action: 'finding.match', orgId: scope.orgId, targetType: scope.assetId ? 'asset' : 'organisation', targetId: scope.assetId ?? scope.orgId, details: { ...run } });
  }
  return run;
}

/**
 * After NVD or KEV files whose import began at `since`: only the assets the changed CVEs can concern are matched again —
 * those whose vendor and product a changed CVE's criteria name (a criterion with a wildcard vendor or product concerns
 * every asset it covers), and those with a finding about a changed CVE (its criteria may no longer name them; a KEV
 * entry re-ranks them). Other feeds (EPSS, end of life, OSV, CSAF) can concern any asset: matchAllAsOperator.
 */
export async function matchChangedAsOperator(db: Database, deps: { config: Config; mailer: Mailer }, since: string, now = new Date()): Promise<MatchRun & { organisations: number }> {
  const total = { organisations: 0, assets: 0, added: 0, updated: 0, reopened: 0, closed: 0, newKev: 0 };
  const changed = await knowledge.cvesChangedSince(db, since);
  if (changed.length === 0) return total;
  const products = await knowledge.productsOfCves(db, changed);
  const named = new Set(products.map((p) => `${p.vendor}\u0000${p.product}`));
  const anyProductOf = new Set(products.filter((p) => p.product === '*').map((p) => p.vendor));
  const everything = products.some((p) => p.vendor === '*');
  const wanted = new Set(await knowledge.assetsWithFindingsOn(db, changed));
  for (const asset of await assetsToMatch(db, {})) {
    const key = productKeyOf(asset);
    if (everything || (key && (named.has(`${key.vendor}\u0000${key.product}`) || anyProductOf.has(key.vendor)))) wanted.add(asset.id);
  }
  const byOrg = new Map<string, string[]>();
  for (const asset of await assetsToMatch(db, { assetIds: [...wanted] })) {
    const ids = byOrg.get(asset.org_id) ?? [];
    ids.push(asset.id);
    byOrg.set(asset.org_id, ids);
  }
  for (const [orgId, assetIds] of byOrg) {
    const run = await db.transaction().execute((trx) => matchAssetsWithin(trx, deps.config, { orgId, assetIds }, now));
    total.organisations++;
    for (const k of ['assets', 'added', 'updated', 'reopened', 'closed', 'newKev'] as const) total[k] += run[k];
  }
  await deps.mailer.flush(db);
  return total;
}

/** After a feed import: every organisation's assets, one transaction per organisation, then the mail goes out. */
export async function matchAllAsOperator(db: Database, deps: { config: Config; mailer: Mailer }, now = new Date()): Promise<MatchRun & { organisations: number }> {
  const total = { organisations: 0, assets: 0, added: 0, updated: 0, reopened: 0, closed: 0, newKev: 0 };
  for (const orgId of await orgsWithAssets(db)) {
    const run = await db.transaction().execute((trx) => matchAssetsWithin(trx, deps.config, { orgId }, now));
    total.organisations++;
    for (const key of ['assets', 'added', 'updated', 'reopened', 'closed', 'newKev'] as const) total[key] += run[key];
  }
  await deps.mailer.flush(db);
  return total;
}
