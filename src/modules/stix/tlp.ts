// Traffic Light Protocol: the TLP 1.0 and 2.0 marking definitions of STIX 2.1, the level of an
// object, and where an object of each level may be placed. Pure: no I/O.

export const TLP_LEVELS = ['clear', 'green', 'amber', 'amber+strict', 'red'] as const;
export type TlpLevel = (typeof TLP_LEVELS)[number];

export interface TlpMarking {
  readonly level: TlpLevel;
  readonly tlpVersion: '1.0' | '2.0';
  readonly name: string;
}

// The well-known marking-definition ids (STIX 2.1 §7.2.1.4 for TLP 1.0; the OASIS TLP 2.0 extension).
export const TLP_MARKINGS: Readonly<Record<string, TlpMarking>> = {
  'marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9': { level: 'clear', tlpVersion: '1.0', name: 'TLP:WHITE' },
  'marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da': { level: 'green', tlpVersion: '1.0', name: 'TLP:GREEN' },
  'marking-definition--f88d31f6-486f-44da-b317-01333bde0b82': { level: 'amber', tlpVersion: '1.0', name: 'TLP:AMBER' },
  'marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed': { level: 'red', tlpVersion: '1.0', name: 'TLP:RED' },
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487': { level: 'clear', tlpVersion: '2.0', name: 'TLP:CLEAR' },
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb': { level: 'green', tlpVersion: '2.0', name: 'TLP:GREEN' },
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421': { level: 'amber', tlpVersion: '2.0', name: 'TLP:AMBER' },
  'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003': { level: 'amber+strict', tlpVersion: '2.0', name: 'TLP:AMBER+STRICT' },
  'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1': { level: 'red', tlpVersion: '2.0', name: 'TLP:RED' },
};

// The extension-definition that TLP 2.0 markings point at: a published standard, like the markings.
export const TLP_2_EXTENSION_ID = 'extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d';

// TLP 2.0 renamed WHITE to CLEAR; both spellings are accepted wherever a level is configured.
const LEVEL_NAMES: Readonly<Record<string, TlpLevel>> = {
  clear: 'clear', white: 'clear', green: 'green', amber: 'amber', 'amber+strict': 'amber+strict', red: 'red',
};

export function parseTlpLevel(text: string): TlpLevel | undefined {
  const name = text.trim().toLowerCase().replace(/^tlp:/, '');
  return Object.hasOwn(LEVEL_NAMES, name) ? LEVEL_NAMES[name] : undefined;
}

export const tlpRank = (level: TlpLevel): number => TLP_LEVELS.indexOf(level);

export const stricterOf = (a: TlpLevel, b: TlpLevel): TlpLevel => (tlpRank(a) >= tlpRank(b) ? a : b);

export function tlpOfMarking(markingId: string): TlpLevel | undefined {
  return Object.hasOwn(TLP_MARKINGS, markingId) ? TLP_MARKINGS[markingId]?.level : undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Every marking-definition id an object references, once each in order of appearance: its
 * `object_marking_refs` and the `marking_ref` of its granular markings (language markings have none).
 * Values that are not strings are skipped: the validator reports them.
 */
export function markingRefsOf(object: { object_marking_refs?: unknown; granular_markings?: unknown }): string[] {
  const refs = new Set<string>();
  if (Array.isArray(object.object_marking_refs)) for (const ref of object.object_marking_refs) if (typeof ref === 'string') refs.add(ref);
  if (Array.isArray(object.granular_markings)) {
    for (const marking of object.granular_markings) if (isRecord(marking) && typeof marking.marking_ref === 'string') refs.add(marking.marking_ref);
  }
  return [...refs];
}

function strictestOf(refs: unknown): TlpLevel | undefined {
  let level: TlpLevel | undefined;
  for (const ref of Array.isArray(refs) ? refs : []) {
    const found = typeof ref === 'string' ? tlpOfMarking(ref) : undefined;
    if (found) level = level ? stricterOf(level, found) : found;
  }
  return level;
}

/**
 * The TLP level of a STIX object: the strictest TLP marking on any part of it. A TLP marking in
 * `object_marking_refs` covers the whole object; one in `granular_markings` covers some properties,
 * and makes the whole object at least that strict (a GREEN indicator with a RED description is RED).
 * Without an object-level TLP marking, the properties no TLP marking covers count as `unmarked`. The
 * TLP marking definitions themselves (and the TLP 2.0 extension definition) are public standards, so
 * they are CLEAR wherever they travel.
 */
export function tlpOfObject(object: { id?: unknown; object_marking_refs?: unknown; granular_markings?: unknown }, unmarked: TlpLevel): TlpLevel {
  if (typeof object.id === 'string' && (Object.hasOwn(TLP_MARKINGS, object.id) || object.id === TLP_2_EXTENSION_ID)) return 'clear';
  const whole = strictestOf(object.object_marking_refs) ?? unmarked;
  const granular = Array.isArray(object.granular_markings)
    ? strictestOf(object.granular_markings.map((marking: unknown) => (isRecord(marking) ? marking.marking_ref : undefined)))
    : undefined;
  return granular ? stricterOf(whole, granular) : whole;
}

// Audiences of collections, from the widest to the narrowest.
export const AUDIENCES = ['public', 'community', 'group', 'feed', 'inbox'] as const;
export type Audience = (typeof AUDIENCES)[number];

// The most restrictive level each audience may receive. RED is never placed in any collection:
// it is shared person to person, not through a server.
const CEILING: Readonly<Record<Audience, TlpLevel>> = {
  public: 'clear',
  community: 'green',
  group: 'green',
  feed: 'amber+strict', // a member organisation's own feed: what is addressed to it
  inbox: 'amber+strict', // reaches coordinators and the sending organisation only
};

export function placementAllowed(level: TlpLevel, audience: Audience): boolean {
  return level !== 'red' && tlpRank(level) <= tlpRank(CEILING[audience]);
}
