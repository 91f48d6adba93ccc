// The standard TLP marking definitions: TLP 1.0 (§7.2.1.4, definition_type "tlp") and TLP 2.0 (the OASIS
// extension definition 60a3c5c5-..., property tlp_2_0). A marking definition carrying one of these ids must be
// exactly the standard one, and TLP content may only appear under these ids.
import type { Obj } from './stix-checks.js';
import type { IssueSink } from './stix-issues.js';
import { TLP_2_EXTENSION_ID, TLP_MARKINGS, type TlpMarking } from './tlp.js';

export const TLP1_CREATED = '2017-01-20T00:00:00.000Z';
export const TLP2_CREATED = '2022-10-01T00:00:00.000Z';
export const TLP2_EXTENSION = TLP_2_EXTENSION_ID;

// The ids of tlp.ts, the one list: TLP 1.0 by its definition's own name ("white", …), TLP 2.0 by its level.
const idsOf = (version: TlpMarking['tlpVersion'], value: (m: TlpMarking) => string): ReadonlyMap<string, string> =>
  new Map(Object.entries(TLP_MARKINGS).filter(([, m]) => m.tlpVersion === version).map(([id, m]) => [id, value(m)]));
export const TLP1_IDS = idsOf('1.0', (m) => m.name.slice('TLP:'.length).toLowerCase());
export const TLP2_IDS = idsOf('2.0', (m) => m.level);

const TLP2_LEVELS = new Set(TLP2_IDS.values());

const detail = (s: IssueSink, prop: string, text: string): void => s.reportAt(prop, 'tlp-definition', { detail: text });

function checkTlp1(o: Obj, s: IssueSink): void {
  const color = TLP1_IDS.get(o.id as string);
  if (color === undefined) return detail(s, 'id', 'TLP 1.0 markings must use one of the four standard ids');
  const definition = o.definition;
  const actual = typeof definition === 'object' && definition !== null ? (definition as Obj).tlp : undefined;
  if (actual !== color) detail(s, 'definition', `definition.tlp must be "${color}"`);
  if (o.created !== TLP1_CREATED) detail(s, 'created', `created must be ${TLP1_CREATED}`);
  if (o.name !== undefined && o.name !== `TLP:${color.toUpperCase()}`) detail(s, 'name', `name must be TLP:${color.toUpperCase()}`);
}

function checkTlp2(o: Obj, s: IssueSink, extension: unknown): void {
  const level = typeof extension === 'object' && extension !== null ? (extension as Obj).tlp_2_0 : undefined;
  const validLevel = typeof level === 'string' && TLP2_LEVELS.has(level);
  s.push('extensions');
  s.push(TLP2_EXTENSION);
  if (!validLevel) detail(s, 'tlp_2_0', 'tlp_2_0 must be one of clear, green, amber, amber+strict, red');
  else if ((extension as Obj).extension_type !== 'property-extension') detail(s, 'extension_type', 'extension_type must be property-extension');
  s.pop();
  s.pop();
  if (!validLevel) return;
  const expected = TLP2_IDS.get(o.id as string);
  if (expected === undefined) return detail(s, 'id', 'TLP 2.0 markings must use one of the five standard ids');
  if (level !== expected) return detail(s, 'extensions', `tlp_2_0 must be "${expected}" for this id`);
  if (o.created !== TLP2_CREATED) detail(s, 'created', `created must be ${TLP2_CREATED}`);
  if (o.name !== undefined && o.name !== `TLP:${expected.toUpperCase()}`) detail(s, 'name', `name must be TLP:${expected.toUpperCase()}`);
}

/** TLP rules of a marking definition (skipped while its id is missing or not a string). */
export function checkTlpMarking(o: Obj, s: IssueSink): void {
  if (typeof o.id !== 'string') return;
  const extensions = o.extensions;
  const tlp2 = typeof extensions === 'object' && extensions !== null ? (extensions as Obj)[TLP2_EXTENSION] : undefined;
  if (o.definition_type === 'tlp') checkTlp1(o, s);
  else if (tlp2 !== undefined) checkTlp2(o, s, tlp2);
  else if (TLP1_IDS.has(o.id as string) || TLP2_IDS.has(o.id as string)) detail(s, 'id', 'this standard TLP id must carry its standard definition');
}
