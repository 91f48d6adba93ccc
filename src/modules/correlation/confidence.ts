// An indicator's confidence, 0–100: the source's reliability, raised by every organisation that saw it
// too, halved every half-life since it was last shown to be alive. Pure: no I/O.

export interface ConfidenceInput {
  readonly reliability: number; // 0–100: how far the source is trusted
  readonly sightings: number; // distinct organisations that saw it
  readonly lastActive: string; // the newest of the indicator's own time (modified/valid_from) and its last sighting
  readonly now: string;
  readonly halfLifeDays: number;
}

export interface Confidence {
  readonly value: number; // 0–100, an integer
  readonly reliability: number;
  readonly sightings: number;
  readonly ageDays: number;
  readonly decay: number; // 0–1
}

// Each independent sighting removes this share of the remaining doubt: 50 → 60 → 68 → 74 ...
export const SIGHTING_WEIGHT = 0.2;

const DAY_MS = 86_400_000;
const clamp = (n: number, low: number, high: number) => Math.min(high, Math.max(low, n));

export function indicatorConfidence(input: ConfidenceInput): Confidence {
  const reliability = clamp(Number.isFinite(input.reliability) ? input.reliability : 0, 0, 100);
  const sightings = Math.max(0, Math.floor(input.sightings));
  const corroborated = 1 - (1 - reliability / 100) * (1 - SIGHTING_WEIGHT) ** sightings;
  const since = Date.parse(input.lastActive);
  const now = Date.parse(input.now);
  const ageDays = Number.isFinite(since) && Number.isFinite(now) ? Math.max(0, (now - since) / DAY_MS) : 0;
  const decay = input.halfLifeDays > 0 ? 0.5 ** (ageDays / input.halfLifeDays) : 1;
  // Nothing corroborates a source trusted not at all.
  const value = reliability === 0 ? 0 : Math.round(100 * corroborated * decay);
  return { value, reliability, sightings, ageDays: Math.floor(ageDays), decay: Math.round(decay * 1000) / 1000 };
}

/**
 * The reliability of the source of an indicator: configured for its creator's identity, else the
 * confidence the producer stated on the object (STIX `confidence`), else the configured default.
 */
export function sourceReliability(
  object: { created_by_ref?: unknown; confidence?: unknown },
  config: { readonly byIdentity: ReadonlyMap<string, number>; readonly fallback: number },
): number {
  const creator = typeof object.created_by_ref === 'string' ? config.byIdentity.get(object.created_by_ref) : undefined;
  if (creator !== undefined) return creator;
  if (typeof object.confidence === 'number' && Number.isInteger(object.confidence) && object.confidence >= 0 && object.confidence <= 100) return object.confidence;
  return config.fallback;
}

/** Distinct organisations as others may see them: the number from k on, else only "fewer than k". */
export function anonymisedCount(orgs: number, k: number): { count: number | null; fewerThan: number | null } {
  return orgs >= k ? { count: orgs, fewerThan: null } : { count: null, fewerThan: k };
}
