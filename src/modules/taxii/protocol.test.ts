import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { parseFilter, PAGE_LIMITS } from './filters.js';
import { acceptsTaxii, isTaxiiContentType } from './media.js';
import { idKey } from './id-key.js';
import { decodeNext, encodeNext } from './next-token.js';
import { addedAfterKey, firstDateAdded, formatMicros, microsOf, versionKey } from './timestamps.js';

const errorOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error.code : String(error);
  }
  return undefined;
};

describe('content negotiation', () => {
  it('accepts the TAXII 2.1 media type, without a version (the latest), and wildcards', () => {
    for (const accept of [
      'application/taxii+json;version=2.1', 'application/taxii+json; version=2.1', 'APPLICATION/TAXII+JSON;VERSION=2.1',
      'application/taxii+json', 'application/taxii+json;version="2.1"', '*/*', 'application/*', undefined, '',
      'text/html, application/taxii+json;version=2.1;q=0.9', 'application/json, */*;q=0.1',
    ]) expect([accept, acceptsTaxii(accept)]).toEqual([accept, true]);
  });

  it('refuses other media types, other TAXII versions and explicit q=0', () => {
    for (const accept of [
      'application/json', 'application/stix+json;version=2.1', 'application/taxii+json;version=2.0',
      'application/vnd.oasis.taxii+json; version=2.0', 'text/html', 'application/taxii+json;version=2.1;q=0',
      '*/*, application/taxii+json;q=0', 'nonsense',
    ]) expect([accept, acceptsTaxii(accept)]).toEqual([accept, false]);
  });

  it('reads a TAXII envelope body only when declared as one', () => {
    expect(isTaxiiContentType('application/taxii+json;version=2.1')).toBe(true);
    expect(isTaxiiContentType('application/taxii+json')).toBe(true);
    expect(isTaxiiContentType('application/taxii+json; version=2.1; charset=utf-8')).toBe(true);
    for (const type of ['application/json', 'application/taxii+json;version=2.0', 'text/plain', '', undefined]) {
      expect(isTaxiiContentType(type)).toBe(false);
    }
  });
});

describe('timestamps', () => {
  it('compares STIX versions as instants, whatever their precision', () => {
    expect(versionKey('2016-01-01T00:00:00Z')).toBe(versionKey('2016-01-01T00:00:00.000Z'));
    expect(versionKey('2016-01-01T00:00:00.1Z')).toBe('2016-01-01T00:00:00.100000000Z');
    expect(versionKey('2016-01-01T00:00:00.123456789123Z')).toBe('2016-01-01T00:00:00.123456789Z');
    expect((versionKey('2016-01-01T00:00:00.5Z') as string) > (versionKey('2016-01-01T00:00:00.05Z') as string)).toBe(true);
  });

  it('rejects what is not an RFC 3339 UTC timestamp', () => {
    for (const text of ['2016-01-01', '2016-01-01T00:00:00', '2016-01-01T00:00:00+09:00', '2016-02-30T00:00:00Z', '2016-01-01T24:00:00Z', 'x']) {
      expect(versionKey(text)).toBeUndefined();
    }
  });

  it('writes date_added with microseconds and reads it back', () => {
    const text = formatMicros(Date.UTC(2026, 10, 23, 1, 2, 3) * 1000 + 456_789);
    expect(text).toBe('2026-11-23T01:02:03.456789Z');
    expect(formatMicros(microsOf(text))).toBe(text);
    expect(addedAfterKey('2026-11-23T01:02:03Z')).toBe('2026-11-23T01:02:03.000000Z');
    expect(addedAfterKey('2026-11-23T01:02:03.4567891Z')).toBe('2026-11-23T01:02:03.456789Z');
  });

  it('allocates strictly increasing dates after the last one, even when the clock is behind', () => {
    const now = Date.UTC(2026, 0, 1) * 1000;
    expect(firstDateAdded(null, now)).toBe(now);
    expect(firstDateAdded(formatMicros(now + 10), now)).toBe(now + 11);
    expect(firstDateAdded(formatMicros(now - 10), now)).toBe(now);
  });
});

describe('id keys', () => {
  it('are 52-bit integers from the UUID, the same for the same UUID, and defined for any text', () => {
    const key = idKey('indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f');
    expect(key).toBe(0x8e2e2d2b17d4 * 16 + 0xc);
    expect(Number.isSafeInteger(key)).toBe(true);
    expect(idKey('malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f')).toBe(key); // lookups compare the id as well
    expect(idKey('indicator--9e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f')).not.toBe(key);
    for (const odd of ['x-custom--not-a-uuid', 'no separator', '']) {
      expect(Number.isSafeInteger(idKey(odd)) && idKey(odd) >= 0 && idKey(odd) < 2 ** 52).toBe(true);
      expect(idKey(odd)).toBe(idKey(odd));
    }
  });
});

