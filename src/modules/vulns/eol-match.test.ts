import { describe, expect, it } from 'vitest';
import { fixedVersionOf } from './asset-evaluation.js';
import { eolProductFor, eolState, pickCycle, supportedCycle, type EolCycleInfo } from './eol-match.js';
import { vulnPriority, eolPriority } from './priority.js';

const cycle = (name: string, eolDate: string | null, eolFlag = false): EolCycleInfo => ({ cycle: name, label: null, eolDate, eolFlag, latest: null });
const fortios = [cycle('7.4', '2026-11-11'), cycle('7.2', '2025-09-30'), cycle('7.20', '2030-01-01'), cycle('6.0', null, true), cycle('7.6', '2028-01-25')];
const windows = [cycle('11-23h2-w', '2025-11-11'), cycle('11-23h2-e', '2026-11-10'), cycle('10-22h2', '2025-10-14')];

describe('pickCycle', () => {
  it('takes the longest cycle the version starts with at a separator', () => {
    expect(pickCycle(fortios, '7.2.4')?.cycle).toBe('7.2');
    expect(pickCycle(fortios, '7.20.1')?.cycle).toBe('7.20');
    expect(pickCycle(fortios, '7.2')?.cycle).toBe('7.2');
    expect(pickCycle(fortios, '7.21.0')).toBeNull();
    expect(pickCycle(fortios, '')).toBeNull();
    expect(pickCycle(fortios, '*')).toBeNull();
  });
  it('takes an alias\'s cycle, and among its editions the one supported longest', () => {
    expect(eolProductFor('windows_11_23h2')).toEqual({ product: 'windows', cycle: '11-23h2' });
    expect(eolProductFor('qnap_qts')).toEqual({ product: 'qnap-qts' });
    expect(pickCycle(windows, 'anything', '11-23h2')?.cycle).toBe('11-23h2-e');
    expect(pickCycle(windows, '', '10-22h2')?.cycle).toBe('10-22h2');
    expect(pickCycle(windows, '', '10-21h2')).toBeNull();
  });
});

describe('eolState', () => {
  const now = new Date('2025-08-01T00:00:00Z');
  it('is passed on or after the date or when stated, soon within 90 days, otherwise nothing', () => {
    expect(eolState(cycle('a', '2025-08-01'), now)).toBe('passed');
    expect(eolState(cycle('a', null, true), now)).toBe('passed');
    expect(eolState(cycle('a', '2025-09-30'), now)).toBe('soon');
    expect(eolState(cycle('a', '2025-10-30'), now)).toBe('soon');
    expect(eolState(cycle('a', '2025-10-31'), now)).toBeNull();
    expect(eolState(cycle('a', null), now)).toBeNull();
  });
  it('suggests the cycle supported longest', () => {
    expect(supportedCycle(fortios, now)?.cycle).toBe('7.20');
  });
});

describe('priority', () => {
  it('puts any KEV finding above every other', () => {
    const kevLow = vulnPriority({ kev: true, epss: 0, cvss: 0, internetFacing: false });
    const worstOther = vulnPriority({ kev: false, epss: 1, cvss: 10, internetFacing: true });
    expect(kevLow).toBeGreaterThan(worstOther);
    expect(kevLow).toBeGreaterThan(eolPriority({ state: 'passed', internetFacing: true }));
    expect(vulnPriority({ kev: false, epss: 0.5, cvss: 5, internetFacing: false })).toBe(150);
    expect(eolPriority({ state: 'soon', internetFacing: false })).toBeLessThan(eolPriority({ state: 'passed', internetFacing: false }));
  });
  it('reads the fixed version from the range that decided', () => {
    expect(fixedVersionOf('>=7.2.0 <7.2.7')).toBe('7.2.7');
    expect(fixedVersionOf('<=7.2.6')).toBeNull();
    expect(fixedVersionOf('=8.0.6001')).toBeNull();
  });
});
