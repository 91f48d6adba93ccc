// Where a leak was found, said as the advisory form's field rather than as a STIX path: "[0].description"
// is what the coordinator typed into the Japanese summary. The UI translates the field keys. Pure.

/** The fields of the advisory form (web/src/pages/sharing/advisory-form.tsx), in the form's order. */
export const ADVISORY_FIELDS = [
  'titleJa', 'titleEn', 'summaryJa', 'summaryEn', 'indicators', 'malware', 'vulnerabilities', 'attackPatterns', 'actionJa', 'actionEn',
] as const;
export type AdvisoryField = (typeof ADVISORY_FIELDS)[number];

type Composed = Readonly<Record<string, unknown>>;

const OBSERVABLES = new Set(['ipv4-addr', 'ipv6-addr', 'domain-name', 'url', 'email-addr', 'file']);
const BY_TYPE: Readonly<Record<string, AdvisoryField>> = {
  indicator: 'indicators', malware: 'malware', vulnerability: 'vulnerabilities', 'attack-pattern': 'attackPatterns',
};

// A language-content object carries the English of the object it refers to.
function englishField(objects: readonly Composed[], translation: Composed, property: string): AdvisoryField | null {
  const target = objects.find((o) => o.id === translation.object_ref);
  if (target?.type === 'report') return property === 'name' ? 'titleEn' : property === 'description' ? 'summaryEn' : null;
  return target?.type === 'course-of-action' ? 'actionEn' : null;
}

/**
 * The form field behind one place a leak was found: a path into the composed objects as
 * leak-check's stringsOf names it ("[0].description", "[1].contents.en.name"), or "indicators"
 * for an indicator inside the victim's address ranges. Null for a place no field fills.
 */
export function leakField(objects: readonly Composed[], where: string): AdvisoryField | null {
  if (where === 'indicators') return 'indicators';
  const match = /^\[(\d+)\]\.([^.[]+)(?:\.en\.([^.[]+))?/.exec(where);
  const object = match ? objects[Number(match[1])] : undefined;
  if (!match || !object) return null;
  const [, , property, english] = match;
  const type = String(object.type);
  if (type === 'language-content') return english ? englishField(objects, object, english) : null;
  if (type === 'report') return property === 'name' ? 'titleJa' : property === 'description' ? 'summaryJa' : null;
  if (type === 'course-of-action') return 'actionJa';
  if (OBSERVABLES.has(type)) return 'indicators';
  return BY_TYPE[type] ?? null;
}

/** The form fields behind every place a leak was found, each once, in the form's order. */
export function leakFields(objects: readonly Composed[], where: readonly string[]): AdvisoryField[] {
  const found = new Set(where.map((w) => leakField(objects, w)));
  return ADVISORY_FIELDS.filter((f) => found.has(f));
}
