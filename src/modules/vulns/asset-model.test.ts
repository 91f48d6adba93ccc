import { describe, expect, it } from 'vitest';
import { registeredAddress } from './asset-address.js';
import { checkAsset } from './asset-model.js';

describe('checkAsset', () => {
  it('normalises what a person typed and accepts a valid CPE and purl', () => {
    const { asset, issues } = checkAsset({
      category: 'web_cms', vendor: ' WordPress ', product: 'WordPress', version: '6.2', purl: 'pkg:composer/johnpbloch/wordpress@6.2', cpe: 'cpe:2.3:a:wordpress:wordpress:6.2:*:*:*:*:*:*:*',
      notes: '1行目\n2行目',
    });
    expect(issues).toEqual([]);
    expect(asset).toMatchObject({ vendor: 'WordPress', internetFacing: false, exposedAddress: null, shareWithDesk: false, notes: '1行目\n2行目' });
  });

  it('refuses control characters, line breaks outside notes and over-long fields', () => {
    const { issues } = checkAsset({ category: 'nas', vendor: 'QNAP\u0000', product: 'QTS\nx', version: '9'.repeat(101), owner: 'a\u0007' });
    expect(issues).toEqual([
      { field: 'vendor', problem: 'invalid' }, { field: 'product', problem: 'invalid' }, { field: 'version', problem: 'too_long' }, { field: 'owner', problem: 'invalid' },
    ]);
  });
});

describe('registeredAddress', () => {
  const registered = { domains: ['example.jp', 'xn--wgv71a.jp'], ipRanges: ['203.0.113.0/24', '2001:db8::/32'] };
  it('accepts registered domains, hosts under them and addresses or ranges inside registered ranges', () => {
    expect(registeredAddress('VPN.Example.JP', registered)).toBe('vpn.example.jp');
    expect(registeredAddress('www.日本.jp', registered)).toBe('www.xn--wgv71a.jp');
    expect(registeredAddress('203.0.113.7', registered)).toBe('203.0.113.7');
    expect(registeredAddress('203.0.113.128/25', registered)).toBe('203.0.113.128/25');
    expect(registeredAddress('2001:db8::1', registered)).toBe('2001:db8::1');
  });
  it('refuses anything else', () => {
    for (const value of ['example.com', 'badexample.jp', '203.0.114.1', '203.0.112.0/23', '10.0.0.1', 'not an address', '2001:db9::1']) {
      expect(registeredAddress(value, registered)).toBeNull();
    }
  });
});
