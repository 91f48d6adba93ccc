import { describe, expect, it } from 'vitest';
import { codesOf, PREFECTURES, SECTORS, SIZE_BANDS } from '../orgs/org-reference.js';
import { generaliseVictim, type VictimProfile } from './k-anonymity.js';
import { ANY, groupLabel, ungroupedCodes } from './victim-hierarchy.js';

const org = (sector: string, sizeBand: string, prefecture: string): VictimProfile => ({ sector, sizeBand, prefecture });
const times = (n: number, profile: VictimProfile): VictimProfile[] => Array.from({ length: n }, () => profile);

describe('generaliseVictim', () => {
  it('publishes the exact profile when at least k organisations share it', () => {
    const victim = org('jsic-p', '101-300', '13');
    const result = generaliseVictim(victim, [...times(5, victim), org('jsic-e', '1-20', '27')], 5);
    expect(result).toMatchObject({ profile: victim, k: 5, satisfied: true, generalised: [] });
  });

  it('gives up the prefecture before the sector when that is enough', () => {
    const victim = org('jsic-p', '101-300', '13'); // Tokyo
    const population = [victim, ...times(4, org('jsic-p', '101-300', '11'))]; // the rest in Saitama, also Kanto
    const result = generaliseVictim(victim, population, 5);
    expect(result.profile).toEqual({ sector: 'jsic-p', sizeBand: '101-300', prefecture: 'region-kanto' });
    expect(result.generalised).toEqual(['prefecture']);
    expect(result.k).toBe(5);
  });

  it('generalises several attributes and never publishes a combination fewer than k share', () => {
    const victim = org('jsic-e', '1-20', '01');
    const population = [
      victim,
      org('jsic-d', '21-100', '13'), org('jsic-e', '101-300', '27'), org('jsic-d', '1-20', '40'), org('jsic-e', '21-100', '04'),
      org('jsic-p', '5001+', '13'),
    ];
    const result = generaliseVictim(victim, population, 5);
    expect(result.profile).toEqual({ sector: 'group-industry', sizeBand: 'size-sme', prefecture: ANY });
    expect(result.k).toBe(5);
    expect(result.generalised).toEqual(['sector', 'sizeBand', 'prefecture']);
  });

  it('withholds everything when the community is smaller than k, and says so', () => {
    const victim = org('jsic-s', '301-1000', '26');
    const result = generaliseVictim(victim, [victim, org('jsic-p', '1-20', '13')], 5);
    expect(result).toMatchObject({ profile: { sector: ANY, sizeBand: ANY, prefecture: ANY }, k: 2, satisfied: false });
  });

  it('counts exactly the organisations that share the published combination', () => {
    const victim = org('jsic-g', '21-100', '27');
    const population = [victim, ...times(3, org('jsic-g', '21-100', '28')), ...times(10, org('jsic-e', '5001+', '01'))];
    const result = generaliseVictim(victim, population, 4);
    expect(result.profile.prefecture).toBe('region-kinki');
    expect(result.k).toBe(4);
  });
});

describe('victim hierarchy', () => {
  it('places every sector, size band and prefecture code in a group', () => {
    expect(ungroupedCodes('sector', codesOf(SECTORS))).toEqual([]);
    expect(ungroupedCodes('sizeBand', codesOf(SIZE_BANDS))).toEqual([]);
    expect(ungroupedCodes('prefecture', codesOf(PREFECTURES))).toEqual([]);
  });

  it('labels groups in Japanese and English', () => {
    expect(groupLabel('region-kanto')).toMatchObject({ ja: '関東地方', en: 'Kanto region' });
    expect(groupLabel(ANY)).toMatchObject({ en: 'withheld' });
    expect(groupLabel('jsic-e')).toBeUndefined();
  });
});
