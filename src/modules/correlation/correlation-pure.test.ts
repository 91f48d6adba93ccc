import { describe, expect, it } from 'vitest';
import { isBenign } from './benign.js';
import { findCluster, type ClusterInput } from './clusters.js';
import { anonymisedCount, indicatorConfidence, sourceReliability } from './confidence.js';
import { observablesOf } from './extract.js';

describe('observables of STIX objects', () => {
  it('takes SCO values and hashes, normalised', () => {
    expect(observablesOf({ type: 'ipv4-addr', value: '198.51.100.7' })).toEqual([{ type: 'ipv4', value: '198.51.100.7' }]);
    expect(observablesOf({ type: 'domain-name', value: 'Evil.Example.' })).toEqual([{ type: 'domain', value: 'evil.example' }]);
    expect(observablesOf({ type: 'file', hashes: { MD5: 'D41D8CD98F00B204E9800998ECF8427E', 'SHA-256': 'A'.repeat(64) } })).toEqual([
      { type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e' }, { type: 'sha256', value: 'a'.repeat(64) },
    ]);
    expect(observablesOf({ type: 'malware', name: 'evil.example' })).toEqual([]);
  });

  it('takes the equality comparisons of indicator patterns, not negations or other operators', () => {
    const pattern = "[ipv4-addr:value = '198.51.100.7' OR domain-name:value = 'EVIL.example'] AND [file:hashes.'SHA-256' = '"
      + 'b'.repeat(64) + "'] AND [url:value != 'http://not.example/'] AND [email-message:from_ref.value = 'Boss@Evil.Example']"
      + " AND [ipv4-addr:value ISSUBSET '10.0.0.0/8']";
    expect(observablesOf({ type: 'indicator', pattern_type: 'stix', pattern })).toEqual([
      { type: 'ipv4', value: '198.51.100.7' }, { type: 'domain', value: 'evil.example' }, { type: 'sha256', value: 'b'.repeat(64) },
      { type: 'email', value: 'Boss@evil.example' },
    ]);
  });

  it('ignores broken patterns and other pattern languages', () => {
    expect(observablesOf({ type: 'indicator', pattern_type: 'stix', pattern: "[ipv4-addr:value = '1.2.3.4'" })).toEqual([]);
    expect(observablesOf({ type: 'indicator', pattern_type: 'sigma', pattern: "[ipv4-addr:value = '1.2.3.4']" })).toEqual([]);
  });
});

describe('the benign list', () => {
  it('holds public resolvers, platform apex domains and their well-known hosts, not other subdomains', () => {
    expect(isBenign({ type: 'ipv4', value: '8.8.8.8' })).toBe(true);
    expect(isBenign({ type: 'ipv6', value: '2606:4700:4700::1111' })).toBe(true);
    expect(isBenign({ type: 'domain', value: 'amazonaws.com' })).toBe(true);
    expect(isBenign({ type: 'domain', value: 'evil-bucket.s3.amazonaws.com' })).toBe(false);
    // A benign apex's host with a well-known label is benign; any other subdomain, or a look-alike apex, is not.
    expect(isBenign({ type: 'domain', value: 'www.google.com' })).toBe(true);
    expect(isBenign({ type: 'domain', value: 'login.microsoftonline.com' })).toBe(true);
    expect(isBenign({ type: 'domain', value: 'evil-bucket.amazonaws.com' })).toBe(false);
    expect(isBenign({ type: 'domain', value: 'www.google.com.evil.example' })).toBe(false);
    expect(isBenign({ type: 'domain', value: 'login.www.google.com' })).toBe(false);
    expect(isBenign({ type: 'ipv4', value: '198.51.100.7' })).toBe(false);
  });
});

describe('confidence', () => {
  const base = { reliability: 50, sightings: 0, lastActive: '2026-01-01T00:00:00Z', now: '2026-01-01T00:00:00Z', halfLifeDays: 90 };
  it('starts at the reliability and rises with each sighting organisation', () => {
    expect(indicatorConfidence(base).value).toBe(50);
    expect(indicatorConfidence({ ...base, sightings: 1 }).value).toBe(60);
    expect(indicatorConfidence({ ...base, sightings: 3 }).value).toBe(74);
    expect(indicatorConfidence({ ...base, sightings: 1000 }).value).toBe(100);
  });
  it('halves every half-life', () => {
    expect(indicatorConfidence({ ...base, now: '2026-04-01T00:00:00Z' }).value).toBe(25);
    expect(indicatorConfidence({ ...base, now: '2026-04-01T00:00:00Z' }).ageDays).toBe(90);
    expect(indicatorConfidence({ ...base, now: '2026-04-01T00:00:00Z', halfLifeDays: 30 }).value).toBe(6);
  });
  it('stays at 0 for a source trusted not at all, and within 0–100 for nonsense input', () => {
    expect(indicatorConfidence({ ...base, reliability: 0, sightings: 10 }).value).toBe(0);
    expect(indicatorConfidence({ ...base, reliability: 500 }).value).toBe(100);
    expect(indicatorConfidence({ ...base, lastActive: 'not a date' }).value).toBe(50);
  });
  it('takes reliability from configuration, then the object, then the default', () => {
    const config = { byIdentity: new Map([['identity--a', 90]]), fallback: 40 };
    expect(sourceReliability({ created_by_ref: 'identity--a', confidence: 10 }, config)).toBe(90);
    expect(sourceReliability({ created_by_ref: 'identity--b', confidence: 10 }, config)).toBe(10);
    expect(sourceReliability({ confidence: 101 }, config)).toBe(40);
  });
  it('shows counts below k only as "fewer than k"', () => {
    expect(anonymisedCount(4, 5)).toEqual({ count: null, fewerThan: 5 });
    expect(anonymisedCount(5, 5)).toEqual({ count: 5, fewerThan: null });
    expect(anonymisedCount(0, 5)).toEqual({ count: null, fewerThan: 5 });
  });
});

describe('campaign candidates', () => {
  const row = (valueId: number, id: string, type = 'indicator'): ClusterInput =>
    ({ value_id: valueId, source_kind: 'stix', source_id: id, source_type: type, type: 'ipv4', value: `198.51.100.${valueId}` });
  it('are the connected components over shared values, largest first', () => {
    const clusters = findCluster([row(1, 'a'), row(1, 'b'), row(2, 'b'), row(2, 'c'), row(3, 'x'), row(3, 'y'), row(4, 'z'), row(4, 'ipv4--1', 'ipv4-addr')]);
    expect(clusters.map((c) => c.members.map((m) => m.source_id))).toEqual([['a', 'b', 'c'], ['x', 'y']]);
    expect(clusters[0]?.values.map((v) => v.value)).toEqual(['198.51.100.1', '198.51.100.2']);
  });
});
