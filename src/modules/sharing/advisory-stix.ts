// An advisory as STIX 2.1 objects: a report (Japanese, with an English language-content), indicators
// with patterns and their observables, malware, vulnerabilities, attack patterns and a course of
// action, all created by the coordinator desk and marked with one TLP 2.0 marking. Pure: ids and the
// clock are arguments.
import { rsitTag, type IncidentCategory } from '../../vocabulary/incident-categories.js';
import { deterministicScoId } from '../stix/sco-id.js';
import { TLP_MARKINGS, type TlpLevel } from '../stix/tlp.js';
import type { VictimProfile } from './k-anonymity.js';

import type { IndicatorKind } from './advisory-limits.js';

export type { IndicatorKind };

export interface Bilingual {
  readonly ja: string;
  readonly en: string;
}

export interface AdvisoryContent {
  readonly title: Bilingual;
  readonly summary: Bilingual;
  readonly tlp: Exclude<TlpLevel, 'red'>;
  readonly indicators: ReadonlyArray<{ readonly kind: IndicatorKind; readonly value: string }>;
  readonly malware: readonly string[];
  readonly vulnerabilities: readonly string[]; // CVE ids
  readonly attackPatterns: ReadonlyArray<{ readonly name: string; readonly mitreId?: string }>;
  readonly courseOfAction?: Bilingual;
  /** The kind of incident, carried as its RSIT machine tag in the report's labels. */
  readonly category?: IncidentCategory;
  /** The generalised victim profile and the k it achieved; never the victim's identity. */
  readonly victim: { readonly profile: VictimProfile; readonly k: number; readonly name?: Bilingual };
}

export interface ComposeContext {
  readonly deskIdentityId: string;
  readonly now: string;
  readonly newId: (type: string) => string;
}

type StixObject = Record<string, unknown> & { type: string; id: string };

const TLP2_ID: Readonly<Record<Exclude<TlpLevel, 'red'>, string>> = Object.fromEntries(
  Object.entries(TLP_MARKINGS).filter(([, m]) => m.tlpVersion === '2.0' && m.level !== 'red').map(([id, m]) => [m.level, id]),
) as Record<Exclude<TlpLevel, 'red'>, string>;

const HASH_NAME: Partial<Record<IndicatorKind, string>> = { md5: 'MD5', sha1: 'SHA-1', sha256: 'SHA-256', sha512: 'SHA-512' };
const SCO_TYPE: Readonly<Record<IndicatorKind, string>> = {
  ipv4: 'ipv4-addr', ipv6: 'ipv6-addr', domain: 'domain-name', url: 'url', email: 'email-addr',
  md5: 'file', sha1: 'file', sha256: 'file', sha512: 'file',
};

// STIX patterning string literals escape the quote and the backslash (§9.2).
const literal = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

export function indicatorPattern(kind: IndicatorKind, value: string): string {
  const hash = HASH_NAME[kind];
  if (hash) return `[file:hashes.'${hash}' = ${literal(value)}]`;
  return `[${SCO_TYPE[kind]}:value = ${literal(value)}]`;
}

function observableOf(kind: IndicatorKind, value: string): StixObject {
  const hash = HASH_NAME[kind];
  const body: Record<string, unknown> = { type: SCO_TYPE[kind], spec_version: '2.1', ...(hash ? { hashes: { [hash]: value } } : { value }) };
  return { ...body, id: deterministicScoId(body) as string, type: SCO_TYPE[kind] };
}

/** The STIX objects of an advisory, the report first. */
export function composeAdvisory(content: AdvisoryContent, ctx: ComposeContext): StixObject[] {
  const common = { spec_version: '2.1', created: ctx.now, modified: ctx.now, created_by_ref: ctx.deskIdentityId, object_marking_refs: [TLP2_ID[content.tlp]] };
  const sdo = (type: string, props: Record<string, unknown>): StixObject => ({ type, id: ctx.newId(type), ...common, ...props });
  const relate = (source: string, kind: string, target: string) =>
    sdo('relationship', { relationship_type: kind, source_ref: source, target_ref: target });

  const malware = content.malware.map((name) => sdo('malware', { name, is_family: true }));
  const vulnerabilities = content.vulnerabilities.map((cve) =>
    sdo('vulnerability', { name: cve, external_references: [{ source_name: 'cve', external_id: cve }] }));
  const attackPatterns = content.attackPatterns.map((p) => sdo('attack-pattern', {
    name: p.name, ...(p.mitreId ? { external_references: [{ source_name: 'mitre-attack', external_id: p.mitreId }] } : {}),
  }));
  const objects: StixObject[] = [...malware, ...vulnerabilities, ...attackPatterns];
  const observables = new Map<string, StixObject>();
  for (const { kind, value } of content.indicators) {
    const indicator = sdo('indicator', {
      name: `${SCO_TYPE[kind]} ${value}`, indicator_types: ['malicious-activity'], pattern: indicatorPattern(kind, value),
      pattern_type: 'stix', valid_from: ctx.now,
    });
    const observable = observableOf(kind, value);
    observables.set(observable.id, { ...observable, object_marking_refs: common.object_marking_refs });
    objects.push(indicator, relate(indicator.id, 'based-on', observable.id), ...malware.map((m) => relate(indicator.id, 'indicates', m.id)));
  }
  const translations: StixObject[] = [];
  const translate = (object: StixObject, en: Record<string, string>) => translations.push(sdo('language-content', {
    object_ref: object.id, object_modified: ctx.now, contents: { en },
  }));
  if (content.courseOfAction) {
    const name = { ja: '推奨される対応', en: 'Recommended actions' };
    const action = sdo('course-of-action', { name: name.ja, description: content.courseOfAction.ja, lang: 'ja' });
    translate(action, { name: name.en, description: content.courseOfAction.en });
    objects.push(action, ...malware.map((m) => relate(action.id, 'mitigates', m.id)));
  }
  objects.push(...observables.values());
  const report = sdo('report', {
    name: content.title.ja, description: content.summary.ja, lang: 'ja', published: ctx.now, report_types: ['threat-report'],
    ...(content.category ? { labels: [rsitTag(content.category)] } : {}),
    // STIX wants at least one reference: a warning in words alone refers to the desk that gives it.
    object_refs: objects.length > 0 ? objects.map((o) => o.id) : [ctx.deskIdentityId],
    x_anshin_victim: {
      sector: content.victim.profile.sector, size_band: content.victim.profile.sizeBand, prefecture: content.victim.profile.prefecture, k: content.victim.k,
      ...(content.victim.name ? { name_ja: content.victim.name.ja, name_en: content.victim.name.en } : {}),
    },
  });
  translate(report, { name: content.title.en, description: content.summary.en });
  return [report, ...translations, ...objects];
}
