// What the platform already knows is the member's: its people (users' and contacts' names and addresses), the values
// coordinators taught the detector for it, and its own names. Each is found in any spelling a reader would recognise
// (variants.ts: width, case, spacing, invisible characters, look-alike letters, katakana for hiragana). A person's name
// is also found by its parts ("山本" of "山本 太郎", "Okafor" of "Mark Okafor"), since reports name people by surname,
// and a Japanese value by its reading too (ヤマモト for 山本), once the analyser is loaded.
import { isOrdinaryWord } from './data/name-lexicon.js';
import { readingOf, readingSkeleton } from './reading.js';
import { findVariants, searchable, skeletonOf } from './variants.js';
import type { Candidate, OrgProfile, SensitiveLabel } from './types.js';

interface Known {
  readonly value: string;
  readonly label: SensitiveLabel;
  readonly reason: 'member_known_name' | 'remembered_value' | 'victim_profile_name';
}

const JAPANESE = /[\u3040-\u30ff\u3400-\u9fff]/u;

// The readings of known values, kept: the same organisation's names come with every report, and analysing them anew
// would also push the report itself out of the analyser's cache of recent texts.
const sounds = new Map<string, string>();
const SOUNDS_KEPT = 5000;
function soundOf(value: string): string {
  let sound = sounds.get(value);
  if (sound === undefined) {
    if (sounds.size >= SOUNDS_KEPT) sounds.clear();
    sound = readingOf(value);
    sounds.set(value, sound);
  }
  return sound;
}

// Display names are not always names ("情報システム部 管理者", "IT Desk"): words of a role, a department or the
// dictionary are no person's, and matching them would redact (and refuse to publish) ordinary words.
const NOT_A_NAME_JA = /(?:部|課|室|係|班|局|所|者|担当|管理|システム|センター|チーム|グループ|窓口|事務|総務|経理|人事|情報|受付|本部|支店)$/u;

/** A person's display name and, when it has several words, those of its words that can be a name. */
export function namesOfPerson(name: string): string[] {
  const whole = name.trim();
  const parts = whole.split(/[\s\u3000]+/u).filter((p) => !NOT_A_NAME_JA.test(p) && !(/^[A-Za-z]+$/.test(p) && isOrdinaryWord(p.toLowerCase())));
  if (/[\s\u3000]/u.test(whole)) return parts.length > 0 ? [whole, ...parts] : [];
  return !NOT_A_NAME_JA.test(whole) && !(/^[A-Za-z]+$/.test(whole) && isOrdinaryWord(whole.toLowerCase())) ? [whole] : [];
}

function knownValues(org: OrgProfile): Known[] {
  const out: Known[] = [];
  for (const name of org.people ?? []) for (const value of namesOfPerson(name)) out.push({ value, label: 'PERSON', reason: 'member_known_name' });
  for (const value of org.emails ?? []) out.push({ value, label: 'EMAIL', reason: 'member_known_name' });
  for (const r of org.remembered ?? []) out.push({ value: r.value, label: r.label, reason: 'remembered_value' });
  for (const value of [org.name ?? '', ...(org.aliases ?? [])]) out.push({ value, label: 'VICTIM_ORG', reason: 'victim_profile_name' });
  return out.filter((k) => searchable(k.value));
}

export function detectKnown(text: string, org: OrgProfile): Candidate[] {
  const known = knownValues(org);
  if (known.length === 0) return [];
  const haystack = skeletonOf(text);
  const heard = JAPANESE.test(text) ? readingSkeleton(text) : undefined;
  // Taught and registered values outrank what a rule guessed for the same text (priority); resolve.ts lets them win
  // over an indicator they cover, too (a staff member's own address is never the attacker's).
  return known.flatMap((k) => {
    // Names are whole words; a taught value may be part of a longer host or address (KHS-PACS02 in khs-pacs02.local).
    const wholeWords = k.reason !== 'remembered_value' && k.label !== 'EMAIL';
    const spans = findVariants(haystack, k.value, { wholeWords });
    if (heard && JAPANESE.test(k.value)) {
      const sound = soundOf(k.value);
      if (searchable(sound)) spans.push(...findVariants({ ...heard, source: text }, sound, { wholeWords }));
    }
    // The member's names rank as org.ts ranks them; its people and taught values above what a rule guessed.
    const priority = k.label === 'VICTIM_ORG' ? 1 : 2;
    return spans.map(({ start, end }) => ({ kind: 'sensitive' as const, label: k.label, start, end, reason: k.reason, priority }));
  });
}
