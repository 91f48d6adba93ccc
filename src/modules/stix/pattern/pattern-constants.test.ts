import { describe, expect, it } from 'vitest';
import { base64Problem, compareTimestamps, hexProblem, isAddressOrCidr, isObjectTypeName, regexProblem, timestampProblem } from './pattern-constants.js';

describe('pattern constants', () => {
  it('knows the calendar: leap years, month lengths and the leap second', () => {
    for (const valid of ['2000-02-29T00:00:00Z', '2024-02-29T12:34:56.789Z', '1999-12-31T23:59:60Z', '0001-01-01T00:00:00Z', '2016-06-30T23:59:59.000000001Z']) {
      expect(timestampProblem(valid)).toBeNull();
    }
    for (const invalid of ['1900-02-29T00:00:00Z', '2023-02-29T00:00:00Z', '2016-06-31T00:00:00Z', '2016-00-10T00:00:00Z', '2016-01-00T00:00:00Z', '2016-01-01T23:58:60Z', '2016-01-01t00:00:00Z', '2016-01-01T00:00:00z', '2016-01-01T00:00:00', '16-01-01T00:00:00Z']) {
      expect(timestampProblem(invalid)).not.toBeNull();
    }
  });

  it('orders timestamps, fractions included', () => {
    expect(compareTimestamps('2016-01-01T00:00:00Z', '2016-01-01T00:00:01Z')).toBeLessThan(0);
    expect(compareTimestamps('2016-01-01T00:00:00.5Z', '2016-01-01T00:00:00.25Z')).toBeGreaterThan(0);
    expect(compareTimestamps('2016-01-01T00:00:00.500Z', '2016-01-01T00:00:00.5Z')).toBe(0);
    expect(compareTimestamps('2016-01-01T00:00:00Z', '2016-01-01T00:00:00.000Z')).toBe(0);
    expect(compareTimestamps('2016-01-01T00:00:00Z', '2016-01-01T00:00:00.001Z')).toBeLessThan(0);
  });

  it('checks base64 and hex', () => {
    for (const valid of ['AAAA', 'YQ==', 'YWI=', 'dGhpcyBpcyBhIHRlc3Q=', '+/+/']) expect(base64Problem(valid)).toBeNull();
    for (const invalid of ['', 'Y', 'YQ=', 'Y===', '=AAA', 'AA=A', 'YQ==YQ==', 'AA AA', 'AA-_']) expect(base64Problem(invalid)).not.toBeNull();
    for (const valid of ['', 'ff', 'DEADbeef']) expect(hexProblem(valid)).toBeNull();
    for (const invalid of ['f', 'fff', '0x00', 'gg']) expect(hexProblem(invalid)).not.toBeNull();
  });

  it('checks addresses and CIDR blocks', () => {
    for (const valid of ['10.0.0.0/8', '192.168.0.1/24', '0.0.0.0/0', '198.51.100.1', '2001:db8::/32', '::/0', '::1', '::ffff:10.0.0.1/128']) expect(isAddressOrCidr(valid)).toBe(true);
    for (const invalid of ['10.0.0.0/33', '10.0.0/8', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/8/8', '2001:db8::/129', 'fe80::1%eth0', 'example.com', '', ' 10.0.0.1']) {
      expect(isAddressOrCidr(invalid)).toBe(false);
    }
  });

  it('checks STIX type names', () => {
    for (const valid of ['file', 'ipv4-addr', 'x-acme-widget', 'x509-certificate', 'abc', 'abc-']) expect(isObjectTypeName(valid)).toBe(true);
    for (const invalid of ['ab', 'File', 'x_y', '-abc', 'a--b', '1abc', 'a'.repeat(251), 'fïle']) expect(isObjectTypeName(invalid)).toBe(false);
  });

  it('compiles regular expressions as JavaScript, with the usual PCRE spellings rewritten', () => {
    expect(regexProblem('^a+\\.exe$')).toBeNull();
    expect(regexProblem('(?i)^evil$')).toBeNull();
    expect(regexProblem('(?P<word>\\w+)\\s(?P=word)')).toBeNull();
    expect(regexProblem('\\Astart|end\\z')).toBeNull();
    expect(regexProblem('\\\\A literal backslash and A')).toBeNull();
    expect(regexProblem('(')).toMatch(/Invalid regular expression/);
    expect(regexProblem('a**')).toMatch(/Invalid regular expression/);
  });
});
