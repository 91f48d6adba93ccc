import { describe, expect, it } from 'vitest';
import { matchCpeCriterion } from './cpe-criterion.js';
import {
  type CpeValue, compareAttribute, cpeCovers, cpeFromFields, CpeSyntaxError, formatCpe, parseCpe, tryParseCpe,
} from './cpe.js';

const value = (text: string, lead = '', trail = ''): CpeValue => ({ kind: 'value', text, lead, trail });
const ANY: CpeValue = { kind: 'any' };
const NA: CpeValue = { kind: 'na' };

describe('parseCpe (formatted string binding)', () => {
  it('reads every attribute, ANY and NA, lower-casing values', () => {
    const name = parseCpe('cpe:2.3:a:Microsoft:Internet_Explorer:8.0.6001:beta:*:*:*:*:*:*');
    expect(name.vendor).toEqual(value('microsoft'));
    expect(name.product).toEqual(value('internet_explorer'));
    expect(name.version).toEqual(value('8.0.6001'));
    expect(name.update).toEqual(value('beta'));
    expect(name.edition).toEqual(ANY);
    expect(parseCpe('cpe:2.3:o:fortinet:fortios:-:*:*:*:*:*:*:*').version).toEqual(NA);
  });

  it('unescapes quoted characters, including a quoted colon, hyphen and asterisk', () => {
    const name = parseCpe('cpe:2.3:a:foo\\:bar:baz\\!qux:1.0\\(1\\):*:*:*:*:*:*:*');
    expect(name.vendor).toEqual(value('foo:bar'));
    expect(name.product).toEqual(value('baz!qux'));
    expect(name.version).toEqual(value('1.0(1)'));
    expect(parseCpe('cpe:2.3:a:x:y:\\-:*:*:*:*:*:*:*').version).toEqual(value('-'));
    expect(parseCpe('cpe:2.3:a:x:y:\\*:*:*:*:*:*:*:*').version).toEqual(value('*'));
  });

  it('keeps wildcards at the ends of a value and rejects them inside', () => {
    expect(parseCpe('cpe:2.3:a:x:y:8.0.*:*:*:*:*:*:*:*').version).toEqual(value('8.0.', '', '*'));
    expect(parseCpe('cpe:2.3:a:x:y:??1:*:*:*:*:*:*:*').version).toEqual(value('1', '??'));
    expect(() => parseCpe('cpe:2.3:a:x:y:8.*.1:*:*:*:*:*:*:*')).toThrow(CpeSyntaxError);
    expect(() => parseCpe('cpe:2.3:a:x:y:**1:*:*:*:*:*:*:*')).toThrow(CpeSyntaxError);
  });

  it('rejects what is not a CPE 2.3 formatted string', () => {
    for (const bad of [
      'cpe:/a:microsoft:internet_explorer:8.0.6001', // CPE 2.2 URI
      'cpe:2.3:a:microsoft:internet_explorer:8.0.6001:*:*:*:*:*:*', // 10 components
      'cpe:2.3:a:microsoft:internet_explorer:8.0.6001:*:*:*:*:*:*:*:*', // 12
      'cpe:2.3:x:microsoft:internet_explorer:8.0.6001:*:*:*:*:*:*:*', // part
      'cpe:2.3:a:microsoft::8.0.6001:*:*:*:*:*:*:*', // empty product
      'cpe:2.3:a:micro soft:ie:8:*:*:*:*:*:*:*', // white space
      'cpe:2.3:a:microsoft:ie:8:*:*:*:*:*:*:*\\', // dangling backslash
    ]) {
      expect(tryParseCpe(bad), bad).toBeNull();
    }
  });

  it('formats back to a canonical string', () => {
    expect(formatCpe(parseCpe('cpe:2.3:a:Foo\\:Bar:baz:1.0\\(1\\):*:*:*:*:*:*:*')))
      .toBe('cpe:2.3:a:foo\\:bar:baz:1.0\\(1\\):*:*:*:*:*:*:*');
    expect(formatCpe(parseCpe('cpe:2.3:a:x:y:\\-:-:*:*:*:*:*:*'))).toBe('cpe:2.3:a:x:y:\\-:-:*:*:*:*:*:*');
  });
});

describe('compareAttribute (NISTIR 7696 Table 6-2)', () => {
  const cases: Array<[CpeValue, CpeValue, string]> = [
    [ANY, ANY, 'EQUAL'], [ANY, NA, 'SUPERSET'], [ANY, value('x'), 'SUPERSET'], [ANY, value('x', '*'), 'SUPERSET'],
    [NA, ANY, 'SUBSET'], [NA, NA, 'EQUAL'], [NA, value('x'), 'DISJOINT'], [NA, value('x', '*'), 'DISJOINT'],
    [value('x'), ANY, 'SUBSET'], [value('x'), NA, 'DISJOINT'], [value('x'), value('x'), 'EQUAL'],
    [value('x'), value('y'), 'DISJOINT'], [value('x'), value('x', '*'), 'UNDEFINED'],
    [value('8.0.', '', '*'), value('8.0.6001'), 'SUPERSET'], [value('8.0.', '', '*'), value('8.1'), 'DISJOINT'],
    [value('8.0.', '', '?'), value('8.0.1'), 'SUPERSET'], [value('8.0.', '', '?'), value('8.0.12'), 'DISJOINT'],
    [value('8.0.', '', '*'), ANY, 'SUBSET'], [value('8.0.', '', '*'), NA, 'DISJOINT'],
  ];
  for (const [source, target, relation] of cases) {
    it(`${JSON.stringify(source)} vs ${JSON.stringify(target)} is ${relation}`, () => {
      expect(compareAttribute(source, target)).toBe(relation);
    });
  }

  it('name matching needs every attribute to be SUPERSET or EQUAL', () => {
    const criterion = parseCpe('cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*');
    expect(cpeCovers(criterion, parseCpe('cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*'))).toBe(true);
    expect(cpeCovers(criterion, parseCpe('cpe:2.3:a:microsoft:internet_explorer:8.0.6001:*:*:*:*:*:*:*'))).toBe(false);
  });
});

describe('cpeFromFields', () => {
  it('builds a name from typed fields, with empty fields as ANY', () => {
    const name = cpeFromFields({ vendor: ' Fortinet ', product: 'FortiOS', version: '7.2.4' });
    expect(formatCpe(name)).toBe('cpe:2.3:*:fortinet:fortios:7.2.4:*:*:*:*:*:*:*');
    expect(cpeFromFields({ vendor: 'Trend Micro', product: 'Apex One' }).vendor).toEqual(value('trend_micro'));
    expect(cpeFromFields({ vendor: 'x', product: 'y', version: '' }).version).toEqual(ANY);
    expect(() => cpeFromFields({ part: 'z', vendor: 'x', product: 'y' })).toThrow(CpeSyntaxError);
  });

  it('lets the asset omit the part, but not contradict it', () => {
    const criterion = { criteria: 'cpe:2.3:o:fortinet:fortios:7.2.4:*:*:*:*:*:*:*' };
    expect(matchCpeCriterion(cpeFromFields({ vendor: 'fortinet', product: 'fortios', version: '7.2.4' }), criterion).affected).toBe(true);
    expect(matchCpeCriterion(cpeFromFields({ part: 'a', vendor: 'fortinet', product: 'fortios', version: '7.2.4' }), criterion))
      .toEqual({ affected: false, detail: 'different_product', attribute: 'part' });
  });
});
