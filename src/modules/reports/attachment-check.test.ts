import { describe, expect, it } from 'vitest';
import { checkAttachment, cleanFilename, hashesOf } from './attachment-check.js';
import { emlIndicators, isPublicIp } from './eml-indicators.js';

describe('attachment checks', () => {
  it('accepts what the name and bytes agree on', () => {
    expect(checkAttachment('a.PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1]), false).kind).toBe('png');
    expect(checkAttachment('a.jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), false).kind).toBe('jpeg');
    expect(checkAttachment('x.csv', Buffer.from('a,b\n1,2'), false).kind).toBe('csv');
    expect(checkAttachment('x.json', Buffer.from('{"a":1}'), false).kind).toBe('json');
    expect(checkAttachment('malware.bin', Buffer.from([0, 1, 2]), true)).toEqual({ kind: 'sample', text: null });
  });

  it('refuses mismatches, unknown types and bad names', () => {
    expect(() => checkAttachment('page.html', Buffer.from('<script>'), false)).toThrow('attachment_type_not_allowed');
    expect(() => checkAttachment('noext', Buffer.from('x'), false)).toThrow('attachment_type_not_allowed');
    expect(() => checkAttachment('a.png', Buffer.from('GIF89a'), false)).toThrow('attachment_invalid');
    expect(() => cleanFilename('../../')).toThrow('attachment_invalid');
    expect(cleanFilename('C:\\logs\\fw"1".log')).toBe('fw1.log');
    // A right-to-left override would show "invoice\u202Efdp.exe" as "invoiceexe.pdf"; isolates and marks go too.
    expect(cleanFilename('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFilename('\u2067請求書\u2069\u200F.pdf\u0085')).toBe('請求書.pdf');
  });

  it('hashes with SHA-256, SHA-1 and MD5', () => {
    expect(hashesOf(Buffer.from('abc'))).toEqual({
      sha256: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
      sha1: 'a9993e364706816aba3e25717850c26c9cd0d89d',
      md5: '900150983cd24fb0d6963f7d28e17f72',
    });
  });
});

describe('e-mail indicators', () => {
  it('reads folded headers, public hops only, IPv6 hops and quoted-printable URLs', () => {
    const eml = 'Received: from a (a [2001:db8:1::5])\n  by b\nReceived: from c ([192.168.1.2]) by d\nFrom: X <x@bad.example>\nMessage-ID: <1@bad.example>\n\nsee http://bad.example/very-long=\n-path.\n';
    const values = emlIndicators(eml).map((i) => `${i.type}:${i.value}:${i.source}`);
    expect(values).toEqual([
      'ipv6-addr:2001:db8:1::5:received', 'email-addr:x@bad.example:from', 'domain-name:bad.example:message-id', 'url:http://bad.example/very-long-path:body',
    ]);
  });

  it('tells public from private addresses', () => {
    expect(['8.8.8.8', '203.0.113.9'].map(isPublicIp)).toEqual([true, true]);
    expect(['10.1.1.1', '172.16.0.1', '192.168.0.1', '127.0.0.1', '169.254.1.1', '100.64.0.1', 'fe80::1', 'fd00::1', '999.1.1.1'].map(isPublicIp)).toEqual(Array(9).fill(false));
  });
});
