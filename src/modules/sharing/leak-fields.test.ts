import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { composeAdvisory, type AdvisoryContent } from './advisory-stix.js';
import { findLeaks, stringsOf } from './leak-check.js';
import { leakField, leakFields } from './leak-fields.js';

const SECRET = 'みどり精工';
const content = (over: Partial<AdvisoryContent>): AdvisoryContent => ({
  title: { ja: '注意喚起', en: 'Alert' },
  summary: { ja: '製造業で被害がありました。', en: 'A manufacturer was hit.' },
  tlp: 'green',
  indicators: [{ kind: 'ipv4', value: '203.0.113.66' }],
  malware: ['LockBit'],
  vulnerabilities: [],
  attackPatterns: [],
  courseOfAction: { ja: '更新してください。', en: 'Update.' },
  victim: { profile: { sector: 'group-industry', sizeBand: 'size-sme', prefecture: 'region-kanto' }, k: 6 },
  ...over,
});
const ctx = { deskIdentityId: `identity--${randomUUID()}`, now: '2026-12-02T01:02:03.456Z', newId: (type: string) => `${type}--${randomUUID()}` };

// Composes the advisory, finds where SECRET leaks as publication does, and names the fields.
function fieldsOf(over: Partial<AdvisoryContent>) {
  const objects = composeAdvisory(content(over), ctx);
  return leakFields(objects, findLeaks(stringsOf(objects), [{ text: SECRET, reason: 'VICTIM_ORG' }]).map((l) => l.where));
}

describe('leakFields', () => {
  it('names the form field the leaking text was typed into, in Japanese and in English', () => {
    expect(fieldsOf({ summary: { ja: `${SECRET}で被害`, en: 'Hit.' } })).toEqual(['summaryJa']);
    expect(fieldsOf({ summary: { ja: '被害', en: `Hit at ${SECRET}.` } })).toEqual(['summaryEn']);
    expect(fieldsOf({ title: { ja: `${SECRET}の被害`, en: `${SECRET} hit` } })).toEqual(['titleJa', 'titleEn']);
    expect(fieldsOf({ courseOfAction: { ja: `${SECRET}に連絡`, en: `Call ${SECRET}` } })).toEqual(['actionJa', 'actionEn']);
  });

  it('names the lists: malware, vulnerabilities, attack patterns and indicators', () => {
    expect(fieldsOf({ malware: [`${SECRET}-locker`] })).toEqual(['malware']);
    expect(fieldsOf({ attackPatterns: [{ name: `Phishing ${SECRET}` }] })).toEqual(['attackPatterns']);
    expect(fieldsOf({ indicators: [{ kind: 'url', value: `http://evil.example/${SECRET}` }] })).toEqual(['indicators']);
  });

  it('takes the victim-address check\'s "indicators" as is, and knows no field for an unknown place', () => {
    const objects = composeAdvisory(content({}), ctx);
    expect(leakField(objects, 'indicators')).toBe('indicators');
    expect(leakField(objects, '[99].description')).toBeNull();
    expect(leakField(objects, '[0].x_anshin_victim.name_ja')).toBeNull();
    expect(leakField(objects, 'description')).toBeNull();
  });
});
