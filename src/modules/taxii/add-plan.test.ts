import { describe, expect, it } from 'vitest';
import { canonicalJson, planAdd } from './add-plan.js';
import { markingsToLookUp, prepareObjects, type PreparedObject } from './prepare.js';
import type { StoredVersion } from './store.repository.js';
import { versionKey } from './timestamps.js';

const ID = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';
const DESK = 'identity--a3f1d4b2-5c6e-4f70-8a9b-0c1d2e3f4a5b';
const GREEN = 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb';
const RED = 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1';
const AMBER = 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421';
const UNKNOWN = 'marking-definition--0d5b8a3e-7c1f-4e2a-9b6d-3f4e5a6b7c8d';
const STATEMENT = 'marking-definition--2c4a9c7e-6f0d-4c3b-9a57-1f2e3d4c5b6a';
const OPTIONS = { audience: 'community', defaultTlp: 'amber', locale: 'en' } as const;

const indicator = (modified: string, extra: Record<string, unknown> = {}) => ({
  type: 'indicator', spec_version: '2.1', id: ID, created: '2026-01-01T00:00:00.000Z', modified, created_by_ref: DESK,
  pattern: "[ipv4-addr:value = '198.51.100.3']", pattern_type: 'stix', valid_from: '2026-01-01T00:00:00Z', object_marking_refs: [GREEN], ...extra,
});

const unmarked = ({ object_marking_refs: _markings, ...rest }: Record<string, unknown>) => rest;

const prepare = (objects: unknown[]): PreparedObject[] => {
  const { prepared, failures } = prepareObjects(objects, { audience: 'community', defaultTlp: 'amber', locale: 'en' });
  expect(failures).toEqual([]);
  return prepared;
};

const stored = (pk: number, modified: string, extra: Partial<StoredVersion> = {}): StoredVersion => ({
  pk, stix_id: ID, version: modified, version_key: versionKey(modified) as string, created_by_ref: DESK, revoked: 0, ...extra,
});

const plan = (objects: unknown[], input: { stored?: StoredVersion[]; json?: Record<number, unknown>; inCollection?: string[] } = {}) =>
  planAdd({
    objects: prepare(objects),
    stored: input.stored ?? [],
    storedJson: new Map(Object.entries(input.json ?? {}).map(([pk, value]) => [Number(pk), JSON.stringify(value)])),
    entryKeys: (input.inCollection ?? []).map((m) => ({ stix_id: ID, version_key: versionKey(m) as string })),
    locale: 'en',
  });

