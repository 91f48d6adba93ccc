import { describe, expect, it } from 'vitest';
import { compareTimestamps, hasPrecision, isLeapSecond, isTimestamp } from './stix-timestamp.js';
import { isDomainName, isIpv4, isIpv6 } from './stix-values.js';

describe('timestamps', () => {
  it.each(['2024-01-15T09:00:00Z', '2024-02-29T23:59:59.999999999Z', '2016-12-31T23:59:59Z', '0001-01-01T00:00:00.0Z'])('accepts %s', (t) => {
    expect(isTimestamp(t)).toBe(true);
  });

  it.each(['2023-02-29T00:00:00Z', '2024-04-31T00:00:00Z', '2024-01-15T09:00:00', '2024-01-15T09:00:00.Z', '2024-01-15t09:00:00z', '2024-01-15T24:00:00Z', '2024-1-15T09:00:00Z'])(
    'refuses %s',
    (t) => expect(isTimestamp(t)).toBe(false),
  );

  it('refuses leap seconds (second 60), which many STIX and TAXII readers cannot parse, and names them (issue 17)', () => {
    for (const t of ['2026-06-30T23:59:60Z', '2016-12-31T23:59:60.000Z', '2016-12-31T23:59:60.5Z', '2024-01-15T09:00:60Z']) {
      expect(isTimestamp(t), t).toBe(false);
      expect(isLeapSecond(t), t).toBe(true);
    }
    for (const t of ['2016-12-31T23:59:59Z', '2016-12-31T23:59:61Z', '2016-12-31 23:59:60Z', '2016-12-31T23:59:60']) expect(isLeapSecond(t), t).toBe(false);
  });

  it('checks precision', () => {
    expect(hasPrecision('2024-01-15T09:00:00.123Z', 'millisecond')).toBe(true);
    expect(hasPrecision('2024-01-15T09:00:00.12Z', 'millisecond')).toBe(false);
    expect(hasPrecision('2024-01-15T09:00:00Z', 'second')).toBe(true);
    expect(hasPrecision('2024-01-15T09:00:00.000Z', 'second')).toBe(false);
  });

  it('compares beyond millisecond precision and across fraction lengths', () => {
    expect(compareTimestamps('2024-01-15T09:00:00.000Z', '2024-01-15T09:00:00Z')).toBe(0);
    expect(compareTimestamps('2024-01-15T09:00:00.0000001Z', '2024-01-15T09:00:00.000Z')).toBeGreaterThan(0);
    expect(compareTimestamps('2024-01-15T09:00:00.9Z', '2024-01-15T09:00:01Z')).toBeLessThan(0);
    expect(compareTimestamps('2023-12-31T23:59:60Z', '2024-01-01T00:00:00Z')).toBeLessThan(0);
  });
});

describe('observable values', () => {
  it('IPv4 with an optional prefix', () => {
    expect(['0.0.0.0', '198.51.100.3', '10.0.0.0/8', '255.255.255.255/32'].every(isIpv4)).toBe(true);
    expect(['256.0.0.1', '01.2.3.4', '1.2.3', '1.2.3.4/33', '1.2.3.4/'].some(isIpv4)).toBe(false);
  });

  it('IPv6 with an optional prefix and embedded IPv4', () => {
    expect(['::', '::1', '2001:db8::', '2001:0db8:85a3:0000:0000:8a2e:0370:7334', '::ffff:192.0.2.128', '2001:db8::/32', 'fe80::1:2:3:4:5:6'].every(isIpv6)).toBe(true);
    expect([':::', '2001:db8::1::2', '1:2:3:4:5:6:7', '1:2:3:4:5:6:7:8:9', '12345::', '::1/129', 'g::1', '1.2.3.4'].some(isIpv6)).toBe(false);
  });

  it('domain names, internationalised ones included', () => {
    expect(['example.com', 'example.com.', '例え.テスト', '_dmarc.example.com'].every(isDomainName)).toBe(true);
    expect(['', 'a b.com', 'a..com', `${'a'.repeat(64)}.com`, 'http://example.com'].some(isDomainName)).toBe(false);
  });
});
