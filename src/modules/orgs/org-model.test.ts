import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { changedFields, cleanOrgInput, cleanOrgPatch, type OrgInput } from './org-model.js';

const input = (overrides: Partial<OrgInput> = {}): OrgInput => ({
  nameJa: '安心商事',
  nameEn: 'Anshin Trading',
  aliases: [],
  sector: 'jsic-i',
  sizeBand: '21-100',
  prefecture: '13',
  status: 'active',
  domains: [],
  ipRanges: [],
  contacts: [],
  ...overrides,
});

const codeOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return undefined;
};

describe('cleanOrgInput', () => {
  it('trims names, drops duplicate aliases regardless of case, normalises domains and ranges', () => {
    const clean = cleanOrgInput(input({
      nameEn: '  Anshin Trading ',
      aliases: ['ACME', 'acme ', 'Anshin'],
      domains: ['Example.com', 'example.com'],
      ipRanges: ['192.0.2.9/24'],
      contacts: [{ kind: 'security', name: ' CSIRT ', email: ' csirt@example.com ', phone: '' }],
    }));
    expect(clean).toMatchObject({
      nameEn: 'Anshin Trading',
      aliases: ['ACME', 'Anshin'],
      domains: ['example.com'],
      ipRanges: ['192.0.2.0/24'],
      contacts: [{ kind: 'security', name: 'CSIRT', email: 'csirt@example.com' }],
    });
    expect(clean.contacts[0]).not.toHaveProperty('phone');
  });

  // The HTTP schema checks these first; the CLI has no schema, so the model checks them too.
  it.each([
    [{ sector: 'jsic-z' }, 'validation_failed'],
    [{ sizeBand: '2-3' }, 'validation_failed'],
    [{ prefecture: '48' }, 'validation_failed'],
    [{ status: 'gone' as OrgInput['status'] }, 'validation_failed'],
    [{ nameJa: '   ' }, 'validation_failed'],
    [{ nameEn: 'x'.repeat(201) }, 'validation_failed'],
    [{ aliases: Array.from({ length: 51 }, (_, i) => `a${i}`) }, 'validation_failed'],
    [{ domains: Array.from({ length: 201 }, (_, i) => `d${i}.example`) }, 'validation_failed'],
    [{ contacts: [{ kind: 'nobody', name: 'X' }] }, 'validation_failed'],
    [{ domains: ['ok.example', 'bad..example'] }, 'invalid_domain'],
    [{ ipRanges: ['10.0.0.0/33'] }, 'invalid_cidr'],
  ])('rejects %j with %s', (overrides, code) => {
    expect(codeOf(() => cleanOrgInput(input(overrides)))).toBe(code);
  });
});

describe('changedFields', () => {
  const current = cleanOrgInput(input({ domains: ['a.example', 'b.example'], contacts: [{ kind: 'general', name: 'Desk' }] }));

  it('ignores fields sent with their current value, and the order of domains', () => {
    expect(changedFields(current, cleanOrgPatch({ ...current, domains: ['b.example', 'A.example'] }))).toEqual([]);
  });

  it('names the fields whose values differ', () => {
    const patch = cleanOrgPatch({ nameEn: 'New', status: 'suspended', contacts: [], ipRanges: ['192.0.2.0/24'] });
    expect(changedFields(current, patch)).toEqual(['nameEn', 'status', 'ipRanges', 'contacts']);
  });
});