describe('preparing objects', () => {
  it('refuses placement by TLP and names the reason', () => {
    const { prepared, failures } = prepareObjects(
      [indicator('2026-01-02T00:00:00.000Z', { object_marking_refs: [RED] }), unmarked(indicator('2026-01-02T00:00:00.000Z'))],
      { audience: 'community', defaultTlp: 'amber', locale: 'en' },
    );
    expect(prepared).toEqual([]);
    expect(failures.map((f) => f.detail.message)).toEqual([
      'TLP:RED objects are never placed in a collection.',
      'TLP:AMBER objects may not be placed in the community collection.',
    ]);
  });

  it('names objects that have no id by their place in the envelope', () => {
    const { failures } = prepareObjects([42], { audience: 'inbox', defaultTlp: 'amber', locale: 'ja' });
    expect(failures[0]?.detail).toMatchObject({ id: '$.objects[0]', version: '1970-01-01T00:00:00.000Z' });
    expect(failures[0]?.detail.message).toMatch(/^STIX オブジェクトとして正しくありません/);
  });

  it('fails an object of another spec_version on its own, with a clear message, and prepares the others (issue 17)', () => {
    const other = indicator('2026-01-02T00:00:00.000Z', { id: 'indicator--5f0c8a2e-3b1d-4e6f-8a9b-0c1d2e3f4a5b', spec_version: '2.0' });
    const { prepared, failures } = prepareObjects([indicator('2026-01-02T00:00:00.000Z'), other], OPTIONS);
    expect(prepared.map((p) => p.stixId)).toEqual([ID]);
    expect(failures).toEqual([{ index: 1, detail: { id: other.id, version: '2026-01-02T00:00:00.000Z', message: expect.stringMatching(/^spec_version 2\.0 is not supported/) } }]);
    expect(failures[0]?.detail.message).toMatch(/only 2\.1/);
    const ja = prepareObjects([other], { ...OPTIONS, locale: 'ja' }).failures[0]?.detail.message;
    expect(ja).toMatch(/2\.0.*2\.1/);
    expect(ja).toMatch(/対応/);
  });

  it('places an object by the strictest TLP marking on any part of it, granular markings included (issue 17)', () => {
    const partly = (ref: string) => indicator('2026-01-02T00:00:00.000Z', { description: 'the text', granular_markings: [{ marking_ref: ref, selectors: ['description'] }] });
    const community = prepareObjects([partly(RED), partly(AMBER), partly(GREEN)], OPTIONS);
    expect(community.failures.map((f) => f.detail.message)).toEqual([
      'TLP:RED objects are never placed in a collection.',
      'TLP:AMBER objects may not be placed in the community collection.',
    ]);
    expect(community.prepared.map((p) => p.tlp)).toEqual(['green']);
    const feed = prepareObjects([partly(RED), partly(AMBER)], { ...OPTIONS, audience: 'feed' });
    expect(feed.failures).toHaveLength(1);
    expect(feed.prepared.map((p) => p.tlp)).toEqual(['amber']);
  });

  it('refuses, one by one, objects that reference a marking definition the server does not know, naming it (issue 17)', () => {
    const other = 'marking-definition--9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    const byObject = indicator('2026-01-02T00:00:00.000Z', { id: 'indicator--1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b', object_marking_refs: [GREEN, UNKNOWN] });
    const byPart = indicator('2026-01-02T00:00:00.000Z', {
      id: 'indicator--2c3d4e5f-6071-4829-9bac-1d2e3f4a5b6c', description: 'x', granular_markings: [{ marking_ref: other, selectors: ['description'] }],
    });
    const fine = indicator('2026-01-02T00:00:00.000Z');
    const { prepared, failures } = prepareObjects([byObject, fine, byPart], OPTIONS);
    expect(prepared.map((p) => p.stixId)).toEqual([ID]);
    expect(failures.map((f) => [f.index, f.detail.id])).toEqual([[0, byObject.id], [2, byPart.id]]);
    expect(failures[0]?.detail.message).toContain(UNKNOWN);
    expect(failures[0]?.detail.message).toMatch(/marking definition/);
    expect(failures[1]?.detail.message).toContain(other);
    expect(prepareObjects([byObject], { ...OPTIONS, locale: 'ja' }).failures[0]?.detail.message).toMatch(new RegExp(`マーキング定義.*${UNKNOWN}`));
  });

  it('knows statement markings that are stored or sent in the same envelope, and they change no TLP (issue 17)', () => {
    const statement = { type: 'marking-definition', spec_version: '2.1', id: STATEMENT, created: '2026-01-01T00:00:00.000Z', definition_type: 'statement', definition: { statement: 'Copyright Example' }, object_marking_refs: [GREEN] };
    const marked = indicator('2026-01-02T00:00:00.000Z', { object_marking_refs: [GREEN, STATEMENT] });
    expect(prepareObjects([marked, statement], OPTIONS).prepared.map((p) => [p.stixId, p.tlp])).toEqual([[ID, 'green'], [STATEMENT, 'green']]);
    const stored = prepareObjects([marked], { ...OPTIONS, storedMarkings: new Set([STATEMENT]) });
    expect([stored.failures, stored.prepared.map((p) => p.tlp)]).toEqual([[], ['green']]);
    const onlyStatement = prepareObjects([{ ...marked, object_marking_refs: [STATEMENT] }], { ...OPTIONS, audience: 'feed', storedMarkings: new Set([STATEMENT]) });
    expect(onlyStatement.prepared.map((p) => p.tlp)).toEqual(['amber']); // the default: a statement is no TLP
    expect(prepareObjects([marked], OPTIONS).failures[0]?.detail.message).toContain(STATEMENT);
  });

  it('refuses objects marked by a marking definition of the envelope that is itself refused, through chains (issue 17)', () => {
    const second = 'marking-definition--3d4e5f60-7182-4a3b-9cbd-2e3f4a5b6c7d';
    const definition = (id: string, refs: string[]) => ({
      type: 'marking-definition', spec_version: '2.1', id, created: '2026-01-01T00:00:00.000Z', definition_type: 'statement', definition: { statement: id }, object_marking_refs: refs,
    });
    const objects = [definition(STATEMENT, [RED]), definition(second, [GREEN, STATEMENT]), indicator('2026-01-02T00:00:00.000Z', { object_marking_refs: [GREEN, second] })];
    const { prepared, failures } = prepareObjects(objects, OPTIONS);
    expect(prepared).toEqual([]);
    expect(failures.map((f) => f.index).sort()).toEqual([0, 1, 2]);
    expect(failures.find((f) => f.index === 2)?.detail.message).toContain(second);
    expect(prepareObjects(objects, { ...OPTIONS, storedMarkings: new Set([STATEMENT]) }).prepared.map((p) => p.stixId)).toEqual([second, ID]);
  });

  it('looks up in the store only the marking definitions that are neither TLP nor malformed', () => {
    expect(markingsToLookUp([
      indicator('2026-01-02T00:00:00.000Z', { object_marking_refs: [GREEN, UNKNOWN, 42], description: 'x', granular_markings: [{ marking_ref: STATEMENT, selectors: ['description'] }, { marking_ref: UNKNOWN, selectors: ['name'] }] }),
      null, 'x', { object_marking_refs: ['identity--1b2c3d4e-5f60-4718-8a9b-0c1d2e3f4a5b'] },
    ])).toEqual([UNKNOWN, STATEMENT]);
  });
});

