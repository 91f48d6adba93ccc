// k-anonymity for a published victim profile: the least generalised (sector, size, prefecture) that
// at least k member organisations share, so that a reader cannot narrow the victim down below k. Pure.
import { generaliseCode, TOP_LEVEL, VICTIM_ATTRIBUTES, type VictimAttribute } from './victim-hierarchy.js';

export type VictimProfile = Readonly<Record<VictimAttribute, string>>;
export type Levels = Readonly<Record<VictimAttribute, number>>;

export interface Generalisation {
  /** The published codes: exact codes, group codes, or "*" for withheld. */
  readonly profile: VictimProfile;
  readonly levels: Levels;
  /** How many member organisations share the published combination (the victim included). */
  readonly k: number;
  /** Whether k reached the threshold; false only when the whole community is smaller than the threshold. */
  readonly satisfied: boolean;
  /** The attributes published less precisely than they are. */
  readonly generalised: readonly VictimAttribute[];
}

// When two choices lose as much, keep the sector (what readers act on) and give up location first.
const TIE_ORDER: Readonly<Record<VictimAttribute, number>> = { sector: 2, sizeBand: 1, prefecture: 0 };

function* allLevels(): Generator<Levels> {
  for (let sector = 0; sector <= TOP_LEVEL; sector++) {
    for (let sizeBand = 0; sizeBand <= TOP_LEVEL; sizeBand++) {
      for (let prefecture = 0; prefecture <= TOP_LEVEL; prefecture++) yield { sector, sizeBand, prefecture };
    }
  }
}

const generalise = (profile: VictimProfile, levels: Levels): VictimProfile => ({
  sector: generaliseCode('sector', profile.sector, levels.sector),
  sizeBand: generaliseCode('sizeBand', profile.sizeBand, levels.sizeBand),
  prefecture: generaliseCode('prefecture', profile.prefecture, levels.prefecture),
});

const loss = (levels: Levels): number => VICTIM_ATTRIBUTES.reduce((sum, a) => sum + levels[a], 0);
const tieScore = (levels: Levels): number => VICTIM_ATTRIBUTES.reduce((sum, a) => sum + levels[a] * TIE_ORDER[a], 0);

function shareCount(published: VictimProfile, levels: Levels, population: readonly VictimProfile[]): number {
  let count = 0;
  for (const org of population) {
    if (VICTIM_ATTRIBUTES.every((a) => generaliseCode(a, org[a], levels[a]) === published[a])) count++;
  }
  return count;
}

/**
 * The published profile of a victim among the community's member organisations (`population`,
 * which includes the victim). Tries every combination of levels and keeps the one that loses the
 * least while at least `k` organisations share it; with fewer than `k` members in all, everything is
 * withheld and `satisfied` is false.
 */
export function generaliseVictim(victim: VictimProfile, population: readonly VictimProfile[], k: number): Generalisation {
  let best: { levels: Levels; profile: VictimProfile; count: number } | undefined;
  for (const levels of allLevels()) {
    const profile = generalise(victim, levels);
    const count = shareCount(profile, levels, population);
    if (count < k) continue;
    const better = !best || loss(levels) < loss(best.levels) || (loss(levels) === loss(best.levels) && tieScore(levels) < tieScore(best.levels));
    if (better) best = { levels, profile, count };
  }
  const top: Levels = { sector: TOP_LEVEL, sizeBand: TOP_LEVEL, prefecture: TOP_LEVEL };
  const chosen = best ?? { levels: top, profile: generalise(victim, top), count: population.length };
  return {
    profile: chosen.profile,
    levels: chosen.levels,
    k: chosen.count,
    satisfied: chosen.count >= k,
    generalised: VICTIM_ATTRIBUTES.filter((a) => chosen.profile[a] !== victim[a]),
  };
}