describe('next tokens', () => {
  it('round-trip for the same scope and filters, and are refused for others', () => {
    const token = encodeNext('2026-11-23T01:02:03.456789Z', 'collection/', '["read"]');
    expect(decodeNext(token, 'collection/', '["read"]')).toBe('2026-11-23T01:02:03.456789Z');
    expect(errorOf(() => decodeNext(token, 'other/', '["read"]'))).toBe('invalid_filter');
    expect(errorOf(() => decodeNext(token, 'collection/', '["read",1]'))).toBe('invalid_filter');
    expect(errorOf(() => decodeNext('garbage', 'collection/', '["read"]'))).toBe('invalid_filter');
  });
});

describe('TAXII filters', () => {
  const id = 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f';

  it('defaults to the latest versions, a limit of 100 and no other filter', () => {
    const filter = parseFilter({}, 'objects');
    expect(filter).toMatchObject({ limit: PAGE_LIMITS.default, versions: { all: false, first: false, last: true, keys: [] } });
    expect(filter.ids).toBeUndefined();
  });

  it('reads every supported field, OR-lists within a field, and caps the limit', () => {
    const filter = parseFilter({
      added_after: '2026-01-01T00:00:00Z', limit: '5000', next: 'abc', 'match[id]': `${id},${id}`, 'match[type]': 'indicator,malware',
      'match[version]': 'first,2026-01-01T00:00:00.000Z', 'match[spec_version]': '2.1',
    }, 'objects');
    expect(filter).toMatchObject({
      addedAfter: '2026-01-01T00:00:00.000000Z', limit: PAGE_LIMITS.max, next: 'abc', ids: [id], types: ['indicator', 'malware'],
      versions: { all: false, first: true, last: false, keys: ['2026-01-01T00:00:00.000000000Z'] }, specVersions: ['2.1'],
    });
  });

  it('lists every version on the versions endpoint and deletes every version unless narrowed', () => {
    expect(parseFilter({}, 'versions').versions.all).toBe(true);
    expect(parseFilter({}, 'delete').versions.all).toBe(true);
    expect(parseFilter({ 'match[version]': 'last' }, 'delete').versions).toMatchObject({ all: false, last: true });
  });

  it('answers 400 for malformed, repeated, empty or unsupported parameters', () => {
    const cases: Array<[Record<string, string | string[]>, Parameters<typeof parseFilter>[1]]> = [
      [{ limit: '0' }, 'objects'], [{ limit: '-1' }, 'objects'], [{ limit: '1.5' }, 'objects'], [{ limit: 'ten' }, 'objects'],
      [{ added_after: 'yesterday' }, 'objects'], [{ added_after: '2026-01-01T00:00:00+09:00' }, 'objects'],
      [{ 'match[colour]': 'red' }, 'objects'], [{ 'match[id]': id }, 'object'], [{ 'match[type]': 'indicator' }, 'versions'],
      [{ 'match[version]': 'last' }, 'versions'], [{ limit: '1' }, 'delete'], [{ added_after: '2026-01-01T00:00:00Z' }, 'delete'],
      [{ 'match[type]': ['indicator', 'malware'] }, 'objects'], [{ limit: ['1', '2'] }, 'objects'], [{ 'match[id]': '' }, 'objects'],
      [{ 'match[id]': `${id},,${id}` }, 'objects'], [{ 'match[id]': 'not-an-id' }, 'objects'], [{ 'match[type]': 'Indicator' }, 'objects'],
      [{ 'match[version]': 'all,last' }, 'objects'], [{ 'match[version]': 'newest' }, 'objects'], [{ 'match[spec_version]': 'two' }, 'objects'],
    ];
    for (const [query, endpoint] of cases) expect([query, endpoint, errorOf(() => parseFilter(query, endpoint))]).toEqual([query, endpoint, 'invalid_filter']);
  });

  it('ignores parameters that are not TAXII filters', () => {
    expect(parseFilter({ cachebust: '1' }, 'objects').limit).toBe(PAGE_LIMITS.default);
  });

  it('binds next tokens to the filters but not to the limit', () => {
    expect(parseFilter({ limit: '5' }, 'objects').fingerprint).toBe(parseFilter({ limit: '50' }, 'objects').fingerprint);
    expect(parseFilter({ 'match[type]': 'indicator' }, 'objects').fingerprint).not.toBe(parseFilter({}, 'objects').fingerprint);
  });
});
