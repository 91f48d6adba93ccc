import { describe, expect, it } from 'vitest';
import { credentialLike } from './credentials.js';
import { analyse } from './index.js';
import { isMemberTenant } from './profile.js';
import { containment, propagate } from './propagate.js';
import { PROBES, type Probe } from './testdata/probes.js';

// Every expected string is covered by one proposal; indicators stay whole and untouched; `clean` strings are never
// touched. Labels are checked too, except where the same characters may carry a neighbouring label (an account that is
// an e-mail address, a service account's CN read as a name).
const INTERCHANGEABLE: Record<string, string[]> = { EMAIL: ['ACCOUNT'], ACCOUNT: ['PERSON', 'EMAIL'], PERSON: ['ACCOUNT'] };

async function check(p: Probe): Promise<void> {
  const { proposals, indicators } = await analyse(p.text, p.org);
  for (const [label, value] of p.redact) {
    for (let i = p.text.indexOf(value); i >= 0; i = p.text.indexOf(value, i + 1)) {
      const q = proposals.find((r) => r.start <= i && r.end >= i + value.length);
      expect(q, `${label} ${value} at ${i}`).toBeDefined();
      expect([label, ...(INTERCHANGEABLE[label] ?? [])], `${value} labelled ${q?.label}`).toContain(q?.label);
    }
  }
  for (const k of p.keep ?? []) {
    const i = p.text.indexOf(k);
    expect(indicators.some((x) => x.start <= i && x.end >= i + k.length), `indicator ${k}`).toBe(true);
    expect(proposals.some((r) => r.start < i + k.length && i < r.end), `${k} redacted`).toBe(false);
  }
  for (const c of p.clean ?? []) {
    for (let i = p.text.indexOf(c); i >= 0; i = p.text.indexOf(c, i + 1)) {
      const hit = proposals.find((r) => r.start < i + c.length && i < r.end);
      expect(hit, `${c} touched by ${hit ? `${hit.label} ${p.text.slice(hit.start, hit.end)}` : ''}`).toBeUndefined();
    }
  }
}

describe('probe texts for secrets, hosts, accounts, addresses and the member\'s names', () => {
  for (const p of PROBES) it(p.name, () => check(p), 30000);
});

describe('the general rules behind the probes keep what they must', () => {
  it('containment answers whether a span lies inside any of the spans', () => {
    const inside = containment([{ start: 10, end: 20 }, { start: 0, end: 4 }, { start: 12, end: 30 }]);
    expect([inside(0, 4), inside(11, 19), inside(13, 30), inside(3, 6), inside(31, 32)]).toEqual([true, true, true, false, false]);
  });
  it('a value is spread to its other mentions, never an ordinary English word', () => {
    const text = 'sshd: Accepted password for deploy from 10.0.0.5\nThe deploy script ran as svc_etl; later svc_etl logged on again.';
    const found = [
      { kind: 'sensitive' as const, label: 'ACCOUNT' as const, start: text.indexOf('deploy'), end: text.indexOf('deploy') + 6, reason: 'structured_field' },
      { kind: 'sensitive' as const, label: 'ACCOUNT' as const, start: text.indexOf('svc_etl'), end: text.indexOf('svc_etl') + 7, reason: 'account_after_keyword' },
    ];
    expect(propagate(text, found).map((c) => text.slice(c.start, c.end))).toEqual(['svc_etl']);
  });
  it('credential-shaped values exclude dates, times, amounts, addresses and domains', () => {
    expect(['2025-04-01', '10:00', '1,200', '192.168.1.10', 'login.microsoftonline.com', 'user@example.com', 'Microsoft'].map(credentialLike)).toEqual([false, false, false, false, false, false, false]);
    expect(['Tk#2024spring', '0825', 'Haru2025!'].map(credentialLike)).toEqual([true, true, true]);
  });
  it('a BitLocker key that fails its check is not proposed; a stealer\'s Discord webhook stays an indicator', async () => {
    const text = 'Recovery string 418616-032427-602954-101805-512358-039116-284306-673421 was typed. The stealer posts to https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789AbCdEfGhIjKlMnOpQrStUv.';
    const { proposals, indicators } = await analyse(text, {});
    expect(proposals.map((p) => p.label)).not.toContain('SECRET');
    expect(indicators.map((i) => i.label)).toContain('IOC_URL');
  }, 30000);
  it('a lookalike cloud tenant of the member is the attacker\'s, its exact tenant the member\'s', () => {
    const org = { name: 'Harbor Lane Freight Ltd', domains: ['harborlane-freight.com'] };
    expect(isMemberTenant('harborlane-freight.sharepoint.com', org)).toBe(true);
    expect(isMemberTenant('harborlane-freight-secure.onmicrosoft.com', org)).toBe(false);
  });
});