describe('planning an add', () => {
  it('adds a new object with both markers', () => {
    const result = plan([indicator('2026-01-02T00:00:00.000Z')]);
    expect(result.newObjects).toHaveLength(1);
    expect(result.entries).toMatchObject([{ stixId: ID, storedPk: null, isLatest: true, isFirst: true }]);
    expect([result.clearLatest, result.clearFirst, result.failures]).toEqual([[], [], []]);
  });

  it('adds a later version and takes the latest marker from the stored one in this collection', () => {
    const result = plan([indicator('2026-01-03T00:00:00.000Z')], { stored: [stored(7, '2026-01-02T00:00:00.000Z')], inCollection: ['2026-01-02T00:00:00.000Z'] });
    expect(result.entries).toMatchObject([{ isLatest: true, isFirst: false }]);
    expect(result.clearLatest).toEqual([ID]);
    expect(result.clearFirst).toEqual([]);
  });

  it('treats the same version with the same content as a duplicate: a success that adds nothing twice', () => {
    const same = indicator('2026-01-02T00:00:00.000Z');
    const reordered = Object.fromEntries(Object.entries(same).reverse());
    const here = plan([reordered], { stored: [stored(7, '2026-01-02T00:00:00.000Z')], json: { 7: same }, inCollection: ['2026-01-02T00:00:00.000Z'] });
    expect([here.newObjects, here.entries, here.failures]).toEqual([[], [], []]);
    expect(here.successes).toHaveLength(1);
    const elsewhere = plan([same], { stored: [stored(7, '2026-01-02T00:00:00.000Z')], json: { 7: same } });
    expect(elsewhere.entries).toMatchObject([{ storedPk: 7, isLatest: true, isFirst: true }]);
    expect(elsewhere.newObjects).toEqual([]);
  });

  it('fails a different object under a stored id and version', () => {
    // Same id and version, other content: even another spelling of the same instant is another object.
    const respelled = plan([indicator('2026-01-02T00:00:00.000000Z')], { stored: [stored(7, '2026-01-02T00:00:00.000Z')], json: { 7: indicator('2026-01-02T00:00:00.000Z') } });
    expect(respelled.failures).toHaveLength(1);
    const result = plan([indicator('2026-01-02T00:00:00.000Z', { name: 'changed' })], { stored: [stored(7, '2026-01-02T00:00:00.000Z')], json: { 7: indicator('2026-01-02T00:00:00.000Z') } });
    expect(result.failures[0]?.detail.message).toMatch(/different object with this id and version/);
  });

  it('fails versions that are not newer, versions of revoked objects and versions by someone else', () => {
    const older = plan([indicator('2026-01-01T00:00:00.000Z')], { stored: [stored(7, '2026-01-02T00:00:00.000Z')] });
    expect(older.failures[0]?.detail.message).toMatch(/^Not newer than the stored version \(2026-01-02T00:00:00.000Z\)/);
    const revoked = plan([indicator('2026-01-03T00:00:00.000Z')], { stored: [stored(7, '2026-01-02T00:00:00.000Z', { revoked: 1 })] });
    expect(revoked.failures[0]?.detail.message).toMatch(/revocation is final/);
    const other = plan([indicator('2026-01-03T00:00:00.000Z', { created_by_ref: 'identity--0b3c9d2e-1f4a-4b5c-8d6e-7f8091a2b3c4' })], { stored: [stored(7, '2026-01-02T00:00:00.000Z')] });
    expect(other.failures[0]?.detail.message).toMatch(/Only the object's creator/);
  });

  it('applies the rules within one envelope too', () => {
    const result = plan([indicator('2026-01-02T00:00:00.000Z'), indicator('2026-01-03T00:00:00.000Z'), indicator('2026-01-02T00:00:00.000Z', { name: 'x' }), indicator('2026-01-03T00:00:00.000Z')]);
    expect(result.newObjects.map((o) => o.version)).toEqual(['2026-01-02T00:00:00.000Z', '2026-01-03T00:00:00.000Z']);
    expect(result.entries.map((e) => [e.isFirst, e.isLatest])).toEqual([[true, false], [false, true]]);
    expect(result.failures.map((f) => f.index)).toEqual([2]);
    expect(result.successes.map((s) => s.index)).toEqual([0, 1, 3]);
  });

  it('adds an older stored version to a collection as its first version', () => {
    const result = plan([indicator('2026-01-01T00:00:00.000Z')], {
      stored: [stored(6, '2026-01-01T00:00:00.000Z'), stored(7, '2026-01-02T00:00:00.000Z')], json: { 6: indicator('2026-01-01T00:00:00.000Z') },
      inCollection: ['2026-01-02T00:00:00.000Z'],
    });
    expect(result.entries).toMatchObject([{ storedPk: 6, isLatest: false, isFirst: true }]);
    expect([result.clearLatest, result.clearFirst]).toEqual([[], [ID]]);
  });
});

describe('canonical JSON', () => {
  it('ignores key order at every level, and nothing else', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { y: 1, x: 2 }], c: null } })).toBe(canonicalJson({ a: { c: null, d: [2, { x: 2, y: 1 }] }, b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
});
