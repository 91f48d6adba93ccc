// The contact directory's entry, its limits, and the pure rules that turn raw input (a JSON body, a row of an
// import) into a clean entry or a list of issues. No imports beyond reference data: the web UI shares this file.
import { DIRECTORY_PROBLEMS, FORMER_CATEGORY_CODES } from '../../vocabulary/incident-categories.js';
import { PREFECTURES } from '../orgs/org-reference.js';

/** What a desk helps with: the shared incident categories (src/vocabulary/incident-categories.ts). */
export const PROBLEM_CODES = DIRECTORY_PROBLEMS;
export type ProblemCode = (typeof DIRECTORY_PROBLEMS)[number];

export const COSTS = ['free', 'paid'] as const;
export type Cost = (typeof COSTS)[number];

/** "all" alone means nationwide; otherwise JIS X 0401 codes "01" … "47". */
export const ALL_PREFECTURES = 'all';
export const PREFECTURE_CODES: readonly string[] = PREFECTURES.map((p) => p.code);

export const DIRECTORY_LIMITS = {
  name: 200,
  hours: 500,
  notes: 2000,
  url: 500,
  phone: 30,
  languages: 10,
  pageSize: 100,
  offset: 10_000,
  q: 100,
  importRows: 1000,
  importBytes: 512 * 1024,
} as const;

export interface DirectoryEntryInput {
  nameJa: string;
  nameEn: string;
  helpsWith: ProblemCode[];
  prefectures: string[];
  phone: string | null;
  webUrl: string | null;
  hoursJa: string;
  hoursEn: string;
  languages: string[];
  cost: Cost;
  notesJa: string;
  notesEn: string;
}

