import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contributingHash, deterministicScoId, ID_CONTRIBUTING_PROPERTIES, SCO_ID_NAMESPACE, uuidV5 } from './sco-id.js';
import { SCO_TYPES } from './stix-kinds.js';

const SHA256 = 'ef537f25c895bfa782526529a9b63d97aa631564d5d789c2b765448c8635fb6c';

describe('uuidV5', () => {
  it('matches the RFC 9562 / RFC 4122 reference value (DNS namespace, "www.example.com")', () => {
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });
});

describe('deterministicScoId', () => {
  it('computes the example of STIX 2.1 §2.9: ipv4-addr 198.51.100.3', () => {
    expect(deterministicScoId({ type: 'ipv4-addr', value: '198.51.100.3' })).toBe('ipv4-addr--28bb3599-77cd-5a82-a950-b5bc3caf07c4');
  });

  it('ignores properties that do not contribute, and the id, spec_version and markings', () => {
    const id = deterministicScoId({ type: 'email-addr', value: 'john@example.com' });
    expect(deterministicScoId({ type: 'email-addr', id: 'email-addr--x', spec_version: '2.1', value: 'john@example.com', display_name: 'John', object_marking_refs: ['x'] })).toBe(id);
    expect(deterministicScoId({ type: 'email-addr', value: 'jane@example.com' })).not.toBe(id);
  });

  // Vectors of the OASIS reference implementation (cti-python-stix2, test_deterministic_ids.py).
  it('matches the reference implementation for a file with a PE extension (nested objects, a float)', () => {
    const file = {
      type: 'file',
      name: 'example.exe',
      size: 68000,
      magic_number_hex: '50000000',
      hashes: { 'SHA-256': '841a8921140aba50671ebb0770fecc4ee308c4952cfeff8de154ab14eeef4649' },
      extensions: {
        'windows-pebinary-ext': {
          pe_type: 'exe',
          machine_hex: '014c',
          sections: [{ name: '.data', size: 4096, entropy: 7.980693, hashes: { 'SHA-256': '6e3b6f3978e5cd96ba7abee35c24e867b7e64072e2ecb22d0ee7a6e6af6894d0' } }],
        },
      },
    };
    expect(deterministicScoId(file)).toBe('file--ced31cd4-bdcb-537d-aefa-92d291bfc11d');
  });

  it('matches the reference implementation for a registry key with values', () => {
    const key = { type: 'windows-registry-key', values: [{ name: 'Foo', data: 'qwerty' }, { name: 'Bar', data: '42' }] };
    expect(deterministicScoId(key)).toBe('windows-registry-key--36594eba-bcc7-5014-9835-0e154264e588');
  });

  it('uses one hash only: the first present of MD5, SHA-1, SHA-256, SHA-512', () => {
    const sha256Only = deterministicScoId({ type: 'file', hashes: { 'SHA-256': SHA256 } });
    expect(deterministicScoId({ type: 'file', hashes: { 'SHA-512': 'a'.repeat(128), 'SHA-256': SHA256, 'x_foo': 'b' } })).toBe(sha256Only);
    expect(deterministicScoId({ type: 'file', hashes: { 'SHA-256': SHA256, MD5: '1717b7fff97d37a1e1a0029d83492de1' } })).toBe(
      deterministicScoId({ type: 'file', hashes: { MD5: '1717b7fff97d37a1e1a0029d83492de1' } }),
    );
    expect(contributingHash({ TLSH: 't', SSDEEP: 's' })).toEqual({ TLSH: 't' });
    expect(sha256Only).toBe(`file--${uuidV5(SCO_ID_NAMESPACE, `{"hashes":{"SHA-256":"${SHA256}"}}`)}`);
  });

  it('returns null for process, non-SCO and unknown types, and when no contributing property is present', () => {
    expect(deterministicScoId({ type: 'process', pid: 1 })).toBeNull();
    expect(deterministicScoId({ type: 'indicator', name: 'x' })).toBeNull();
    expect(deterministicScoId({ type: 'x-acme-thing', value: 'x' })).toBeNull();
    expect(deterministicScoId({ type: 'email-message', is_multipart: false })).toBeNull();
    expect(deterministicScoId({ type: 'file', hashes: {}, size: 3 })).toBeNull();
  });

  it('knows the contributing properties of every SCO type but process', () => {
    expect([...ID_CONTRIBUTING_PROPERTIES.keys()].sort()).toEqual(SCO_TYPES.filter((t) => t !== 'process').sort());
  });

  it('agrees with every UUIDv5 SCO id in the official examples (none of them uses one today)', () => {
    const dir = fileURLToPath(new URL('./testdata/oasis-examples/', import.meta.url));
    const files = (d: string): string[] =>
      readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? files(join(d, n)) : n.endsWith('.json') ? [join(d, n)] : []));
    let scos = 0;
    let deterministic = 0;
    for (const file of files(dir)) {
      const value = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { objects?: Record<string, unknown>[] };
      for (const o of value.objects ?? [value]) {
        if (!ID_CONTRIBUTING_PROPERTIES.has(o.type as string)) continue;
        scos++;
        const id = o.id as string;
        if (id.charAt(id.length - 22) !== '5') continue; // a UUIDv4 id: nothing to compare
        deterministic++;
        expect(deterministicScoId(o)).toBe(id);
      }
    }
    expect(scos).toBe(2);
    expect(deterministic).toBe(0);
  });
});
