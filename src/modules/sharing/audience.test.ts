import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { checkAudience, collectionAudiences } from './audience.js';
import { findLeaks, stringsOf } from './leak-check.js';

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : 'other';
  }
  return undefined;
};

describe('checkAudience', () => {
  it('allows CLEAR anywhere, GREEN to the community or a group, AMBER only to chosen organisations', () => {
    expect(codeOf(() => checkAudience('clear', { kind: 'public' }))).toBeUndefined();
    expect(codeOf(() => checkAudience('green', { kind: 'community' }))).toBeUndefined();
    expect(codeOf(() => checkAudience('green', { kind: 'group', groupId: 'g' }))).toBeUndefined();
    expect(codeOf(() => checkAudience('amber+strict', { kind: 'orgs', orgIds: ['a'] }))).toBeUndefined();
    expect(codeOf(() => checkAudience('green', { kind: 'public' }))).toBe('tlp_audience_mismatch');
    expect(codeOf(() => checkAudience('amber', { kind: 'community' }))).toBe('tlp_audience_mismatch');
    expect(codeOf(() => checkAudience('amber', { kind: 'group', groupId: 'g' }))).toBe('tlp_audience_mismatch');
  });

  it('never publishes RED, to anyone', () => {
    expect(codeOf(() => checkAudience('red', { kind: 'community' }))).toBe('tlp_red_not_publishable');
    expect(codeOf(() => checkAudience('red', { kind: 'orgs', orgIds: ['a'] }))).toBe('tlp_red_not_publishable');
  });

  it('needs at least one organisation and drops repeated ones', () => {
    expect(codeOf(() => checkAudience('amber', { kind: 'orgs', orgIds: [] }))).toBe('validation_failed');
    expect(checkAudience('amber', { kind: 'orgs', orgIds: ['a', 'a', 'b'] })).toEqual({ kind: 'orgs', orgIds: ['a', 'b'] });
  });

  it('places public advisories in the community collection too', () => {
    expect(collectionAudiences({ kind: 'public' })).toEqual(['public', 'community']);
    expect(collectionAudiences({ kind: 'orgs', orgIds: ['a'] })).toEqual(['feed']);
  });
});

describe('findLeaks', () => {
  const forbidden = [{ text: '田中', reason: 'PERSON' }, { text: 'Midori Seiko', reason: 'victim_name' }, { text: 'x', reason: 'too-short' }];

  it('finds forbidden strings in any case or width, and says where', () => {
    const texts = stringsOf({ name: 'Alert', description: 'Reported by ＭＩＤＯＲＩ seiko staff', refs: [{ note: '田中さんが発見' }] });
    expect(findLeaks(texts, forbidden)).toEqual([
      { reason: 'victim_name', where: 'description' },
      { reason: 'PERSON', where: 'refs[0].note' },
    ]);
  });

  it('finds nothing in clean text and ignores one-character values', () => {
    expect(findLeaks(stringsOf({ description: 'An explosion of xx in [PERSON-1] mail' }), forbidden)).toEqual([]);
  });
});
