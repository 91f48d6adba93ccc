import { describe, expect, it } from 'vitest';
import {
  detectObservable, normaliseAs, normaliseCidr, normaliseDomain, normaliseEmail, normaliseHash, normaliseIpv4, normaliseIpv6, normaliseUrl, refang,
} from './normalise.js';

describe('refang', () => {
  it.each([
    ['hxxp://evil[.]example/x', 'http://evil.example/x'],
    ['hXXps://evil(.)example', 'https://evil.example'],
    ['evil[dot]example', 'evil.example'],
    ['bad[@]evil[.]example', 'bad@evil.example'],
    ['hxxp[:]//198[.]51[.]100[.]7', 'http://198.51.100.7'],
    ['http[://]x[.]example', 'http://x.example'],
    ['  plain.example  ', 'plain.example'],
  ])('%s → %s', (input, expected) => expect(refang(input)).toBe(expected));
});

describe('IPv4', () => {
  it('is dotted decimal', () => {
    expect(normaliseIpv4('198.51.100.7')).toBe('198.51.100.7');
    expect(normaliseIpv4(' 0.0.0.0 ')).toBe('0.0.0.0');
  });
  it('refuses leading zeros (octal or decimal?), out-of-range octets and other forms', () => {
    for (const bad of ['010.1.1.1', '1.2.3.04', '256.1.1.1', '1.2.3', '1.2.3.4.5', '0x7f.0.0.1', '3232235777', '1.2.3.-4', '']) {
      expect(normaliseIpv4(bad)).toBeNull();
    }
  });
  it('clears the host bits of a CIDR block; /32 is the address', () => {
    expect(normaliseIpv4('192.0.2.77/24')).toBe('192.0.2.0/24');
    expect(normaliseIpv4('10.1.2.3/8')).toBe('10.0.0.0/8');
    expect(normaliseIpv4('198.51.100.7/32')).toBe('198.51.100.7');
    expect(normaliseIpv4('0.0.0.0/0')).toBe('0.0.0.0/0');
    expect(normaliseIpv4('1.2.3.4/33')).toBeNull();
    expect(normaliseIpv4('1.2.3.4/024')).toBeNull();
  });
});

