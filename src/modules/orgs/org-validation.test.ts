import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { normaliseCidr, normaliseCidrs, normaliseDomain, normaliseDomains } from './org-validation.js';

function errorOf(run: () => unknown): AppError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  return undefined;
}

describe('normaliseDomain', () => {
  it.each([
    ['example.com', 'example.com'],
    ['Example.COM', 'example.com'],
    ['  mail.example.co.jp ', 'mail.example.co.jp'],
    ['日本.jp', 'xn--wgv71a.jp'],
    ['日本。jp', 'xn--wgv71a.jp'],
    ['ｅｘａｍｐｌｅ．ｃｏｍ', 'example.com'],
    ['münchen.de', 'xn--mnchen-3ya.de'],
    ['xn--wgv71a.jp', 'xn--wgv71a.jp'],
    ['a-b.example', 'a-b.example'],
    ['1password.com', '1password.com'],
    [`${'a'.repeat(63)}.jp`, `${'a'.repeat(63)}.jp`],
    [[...Array(4)].map(() => 'a'.repeat(62)).join('.'), [...Array(4)].map(() => 'a'.repeat(62)).join('.')],
  ])('accepts %s as %s', (input, expected) => {
    expect(normaliseDomain(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'blank'],
    ['localhost', 'one label'],
    ['example..com', 'empty label'],
    ['.example.com', 'leading dot'],
    ['example.com.', 'trailing dot'],
    ['-a.com', 'label starting with a hyphen'],
    ['a-.com', 'label ending with a hyphen'],
    ['*.example.com', 'wildcard'],
    ['ex ample.com', 'space'],
    ['example.com\tx', 'tab'],
    ['a_b.example.com', 'underscore'],
    ['a!b.com', 'punctuation'],
    ['%41.com', 'percent-encoding'],
    ['user@example.com', 'e-mail address'],
    ['example.com/path', 'path'],
    ['example.com/', 'trailing slash'],
    ['a?b.example.com', 'query'],
    ['a#b.example.com', 'fragment'],
    ['a\\b.example.com', 'backslash'],
    ['ｅｘａｍｐｌｅ．ｃｏｍ／x', 'full-width slash'],
    ['example.com:443', 'port'],
    ['https://example.com', 'URL'],
    ['10.0.0.1', 'IPv4 address'],
    ['1.2.3', 'short IPv4 form'],
    ['0x7f.1', 'hexadecimal IPv4 form'],
    ['example.123', 'numeric top-level label'],
    ['[::1]', 'IPv6 literal'],
    ['::1', 'IPv6 address'],
    ['xn--zz.com', 'invalid punycode'],
    [`${'a'.repeat(64)}.jp`, 'label of 64 characters'],
    [[...Array(5)].map(() => 'a'.repeat(50)).join('.') + '.jp', 'more than 253 characters'],
  ])('rejects %s (%s)', (input) => {
    const error = errorOf(() => normaliseDomain(input));
    expect(error?.code).toBe('invalid_domain');
    if (input.length <= 100) expect(error?.params.value).toBe(input);
  });

  it('bounds the value echoed in the error', () => {
    const error = errorOf(() => normaliseDomain(`${'x'.repeat(500)}..com`));
    expect(String(error?.params.value).length).toBeLessThanOrEqual(101);
  });

  it('drops duplicates after normalisation, keeping the first', () => {
    expect(normaliseDomains(['b.example', 'Example.com', 'example.com', 'EXAMPLE.COM', '日本.jp', 'xn--wgv71a.jp'])).toEqual([
      'b.example', 'example.com', 'xn--wgv71a.jp',
    ]);
  });
});

describe('normaliseCidr', () => {
  it.each([
    ['192.0.2.0/24', '192.0.2.0/24'],
    [' 192.0.2.0/24 ', '192.0.2.0/24'],
    ['192.0.2.77/24', '192.0.2.0/24'],
    ['10.1.2.3/8', '10.0.0.0/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['255.255.255.255/0', '0.0.0.0/0'],
    ['203.0.113.5/32', '203.0.113.5/32'],
    ['127.0.0.0/8', '127.0.0.0/8'],
    ['2001:db8::/32', '2001:db8::/32'],
    ['2001:DB8:0:0:0:0:0:0/32', '2001:db8::/32'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001/128', '2001:db8::1/128'],
    ['2001:db8:1:2:3:4:5:6/48', '2001:db8:1::/48'],
    ['::/0', '::/0'],
    ['::1/128', '::1/128'],
    ['fe80::/10', 'fe80::/10'],
    ['2001:db8:0:1:0:0:0:1/128', '2001:db8:0:1::1/128'],
    ['2001:0:0:1:0:0:0:1/128', '2001:0:0:1::1/128'],
    ['2001:db8:0:0:1:0:0:1/128', '2001:db8::1:0:0:1/128'],
    ['2001:db8:0:1:1:1:1:1/128', '2001:db8:0:1:1:1:1:1/128'],
    ['2001:db8:1:1:1:1:1:1/128', '2001:db8:1:1:1:1:1:1/128'],
    ['::ffff:192.0.2.1/128', '::ffff:192.0.2.1/128'],
    ['::192.0.2.1/128', '::c000:201/128'],
  ])('accepts %s as %s', (input, expected) => {
    expect(normaliseCidr(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['192.0.2.0', 'no prefix'],
    ['192.0.2.0/', 'empty prefix'],
    ['10.0.0.0/33', 'IPv4 prefix above 32'],
    ['2001:db8::/129', 'IPv6 prefix above 128'],
    ['10.0.0.0/-1', 'negative prefix'],
    ['10.0.0.0/08', 'prefix with a leading zero'],
    ['10.0.0.0/8/8', 'two prefixes'],
    ['1.2.3/24', 'three octets'],
    ['256.0.0.0/8', 'octet above 255'],
    ['010.0.0.0/8', 'octet with a leading zero'],
    ['10.0.0.0 /8', 'space before the prefix'],
    ['example.com/24', 'a name'],
    ['1::2::3/64', 'two "::"'],
    ['2001:db8:::/32', 'three colons'],
    ['2001:db8::g/32', 'not hexadecimal'],
    ['fe80::1%eth0/64', 'zone id'],
    ['1:2:3:4:5:6:7:8:9/64', 'nine groups'],
  ])('rejects %s (%s)', (input) => {
    const error = errorOf(() => normaliseCidr(input));
    expect(error?.code).toBe('invalid_cidr');
    expect(error?.params.value).toBe(input);
  });

  it('drops duplicates after normalisation but keeps overlapping ranges', () => {
    expect(normaliseCidrs(['10.0.0.0/8', '10.9.9.9/8', '10.1.0.0/16', '2001:DB8::/32', '2001:db8::/32'])).toEqual([
      '10.0.0.0/8', '10.1.0.0/16', '2001:db8::/32',
    ]);
  });
});
