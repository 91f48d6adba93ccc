import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { addedBound, decodeCursor, edgesOf, encodeCursor, hasLabel, jsonText, matchesText, nameOf } from './browse-summary.js';

describe('nameOf', () => {
  it('uses the name, else the property that identifies the object best', () => {
    expect(nameOf({ type: 'malware', id: 'malware--1', name: 'Loader' })).toBe('Loader');
    expect(nameOf({ type: 'ipv4-addr', id: 'ipv4-addr--1', value: '203.0.113.1' })).toBe('203.0.113.1');
    expect(nameOf({ type: 'indicator', id: 'indicator--1', pattern: "[url:value = 'x']" })).toBe("[url:value = 'x']");
    expect(nameOf({ type: 'autonomous-system', id: 'autonomous-system--1', number: 64496 })).toBe('AS64496');
    expect(nameOf({ type: 'file', id: 'file--1', hashes: { 'SHA-256': 'ab' } })).toBe('SHA-256:ab');
    expect(nameOf({ type: 'relationship', id: 'relationship--1', relationship_type: 'indicates' })).toBe('indicates');
    expect(nameOf({ type: 'sighting', id: 'sighting--1', count: 3 })).toBe('sighting ×3');
    expect(nameOf({ type: 'x-custom', id: 'x-custom--1' })).toBe('x-custom--1');
    expect(nameOf({ type: 'note', id: 'note--1', content: 'a'.repeat(500) })).toHaveLength(300);
  });
});

describe('search helpers', () => {
  it('match the name, value or pattern case-insensitively, and labels exactly', () => {
    const object = { name: 'Emotet Loader', pattern: "[domain-name:value = 'Bad.example']", description: 'needle', labels: ['Phishing'] };
    expect(matchesText(object, 'emotet')).toBe(true);
    expect(matchesText(object, 'bad.EXAMPLE')).toBe(true);
    expect(matchesText(object, 'needle')).toBe(false);
    expect(hasLabel(object, 'phishing')).toBe(true);
    expect(hasLabel(object, 'phish')).toBe(false);
  });

  it('finds text in stored JSON as it is escaped there', () => {
    const stored = JSON.stringify({ pattern: "[file:name = 'a\\b \"c\"']" });
    expect(stored.includes(jsonText('a\\b "c"'))).toBe(true);
  });
});

describe('edgesOf', () => {
  it('draws a relationship from source to target, and a sighting to what it saw, its data and where', () => {
    expect(edgesOf({ type: 'relationship', id: 'relationship--1', relationship_type: 'uses', source_ref: 'a--1', target_ref: 'b--2' }))
      .toEqual([{ id: 'relationship--1', source: 'a--1', target: 'b--2', relationshipType: 'uses' }]);
    expect(edgesOf({ type: 'sighting', id: 'sighting--1', sighting_of_ref: 'indicator--1', observed_data_refs: ['observed-data--1'], where_sighted_refs: ['identity--1'] }))
      .toEqual([
        { id: 'sighting--1', source: 'sighting--1', target: 'indicator--1', relationshipType: 'sighting-of' },
        { id: 'sighting--1', source: 'sighting--1', target: 'observed-data--1', relationshipType: 'observed-data' },
        { id: 'sighting--1', source: 'sighting--1', target: 'identity--1', relationshipType: 'where-sighted' },
      ]);
    expect(edgesOf({ type: 'indicator', id: 'indicator--1' })).toEqual([]);
    expect(edgesOf({ type: 'relationship', id: 'relationship--1', source_ref: 'a--1' })).toEqual([]);
  });
});

describe('cursor and date bounds', () => {
  it('round-trips a cursor and refuses anything else', () => {
    const cursor = { dateAdded: '2026-11-23T01:02:03.123456Z', collectionId: '0d6f9a52-8c1e-4b7a-9f3d-2e5c6b7a8d9e' };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(() => decodeCursor('nonsense')).toThrow(AppError);
    expect(() => decodeCursor(Buffer.from("2026-11-23T01:02:03.123456Z|x' or 1=1").toString('base64url'))).toThrow(AppError);
  });

  it('turns dates and timestamps into inclusive bounds of date_added', () => {
    expect(addedBound('2026-11-23', false)).toBe('2026-11-23T00:00:00.000000Z');
    expect(addedBound('2026-11-23', true)).toBe('2026-11-23T23:59:59.999999Z');
    expect(addedBound('2026-11-23T10:00:00.123456Z', false)).toBe('2026-11-23T10:00:00.123456Z');
    expect(addedBound('2026-11-23T10:00:00.123Z', true)).toBe('2026-11-23T10:00:00.123999Z');
    expect(addedBound('2026-11-23T10:00:00Z', true)).toBe('2026-11-23T10:00:00.999999Z');
    expect(addedBound('2026-11-23T09:00:00.000+09:00', false)).toBe('2026-11-23T00:00:00.000000Z');
    for (const bad of ['2026-02-30', '2026-13-01', '2026-11-23T25:00:00Z', 'yesterday']) expect(() => addedBound(bad, false), bad).toThrow(AppError);
  });
});