describe('IPv6 (RFC 5952)', () => {
  it.each([
    ['2001:0DB8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'], // the first of two equal runs
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'], // a single zero group is not compressed
    ['2001:db8:0:0:0:1:0:0', '2001:db8::1:0:0'], // the longest run
    ['::', '::'],
    ['::1', '::1'],
    ['0:0:0:0:0:0:0:1', '::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['::FFFF:c000:0201', '::ffff:192.0.2.1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
    ['fe80:0:0:0:1:0:0:0', 'fe80::1:0:0:0'],
    ['2001:db8:1:0:0:0:0:0', '2001:db8:1::'],
  ])('%s → %s', (input, expected) => expect(normaliseIpv6(input)).toBe(expected));

  it('refuses malformed addresses', () => {
    for (const bad of ['2001:db8::1::2', '1:2:3:4:5:6:7:8:9', '12345::', 'g::1', '1:2:3:4:5:6:7', '::1.2.3.04', 'fe80::1%eth0', '1.2.3.4']) {
      expect(normaliseIpv6(bad)).toBeNull();
    }
  });

  it('clears host bits of a block; /128 is the address', () => {
    expect(normaliseIpv6('2001:db8:abcd:12::1/48')).toBe('2001:db8:abcd::/48');
    expect(normaliseIpv6('2001:db8::1/128')).toBe('2001:db8::1');
    expect(normaliseIpv6('2001:db8::/129')).toBeNull();
  });
});

describe('CIDR', () => {
  it('takes blocks of either family and only blocks', () => {
    expect(normaliseCidr('192.0.2.9/24')).toBe('192.0.2.0/24');
    expect(normaliseCidr('2001:DB8::9/32')).toBe('2001:db8::/32');
    expect(normaliseCidr('192.0.2.9')).toBeNull();
    expect(normaliseCidr('192.0.2.9/')).toBeNull();
  });
});

describe('domains', () => {
  it('are lower-case without the trailing dot, IDN as punycode', () => {
    expect(normaliseDomain('Evil.EXAMPLE.')).toBe('evil.example');
    expect(normaliseDomain('evil[.]example')).toBe('evil.example');
    expect(normaliseDomain('例え.テスト')).toBe('xn--r8jz45g.xn--zckzah');
    expect(normaliseDomain('BÜCHER.example')).toBe('xn--bcher-kva.example');
  });
  it('refuse what is not a host name', () => {
    for (const bad of ['localhost', 'a..b', '-a.example', 'a-.example', 'has space.example', 'x.example/path', '1.2.3.4', `${'a'.repeat(64)}.example`, '']) {
      expect(normaliseDomain(bad)).toBeNull();
    }
  });
});

describe('URLs', () => {
  it.each([
    ['HTTP://Evil.Example:80/a/./b/../c?q=1#frag', 'http://evil.example/a/c?q=1'],
    ['https://evil.example:443/', 'https://evil.example/'],
    ['https://evil.example:8443/x', 'https://evil.example:8443/x'],
    ['hxxp://evil[.]example/login', 'http://evil.example/login'],
    ['http://evil.example/%7euser/%2fa%2Fb%41', 'http://evil.example/~user/%2Fa%2FbA'],
    ['http://evil.example/?a=%7e%3d', 'http://evil.example/?a=~%3D'],
    ['http://bücher.example/', 'http://xn--bcher-kva.example/'],
    ['http://EVIL.example./', 'http://evil.example/'],
    ['http://[2001:DB8::0:1]:80/', 'http://[2001:db8::1]/'],
    ['http://evil.example', 'http://evil.example/'],
  ])('%s → %s', (input, expected) => expect(normaliseUrl(input)).toBe(expected));

  it('refuses non-URLs and URLs without a host', () => {
    for (const bad of ['evil.example/path', 'mailto:a@b.example', 'not a url', 'file:///etc/passwd', 'http://']) {
      expect(normaliseUrl(bad)).toBeNull();
    }
  });
});

describe('e-mail addresses', () => {
  it('lower-case the domain and keep the local part', () => {
    expect(normaliseEmail('Boss.Name@Evil.EXAMPLE')).toBe('Boss.Name@evil.example');
    expect(normaliseEmail('bad[@]evil[.]example')).toBe('bad@evil.example');
    expect(normaliseEmail('mailto:x@Example.ORG')).toBe('x@example.org');
  });
  it('refuse what is not an address', () => {
    for (const bad of ['@evil.example', 'no-at.example', 'a@localhost', 'a b@evil.example', `${'a'.repeat(65)}@evil.example`]) expect(normaliseEmail(bad)).toBeNull();
  });
});

describe('hashes', () => {
  it('are lower-case hex, typed by length', () => {
    expect(normaliseHash('D41D8CD98F00B204E9800998ECF8427E')).toEqual({ type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e' });
    expect(normaliseHash('a'.repeat(40))?.type).toBe('sha1');
    expect(normaliseHash('B'.repeat(64))).toEqual({ type: 'sha256', value: 'b'.repeat(64) });
    expect(normaliseHash('c'.repeat(128))?.type).toBe('sha512');
  });
  it('refuse other lengths and non-hex', () => {
    expect(normaliseHash('a'.repeat(33))).toBeNull();
    expect(normaliseHash('g'.repeat(32))).toBeNull();
    expect(normaliseAs('sha256', 'a'.repeat(32))).toBeNull();
  });
});

describe('detecting the type of a searched value', () => {
  it.each([
    ['198[.]51[.]100[.]7', { type: 'ipv4', value: '198.51.100.7' }],
    ['2001:DB8::1', { type: 'ipv6', value: '2001:db8::1' }],
    ['10.0.0.5/8', { type: 'ipv4', value: '10.0.0.0/8' }],
    ['hxxps://Evil[.]example/x#y', { type: 'url', value: 'https://evil.example/x' }],
    ['A@Evil.example', { type: 'email', value: 'A@evil.example' }],
    ['EVIL.example', { type: 'domain', value: 'evil.example' }],
    ['２０３．０．１１３．７７', { type: 'ipv4', value: '203.0.113.77' }], // full-width, as typed on a Japanese keyboard
    ['ｅｖｉｌ．ｅｘａｍｐｌｅ', { type: 'domain', value: 'evil.example' }],
    ['D41D8CD98F00B204E9800998ECF8427E', { type: 'md5', value: 'd41d8cd98f00b204e9800998ecf8427e' }],
  ])('%s', (input, expected) => expect(detectObservable(input)).toEqual(expected));

  it('is null for text that names nothing', () => {
    expect(detectObservable('ransomware gang')).toBeNull();
    expect(detectObservable('010.1.1.1')).toBeNull();
  });
});
