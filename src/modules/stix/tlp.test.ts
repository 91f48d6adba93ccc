import { describe, expect, it } from 'vitest';
import {
  AUDIENCES, markingRefsOf, parseTlpLevel, placementAllowed, stricterOf, TLP_2_EXTENSION_ID, TLP_MARKINGS, tlpOfMarking, tlpOfObject,
  type Audience, type TlpLevel,
} from './tlp.js';

const TLP1 = {
  white: 'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9',
  green: 'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da',
  amber: 'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82',
  red: 'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed',
};
const TLP2 = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  amberStrict: 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};
const indicator = (refs?: unknown) => ({ type: 'indicator', id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', object_marking_refs: refs });

describe('TLP marking definitions', () => {
  it('maps every TLP 1.0 and 2.0 marking-definition id to its level', () => {
    expect([TLP1.white, TLP1.green, TLP1.amber, TLP1.red].map(tlpOfMarking)).toEqual(['clear', 'green', 'amber', 'red']);
    expect([TLP2.clear, TLP2.green, TLP2.amber, TLP2.amberStrict, TLP2.red].map(tlpOfMarking))
      .toEqual(['clear', 'green', 'amber', 'amber+strict', 'red']);
    expect(Object.keys(TLP_MARKINGS)).toHaveLength(9);
  });

  it('knows no other marking as TLP', () => {
    expect(tlpOfMarking('marking-definition--00000000-0000-4000-8000-000000000000')).toBeUndefined();
    expect(tlpOfMarking('toString')).toBeUndefined();
  });

  it('parses configured levels, WHITE as CLEAR, case-insensitively', () => {
    expect(['clear', 'WHITE', 'tlp:green', 'Amber', 'amber+strict', 'RED'].map(parseTlpLevel))
      .toEqual(['clear', 'clear', 'green', 'amber', 'amber+strict', 'red']);
    expect(parseTlpLevel('orange')).toBeUndefined();
    expect(parseTlpLevel('__proto__')).toBeUndefined();
  });
});

describe('the level of an object', () => {
  it('is the strictest TLP marking it carries', () => {
    expect(tlpOfObject(indicator([TLP2.green, TLP2.amber]), 'clear')).toBe('amber');
    expect(tlpOfObject(indicator([TLP1.red, TLP2.clear]), 'clear')).toBe('red');
    expect(tlpOfObject(indicator([TLP2.amberStrict, TLP1.amber]), 'clear')).toBe('amber+strict');
    expect(tlpOfObject(indicator([TLP1.white]), 'amber')).toBe('clear');
  });

  it('ignores markings that are not TLP, and falls back to the default when no TLP marking is present', () => {
    const other = 'marking-definition--11111111-1111-4111-8111-111111111111';
    expect(tlpOfObject(indicator([other, TLP2.green]), 'amber')).toBe('green');
    expect(tlpOfObject(indicator([other]), 'amber')).toBe('amber');
    expect(tlpOfObject(indicator(), 'amber')).toBe('amber');
    expect(tlpOfObject(indicator('not a list'), 'red')).toBe('red');
    expect(tlpOfObject(indicator([42, null]), 'green')).toBe('green');
  });

  it('treats the TLP marking definitions and the TLP 2.0 extension themselves as CLEAR', () => {
    expect(tlpOfObject({ id: TLP2.red }, 'amber')).toBe('clear');
    expect(tlpOfObject({ id: TLP1.amber }, 'amber')).toBe('clear');
    expect(tlpOfObject({ id: TLP_2_EXTENSION_ID }, 'amber')).toBe('clear');
  });

  it('counts granular markings: a TLP marking on any part makes the whole object that strict (issue 17)', () => {
    const partly = (objectRefs: unknown, granular: unknown) => ({ ...indicator(objectRefs), description: 'x', granular_markings: granular });
    expect(tlpOfObject(partly([TLP2.green], [{ marking_ref: TLP2.red, selectors: ['description'] }]), 'clear')).toBe('red');
    expect(tlpOfObject(partly([TLP1.green], [{ marking_ref: TLP1.amber, selectors: ['description'] }]), 'clear')).toBe('amber');
    expect(tlpOfObject(partly([TLP2.amber], [{ marking_ref: TLP2.green, selectors: ['description'] }]), 'clear')).toBe('amber');
    expect(tlpOfObject(partly([TLP2.clear], [{ marking_ref: TLP2.amberStrict, selectors: ['description'] }, { lang: 'ja', selectors: ['name'] }]), 'clear'))
      .toBe('amber+strict');
  });

  it('counts the parts that no TLP marking covers as the default when only granular markings carry TLP', () => {
    const granularOnly = (ref: string) => ({ ...indicator(), description: 'x', granular_markings: [{ marking_ref: ref, selectors: ['description'] }] });
    expect(tlpOfObject(granularOnly(TLP2.clear), 'amber')).toBe('amber');
    expect(tlpOfObject(granularOnly(TLP2.red), 'green')).toBe('red');
    expect(tlpOfObject({ ...indicator([TLP2.green]), granular_markings: 'not a list' }, 'amber')).toBe('green');
    expect(tlpOfObject({ ...indicator([TLP2.green]), granular_markings: [null, 42, { marking_ref: 7 }] }, 'amber')).toBe('green');
  });

  it('orders levels by strictness', () => {
    expect(stricterOf('green', 'amber')).toBe('amber');
    expect(stricterOf('amber+strict', 'amber')).toBe('amber+strict');
    expect(stricterOf('red', 'clear')).toBe('red');
  });
});

describe('the markings an object references', () => {
  it('lists object_marking_refs and granular marking_refs once each, in order, and nothing else', () => {
    const statement = 'marking-definition--11111111-1111-4111-8111-111111111111';
    expect(markingRefsOf({
      object_marking_refs: [TLP2.green, statement, 42],
      granular_markings: [{ marking_ref: TLP2.red, selectors: ['description'] }, { lang: 'ja', selectors: ['name'] }, { marking_ref: statement, selectors: ['name'] }],
    })).toEqual([TLP2.green, statement, TLP2.red]);
    expect(markingRefsOf({})).toEqual([]);
    expect(markingRefsOf({ object_marking_refs: 'x', granular_markings: {} })).toEqual([]);
  });
});

describe('placement', () => {
  const allowed: Record<TlpLevel, Audience[]> = {
    clear: ['public', 'community', 'group', 'feed', 'inbox'],
    green: ['community', 'group', 'feed', 'inbox'],
    amber: ['feed', 'inbox'],
    'amber+strict': ['feed', 'inbox'],
    red: [],
  };

  for (const [level, audiences] of Object.entries(allowed) as Array<[TlpLevel, Audience[]]>) {
    it(`places TLP:${level.toUpperCase()} only in ${audiences.join(', ') || 'no collection'}`, () => {
      expect(AUDIENCES.filter((audience) => placementAllowed(level, audience))).toEqual(audiences);
    });
  }
});