export interface DirectoryEntry extends DirectoryEntryInput {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export const ENTRY_FIELDS = [
  'nameJa', 'nameEn', 'helpsWith', 'prefectures', 'phone', 'webUrl', 'hoursJa', 'hoursEn', 'languages', 'cost', 'notesJa', 'notesEn',
] as const satisfies ReadonlyArray<keyof DirectoryEntryInput>;

/** What is wrong with one field; the codes are stable (the UI and import reports translate them). */
export type IssueCode =
  | 'required' | 'too_long' | 'not_text' | 'not_list' | 'invalid_url' | 'unknown_problem' | 'invalid_prefecture'
  | 'invalid_phone' | 'invalid_language' | 'invalid_cost' | 'contact_required' | 'unknown_field' | 'invalid_id' | 'duplicate_id'
  | 'missing_column' | 'unknown_column' | 'duplicate_column' | 'bad_csv' | 'not_object';

export interface Issue {
  field: string;
  code: IssueCode;
}

export type Cleaned<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

const PHONE = /^[0-9+#*() -]+$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
export const ENTRY_ID = /^[A-Za-z0-9-]{1,64}$/;

/** https only, no credentials, a host with a dot: a link people can follow safely. Returns the normalised URL. */
export function cleanWebUrl(value: string): string | null {
  if (value.length > DIRECTORY_LIMITS.url || /\s/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || !url.hostname.includes('.')) return null;
  return url.href;
}

/** Spreadsheets drop leading zeros: "1" is Hokkaido "01". "all" stands alone. */
export function cleanPrefectures(values: readonly string[]): string[] | null {
  const codes = new Set<string>();
  for (const raw of values) {
    const value = raw.trim().toLowerCase();
    if (value === ALL_PREFECTURES) return [ALL_PREFECTURES];
    const code = /^\d{1,2}$/.test(value) ? value.padStart(2, '0') : value;
    if (!PREFECTURE_CODES.includes(code)) return null;
    codes.add(code);
  }
  return codes.size === 0 ? null : [...codes].sort();
}

class Collector {
  readonly issues: Issue[] = [];
  add(field: string, code: IssueCode): undefined {
    this.issues.push({ field, code });
    return undefined;
  }
  text(raw: Record<string, unknown>, field: string, max: number, required: boolean): string {
    const value = raw[field];
    if (value === undefined || value === null) return required ? (this.add(field, 'required') ?? '') : '';
    if (typeof value !== 'string') return this.add(field, 'not_text') ?? '';
    const trimmed = value.trim();
    if (required && trimmed === '') return this.add(field, 'required') ?? '';
    if (trimmed.length > max) return this.add(field, 'too_long') ?? '';
    return trimmed;
  }
  list(raw: Record<string, unknown>, field: string): string[] | undefined {
    const value = raw[field];
    if (value === undefined || value === null) return this.add(field, 'required');
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) return this.add(field, 'not_list');
    return (value as string[]).map((v) => v.trim()).filter((v) => v !== '');
  }
}

function cleanProblems(c: Collector, raw: Record<string, unknown>): ProblemCode[] {
  // A file exported before the shared vocabulary names some problems by their former codes: still understood.
  const values = c.list(raw, 'helpsWith')?.map((v) => FORMER_CATEGORY_CODES[v] ?? v);
  if (!values) return [];
  if (values.length === 0) return c.add('helpsWith', 'required') ?? [];
  if (values.some((v) => !(PROBLEM_CODES as readonly string[]).includes(v))) return c.add('helpsWith', 'unknown_problem') ?? [];
  return PROBLEM_CODES.filter((code) => values.includes(code));
}

function cleanOptional(c: Collector, raw: Record<string, unknown>, field: 'phone' | 'webUrl'): string | null {
  const max = field === 'phone' ? DIRECTORY_LIMITS.phone : DIRECTORY_LIMITS.url;
  const text = c.text(raw, field, max, false);
  if (text === '') return null;
  if (field === 'webUrl') return cleanWebUrl(text) ?? c.add(field, 'invalid_url') ?? null;
  const digits = text.replace(/\D/g, '').length;
  return PHONE.test(text) && digits >= 3 ? text : (c.add(field, 'invalid_phone') ?? null);
}

function cleanLanguages(c: Collector, raw: Record<string, unknown>): string[] {
  if (raw.languages === undefined || raw.languages === null) return ['ja'];
  const values = c.list(raw, 'languages');
  if (!values) return [];
  const unique = [...new Set(values.map((v) => v.toLowerCase()))];
  if (unique.length === 0) return ['ja'];
  if (unique.length > DIRECTORY_LIMITS.languages || unique.some((v) => !LANGUAGE.test(v))) return c.add('languages', 'invalid_language') ?? [];
  return unique;
}

/** Checks every field and reports every problem at once (an import lists them all, row by row). */
export function cleanEntryInput(raw: unknown, ignored: readonly string[] = []): Cleaned<DirectoryEntryInput> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, issues: [{ field: '', code: 'not_object' }] };
  const input = raw as Record<string, unknown>;
  const c = new Collector();
  for (const key of Object.keys(input)) {
    if (!(ENTRY_FIELDS as readonly string[]).includes(key) && !ignored.includes(key)) c.add(key, 'unknown_field');
  }
  const prefectureList = c.list(input, 'prefectures');
  const prefectures = prefectureList ? cleanPrefectures(prefectureList) ?? c.add('prefectures', 'invalid_prefecture') ?? [] : [];
  const cost = input.cost ?? 'free';
  const value: DirectoryEntryInput = {
    nameJa: c.text(input, 'nameJa', DIRECTORY_LIMITS.name, true),
    nameEn: c.text(input, 'nameEn', DIRECTORY_LIMITS.name, false),
    helpsWith: cleanProblems(c, input),
    prefectures,
    phone: cleanOptional(c, input, 'phone'),
    webUrl: cleanOptional(c, input, 'webUrl'),
    hoursJa: c.text(input, 'hoursJa', DIRECTORY_LIMITS.hours, false),
    hoursEn: c.text(input, 'hoursEn', DIRECTORY_LIMITS.hours, false),
    languages: cleanLanguages(c, input),
    cost: (COSTS as readonly unknown[]).includes(cost) ? (cost as Cost) : (c.add('cost', 'invalid_cost') ?? 'free'),
    notesJa: c.text(input, 'notesJa', DIRECTORY_LIMITS.notes, false),
    notesEn: c.text(input, 'notesEn', DIRECTORY_LIMITS.notes, false),
  };
  const contactIssue = c.issues.some((i) => i.field === 'phone' || i.field === 'webUrl');
  if (!contactIssue && value.phone === null && value.webUrl === null) c.add('webUrl', 'contact_required');
  return c.issues.length > 0 ? { ok: false, issues: c.issues } : { ok: true, value };
}

// "ja" → 日本語 / Japanese; a tag the runtime does not know stays as written.
export function languageNames(codes: readonly string[], locale: 'ja' | 'en'): string {
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  return codes.map((code) => {
    try {
      return names.of(code) ?? code;
    } catch {
      return code;
    }
  }).join(locale === 'ja' ? '、' : ', ');
}

/** Which problems and prefectures an entry answers for: the public filters. */
export interface DirectoryFilter {
  problem?: ProblemCode | undefined;
  prefecture?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}
