import { describe, expect, it } from 'vitest';
import { checkVersion, isVersioned } from './versioning.js';

const v = (modified: string, extra: Record<string, unknown> = {}) => ({
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created_by_ref: 'identity--f690c992-8e7d-4b9a-9303-3312616c0220',
  created: '2024-01-01T00:00:00.000Z',
  modified,
  pattern: "[ipv4-addr:value = '198.51.100.3']",
  pattern_type: 'stix',
  valid_from: '2024-01-01T00:00:00Z',
  ...extra,
});

describe('checkVersion', () => {
  const v1 = v('2024-01-01T00:00:00.000Z');
  const v2 = v('2024-02-01T00:00:00.000Z', { name: 'second' });

  it('accepts a first version and a later one', () => {
    expect(checkVersion([], v1)).toEqual({ ok: true, verdict: 'new-object' });
    expect(checkVersion([v1], v2)).toEqual({ ok: true, verdict: 'new-version' });
  });

  it('treats the same version with the same content as a duplicate, whatever the key order or fraction digits', () => {
    const reordered = Object.fromEntries(Object.entries(v2).reverse());
    expect(checkVersion([v1, v2], reordered)).toEqual({ ok: true, verdict: 'duplicate' });
    const conflict = checkVersion([v1, v2], v('2024-02-01T00:00:00.000000Z', { name: 'other' }));
    expect(conflict).toMatchObject({ ok: false, verdict: 'version-conflict' });
  });

  it('rejects a modified that is not later than the newest stored version', () => {
    expect(checkVersion([v2], v('2024-01-15T00:00:00.000Z'))).toMatchObject({ ok: false, verdict: 'modified-not-later' });
  });

  it('keeps revoked final', () => {
    const revoked = v('2024-02-01T00:00:00.000Z', { revoked: true });
    expect(checkVersion([v1, revoked], v('2024-03-01T00:00:00.000Z'))).toMatchObject({ ok: false, verdict: 'revoked' });
    expect(checkVersion([v1, revoked], revoked)).toEqual({ ok: true, verdict: 'duplicate' });
  });

  it('keeps created and the creator', () => {
    expect(checkVersion([v1], v('2024-02-01T00:00:00.000Z', { created: '2024-01-02T00:00:00.000Z' }))).toMatchObject({ verdict: 'created-changed' });
    expect(checkVersion([v1], v('2024-02-01T00:00:00.000Z', { created: '2024-01-01T00:00:00.000000Z' }))).toMatchObject({ verdict: 'new-version' });
    expect(checkVersion([v1], v('2024-02-01T00:00:00.000Z', { created_by_ref: 'identity--11111111-1111-4111-8111-111111111111' }))).toMatchObject({
      ok: false,
      verdict: 'creator-changed',
    });
  });

  it('does not version SCOs or marking definitions', () => {
    const ip = { type: 'ipv4-addr', id: 'ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4', value: '198.51.100.3' };
    expect(isVersioned(ip)).toBe(false);
    expect(checkVersion([ip], { ...ip })).toEqual({ ok: true, verdict: 'duplicate' });
    const changed = checkVersion([ip], { ...ip, resolves_to_refs: ['mac-addr--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f'] });
    expect(changed).toMatchObject({ ok: false, verdict: 'not-versioned' });
    expect(changed.ok ? '' : changed.message.ja).toMatch(/版管理/);
    const marking = { type: 'marking-definition', id: 'marking-definition--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', created: '2024-01-01T00:00:00.000Z' };
    expect(checkVersion([marking], { ...marking, name: 'x' })).toMatchObject({ verdict: 'not-versioned' });
  });

  it('refuses stored versions of another id', () => {
    expect(checkVersion([v('2024-01-01T00:00:00.000Z', { id: 'indicator--11111111-1111-4111-8111-111111111111' })], v2)).toMatchObject({
      verdict: 'id-mismatch',
    });
  });
});
