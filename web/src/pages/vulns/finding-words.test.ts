// A notice in plain words, as the member reads it in Japanese and English.
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { I18NEXT_OPTIONS } from '../../i18n/i18n-options.ts';
import type { Translate } from '../../i18n/index.ts';
import { cvssText, epssText, rangeWords, reportTextOf, severityOf, subjectOf, todoWords, whyWords } from './finding-words.ts';
import type { Finding } from './vulns-api.ts';

async function translator(lng: 'ja' | 'en'): Promise<Translate> {
  const i18n = createInstance();
  await i18n.init({ ...I18NEXT_OPTIONS, lng });
  return i18n.t.bind(i18n) as Translate;
}

const KEV_FINDING: Finding = {
  id: 'f1', assetId: 'a1', asset: { category: 'vpn_utm_firewall', vendor: 'Fortinet', product: 'FortiOS', version: '7.2.6', internetFacing: true },
  kind: 'vuln', cveId: 'CVE-2024-21762', eol: null, description: 'FortiOS の境界外書き込みの脆弱性', descriptionLanguage: 'ja',
  cvss: { score: 9.8, version: '3.1', severity: 'CRITICAL', vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
  kev: { dateAdded: '2024-02-09', dueDate: '2024-02-16', ransomware: false, requiredAction: 'Apply mitigations per vendor instructions.' },
  epss: { score: 0.96417, percentile: 0.99652 }, fixedHint: '7.2.7', advisoryUrl: 'https://fortiguard.com/psirt/FG-IR-24-015',
  why: { source: 'nvd', criterion: 'cpe:2.3:o:fortinet:fortios:*:*:*:*:*:*:*:*', range: '>=7.2.0 <7.2.7', detail: 'matched' },
  priority: 100, status: 'open', note: '', statusAt: null, firstSeenAt: '2026-12-07T10:00:00.000Z', reopenedAt: null,
};

const EOL_FINDING: Finding = {
  ...KEV_FINDING, id: 'f2', kind: 'eol', cveId: null, eol: { product: 'fortios', cycle: '7.2', date: '2025-09-30', state: 'passed' }, description: null,
  descriptionLanguage: null, cvss: null, kev: null, epss: null, fixedHint: '7.6', advisoryUrl: null,
  why: { source: 'eol', criterion: 'endoflife.date/fortios', range: '7.2', detail: 'eol_passed' },
};

describe('a notice in plain words', () => {
  it('names the severity from the source, or from the score when the source does not', () => {
    expect(severityOf(9.8, 'CRITICAL')).toBe('critical');
    expect(severityOf(9.0)).toBe('critical');
    expect(severityOf(8.9)).toBe('high');
    expect(severityOf(4.0)).toBe('medium');
    expect(severityOf(0.1)).toBe('low');
    expect(severityOf(0)).toBe('none');
  });

  it('says severity and likelihood in words, in Japanese and English', async () => {
    const ja = await translator('ja');
    const en = await translator('en');
    expect(cvssText(ja, { score: 9.8, severity: 'CRITICAL' })).toBe('深刻度: 緊急（9.8）');
    expect(cvssText(en, { score: 7 })).toBe('Severity: high (7.0)');
    expect(epssText(ja, { score: 0.96417 })).toBe('攻撃に使われる見込み: 高い（今後 30 日で 96%）');
    expect(epssText(en, { score: 0.00412 })).toBe('Likelihood of attacks: low (0.4% in the next 30 days)');
  });

  it('turns a version range into words', async () => {
    const ja = await translator('ja');
    const en = await translator('en');
    expect(rangeWords(ja, '>=7.2.0 <7.2.7')).toBe('7.2.0 以上 7.2.7 未満');
    expect(rangeWords(en, '>7.0 <=7.4.2')).toBe('after 7.0 up to 7.4.2');
    expect(rangeWords(ja, '*')).toBe('すべてのバージョン');
    expect(rangeWords(en, '=8.0.6001')).toBe('8.0.6001');
    expect(rangeWords(ja, '')).toBe('');
  });

  it('explains why it matched, what to do, and names the subject', async () => {
    const ja = await translator('ja');
    expect(whyWords(ja, KEV_FINDING).rule).toBe('NVD（米国の脆弱性データベース）によると、FortiOS のバージョン 7.2.0 以上 7.2.7 未満が対象です。');
    expect(whyWords(ja, KEV_FINDING).verdict).toContain('登録されたバージョン: 7.2.6');
    expect(todoWords(ja, KEV_FINDING)).toBe('7.2.7 以降のバージョンに更新してください。');
    expect(subjectOf(ja, EOL_FINDING)).toBe('FortiOS 7.2 のサポート終了');
    expect(todoWords(ja, EOL_FINDING)).toBe('サポート中の版（7.6）に移行してください。');
    expect(whyWords(ja, EOL_FINDING).rule).toContain('2025-09-30');
  });

  it('writes the report text a member sends when asking for help', async () => {
    const text = reportTextOf(await translator('ja'), KEV_FINDING);
    expect(text.split('\n')).toEqual([
      '脆弱性・サポート終了のお知らせについて、対応を手伝ってほしいです。',
      '対象: Fortinet FortiOS 7.2.6（VPN 装置・UTM・ファイアウォール）',
      'この機器はインターネットに公開しています。',
      'お知らせ: CVE-2024-21762',
      '実際の攻撃に使われている脆弱性です（CISA KEV）。',
      '深刻度: 緊急（CVSS 9.8）',
      '内容: FortiOS の境界外書き込みの脆弱性',
      '案内されている対応: 7.2.7 以降のバージョンに更新してください。 https://fortiguard.com/psirt/FG-IR-24-015',
    ]);
  });
});
