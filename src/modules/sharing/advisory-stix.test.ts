import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { equalityObservables, parsePattern } from '../stix/pattern/pattern.js';
import { validateStixObject } from '../stix/validate.js';
import { composeAdvisory, indicatorPattern, type AdvisoryContent } from './advisory-stix.js';

const DESK = `identity--${randomUUID()}`;
const NOW = '2026-12-02T01:02:03.456Z';
const ctx = { deskIdentityId: DESK, now: NOW, newId: (type: string) => `${type}--${randomUUID()}` };

const content: AdvisoryContent = {
  title: { ja: 'ランサムウェア被害の注意喚起', en: 'Ransomware alert' },
  summary: { ja: '製造業でランサムウェア被害がありました。', en: 'A manufacturer was hit by ransomware.' },
  tlp: 'green',
  indicators: [
    { kind: 'ipv4', value: '203.0.113.66' }, { kind: 'domain', value: 'c2.bad-actor.example' },
    { kind: 'url', value: "http://c2.bad-actor.example/it's\\gate.php" }, { kind: 'email', value: 'attacker@bad-actor.example' },
    { kind: 'sha256', value: 'a'.repeat(64) }, { kind: 'ipv6', value: '2001:db8::1' },
  ],
  malware: ['LockBit'],
  vulnerabilities: ['CVE-2023-4966'],
  attackPatterns: [{ name: 'Data Encrypted for Impact', mitreId: 'T1486' }],
  courseOfAction: { ja: 'VPN 機器を更新してください。', en: 'Update VPN appliances.' },
  category: 'ransomware',
  victim: { profile: { sector: 'group-industry', sizeBand: 'size-sme', prefecture: 'region-kanto' }, k: 6 },
};

describe('composeAdvisory', () => {
  const objects = composeAdvisory(content, ctx);
  const ofType = (type: string) => objects.filter((o) => o.type === type);

  it('produces only valid STIX 2.1 objects', () => {
    for (const object of objects) expect(validateStixObject(object), JSON.stringify(object)).toEqual([]);
  });

  it('puts a report first that refers to every other object except its translations', () => {
    const [report] = objects;
    expect(report).toMatchObject({ type: 'report', lang: 'ja', name: content.title.ja, x_anshin_victim: { sector: 'group-industry', k: 6 } });
    expect(report?.labels, 'the kind of incident as its RSIT machine tag').toEqual(['rsit:malicious-code="infected-system"']);
    const refs = new Set(report?.object_refs as string[]);
    for (const o of objects.slice(1)) expect(refs.has(o.id)).toBe(o.type !== 'language-content');
  });

  it('translates the report and the course of action into English', () => {
    const english = ofType('language-content').map((o) => [o.object_ref, (o.contents as { en: { name: string } }).en.name]);
    expect(english).toContainEqual([objects[0]?.id, 'Ransomware alert']);
    expect(english).toContainEqual([ofType('course-of-action')[0]?.id, 'Recommended actions']);
  });

  it('marks every object with the TLP 2.0 marking and attributes SDOs to the desk', () => {
    for (const o of objects) expect(o.object_marking_refs).toEqual(['marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb']);
    for (const o of objects.filter((x) => 'created' in x)) expect(o.created_by_ref).toBe(DESK);
  });

  it('gives every indicator a parseable pattern and a deterministic observable it is based on', () => {
    const indicators = ofType('indicator');
    expect(indicators).toHaveLength(6);
    const values = indicators.map((i) => equalityObservables(parsePattern(i.pattern as string))[0]?.value);
    expect(values).toEqual(content.indicators.map((i) => i.value));
    const basedOn = ofType('relationship').filter((r) => r.relationship_type === 'based-on');
    expect(basedOn).toHaveLength(6);
    const again = composeAdvisory(content, ctx).filter((o) => o.type === 'ipv4-addr');
    expect(again[0]?.id).toBe(ofType('ipv4-addr')[0]?.id);
  });

  it('links indicators to the malware they indicate', () => {
    const malware = ofType('malware')[0];
    expect(ofType('relationship').filter((r) => r.relationship_type === 'indicates' && r.target_ref === malware?.id)).toHaveLength(6);
  });
});

describe('indicatorPattern', () => {
  it('escapes quotes and backslashes', () => {
    expect(indicatorPattern('url', "http://x.example/a'b\\c")).toBe("[url:value = 'http://x.example/a\\'b\\\\c']");
    expect(indicatorPattern('sha1', 'ab')).toBe("[file:hashes.'SHA-1' = 'ab']");
  });
});
