// A finding in plain words: severity and likelihood as words, the matched range as a sentence, the subject as a title.
// Pure functions over `t`, shared by the notices page, the coordinators' summary and the prefilled report.
import type { MessageKey, Translate } from '../../i18n/index.ts';
import { assetName, type Finding } from './vulns-api.ts';

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'none';

/** CVSS v3/v4 qualitative rating: the source's own when given, else from the score (9.0 / 7.0 / 4.0 / 0.1). */
export function severityOf(score: number, given?: string | null): Severity {
  const named = given?.toLowerCase();
  if (named === 'critical' || named === 'high' || named === 'medium' || named === 'low' || named === 'none') return named;
  return score >= 9 ? 'critical' : score >= 7 ? 'high' : score >= 4 ? 'medium' : score > 0 ? 'low' : 'none';
}

export const severityWord = (t: Translate, severity: Severity): string => t(`finding.severity.${severity}` as MessageKey);

/** 「深刻度: 緊急 (9.8)」 */
export const cvssText = (t: Translate, cvss: { score: number; severity?: string | null }): string =>
  t('finding.cvss', { level: severityWord(t, severityOf(cvss.score, cvss.severity)), score: cvss.score.toFixed(1) });

/** EPSS probability in words: high from 10 %, moderate from 1 % (most CVEs are far below 1 %). */
export function epssText(t: Translate, epss: { score: number }): string {
  const level = epss.score >= 0.1 ? 'high' : epss.score >= 0.01 ? 'medium' : 'low';
  const percent = `${(epss.score * 100).toFixed(epss.score >= 0.1 ? 0 : 1)}%`;
  return t('finding.epss', { level: t(`finding.epss.${level}` as MessageKey), percent });
}

/** The title of a notice: "CVE-2024-21762" or "FortiOS 7.2 のサポート終了". */
export function subjectOf(t: Translate, f: Finding): string {
  if (f.kind === 'eol' && f.eol) return t('finding.eolTitle', { product: f.asset.product || f.eol.product, cycle: f.eol.cycle });
  return f.cveId ?? '';
}

/** ">=7.2.0 <7.2.7" → "7.2.0 以上 7.2.7 未満"; "*" → "すべてのバージョン"; "" when there is no range. */
export function rangeWords(t: Translate, range: string): string {
  const text = range.trim();
  if (text === '') return '';
  if (text === '*') return t('finding.range.all');
  if (text === '-') return t('finding.range.na');
  const parts = text.split(/\s+/).map((token) => {
    const [, op = '', v = ''] = /^(>=|<=|>|<|=)?(.*)$/.exec(token) ?? [];
    if (op === '>=') return t('finding.range.from', { v });
    if (op === '>') return t('finding.range.after', { v });
    if (op === '<=') return t('finding.range.upTo', { v });
    if (op === '<') return t('finding.range.before', { v });
    return t('finding.range.exact', { v });
  });
  return parts.join(' ');
}

const SOURCES = ['nvd', 'osv', 'csaf', 'eol'];
const DETAILS = ['matched', 'asset_version_unknown', 'version_incomparable', 'asset_attribute_unspecified', 'distribution_release_unknown', 'unsupported_ecosystem'];

export const sourceName = (t: Translate, source: string): string =>
  SOURCES.includes(source) ? t(`finding.source.${source}` as MessageKey) : source;

/** Why the finding matched, as two sentences: the source's rule, and what it means for the registered version. */
export function whyWords(t: Translate, f: Finding): { rule: string; verdict: string } {
  const source = sourceName(t, f.why.source);
  if (f.kind === 'eol' && f.eol) {
    return {
      rule: t('finding.why.eol', { source, product: f.asset.product || f.eol.product, range: f.why.range || f.eol.cycle, date: f.eol.date ?? t('finding.eolUnknownDate') }),
      verdict: f.asset.version ? t('finding.why.registered', { version: f.asset.version }) : '',
    };
  }
  const words = rangeWords(t, f.why.range);
  const range = words === '' || f.why.range === '*' ? t('finding.range.all') : t('finding.range.versions', { range: words });
  const detail = f.why.detail === 'in_range' || f.why.detail === 'listed_version' ? 'matched' : f.why.detail;
  const verdict = DETAILS.includes(detail) ? t(`finding.detail.${detail}` as MessageKey) : t('finding.detail.other');
  const registered = f.asset.version ? ` ${t('finding.why.registered', { version: f.asset.version })}` : '';
  return { rule: t('finding.why.text', { source, product: f.asset.product, range }), verdict: verdict + registered };
}

/** What to do, first line: update to the fixed version, move to a supported release, or follow the maker. */
export function todoWords(t: Translate, f: Finding): string {
  if (f.kind === 'eol') return f.fixedHint ? t('finding.move', { fixed: f.fixedHint }) : t('finding.moveGeneric');
  return f.fixedHint ? t('finding.update', { fixed: f.fixedHint }) : t('finding.vendorGeneric');
}

/** The report a member sends from a notice ("ask for help with this"): the notice in plain words, line by line. */
export function reportTextOf(t: Translate, f: Finding): string {
  const lines = [
    t('vulnreport.lead'),
    t('vulnreport.asset', { asset: assetName(f.asset), category: t(`asset.cat.${f.asset.category}` as MessageKey) }),
    f.asset.internetFacing ? t('vulnreport.internet') : '',
    t('vulnreport.subject', { subject: subjectOf(t, f) }),
    f.kev ? t('vulnreport.kev') : '',
    f.cvss ? t('vulnreport.severity', { level: severityWord(t, severityOf(f.cvss.score, f.cvss.severity)), score: f.cvss.score.toFixed(1) }) : '',
    f.description ? t('vulnreport.description', { description: f.description }) : '',
    t('vulnreport.todo', { todo: todoWords(t, f) + (f.advisoryUrl ? ` ${f.advisoryUrl}` : '') }),
  ];
  return lines.filter((line) => line !== '').join('\n');
}
