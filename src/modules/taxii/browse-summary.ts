// What the threat-intel browser says about a STIX object: a name, its labels, whether it matches a
// search, the edges it draws (relationships and sightings), and the browser's page cursor. Pure.
import { AppError } from '../../errors.js';
import { addedAfterKey } from './timestamps.js';

type StixObject = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const NAME_LIMIT = 300;

// SCOs and a few SDOs have no name: the property that identifies them best stands in for it.
const NAME_PROPERTIES = ['name', 'value', 'pattern', 'display_name', 'subject', 'path', 'key', 'user_id', 'account_login', 'opinion', 'abstract', 'content'];

function firstHash(object: StixObject): string | undefined {
  const hashes = object.hashes;
  if (typeof hashes !== 'object' || hashes === null) return undefined;
  const [entry] = Object.entries(hashes as Record<string, unknown>);
  return entry && typeof entry[1] === 'string' ? `${entry[0]}:${entry[1]}` : undefined;
}

export function nameOf(object: StixObject): string {
  let name: string | undefined;
  for (const property of NAME_PROPERTIES) {
    name = text(object[property]);
    if (name !== undefined) break;
  }
  if (name === undefined && typeof object.number === 'number') name = `AS${object.number}`;
  if (name === undefined && object.type === 'relationship') name = text(object.relationship_type);
  if (name === undefined && object.type === 'sighting') name = typeof object.count === 'number' ? `sighting ×${object.count}` : 'sighting';
  name ??= firstHash(object) ?? text(object.id) ?? '';
  return name.length > NAME_LIMIT ? `${name.slice(0, NAME_LIMIT - 1)}…` : name;
}

export const labelsOf = (object: StixObject): string[] =>
  Array.isArray(object.labels) ? object.labels.filter((label): label is string => typeof label === 'string') : [];

/** Whether the name, value or pattern contains the text, case-insensitively. */
export function matchesText(object: StixObject, q: string): boolean {
  const wanted = q.toLowerCase();
  return ['name', 'value', 'pattern'].some((property) => text(object[property])?.toLowerCase().includes(wanted) ?? false);
}

export const hasLabel = (object: StixObject, label: string): boolean =>
  labelsOf(object).some((l) => l.toLowerCase() === label.toLowerCase());

/** The text a JSON document holds for a string containing `value`, as it is stored (JSON-escaped). */
export const jsonText = (value: string): string => JSON.stringify(value).slice(1, -1);

export interface Edge {
  id: string; // the relationship or sighting
  source: string;
  target: string;
  relationshipType: string;
}

/** The edges a relationship or sighting draws; none for other objects. */
export function edgesOf(object: StixObject): Edge[] {
  const id = text(object.id);
  if (!id) return [];
  if (object.type === 'relationship') {
    const [source, target, kind] = [text(object.source_ref), text(object.target_ref), text(object.relationship_type)];
    return source && target && kind ? [{ id, source, target, relationshipType: kind }] : [];
  }
  if (object.type !== 'sighting') return [];
  const refs = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  const of = text(object.sighting_of_ref);
  return [
    ...(of ? [{ id, source: id, target: of, relationshipType: 'sighting-of' }] : []),
    ...refs(object.observed_data_refs).map((ref) => ({ id, source: id, target: ref, relationshipType: 'observed-data' })),
    ...refs(object.where_sighted_refs).map((ref) => ({ id, source: id, target: ref, relationshipType: 'where-sighted' })),
  ];
}

export const typeOfId = (stixId: string): string => stixId.split('--')[0] ?? stixId;

// A page cursor: the date_added and collection of the last entry a page covered, opaque to clients.
export interface Cursor {
  dateAdded: string;
  collectionId: string;
}

const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z)\|([0-9a-f-]{36})$/;

export const encodeCursor = (cursor: Cursor): string => Buffer.from(`${cursor.dateAdded}|${cursor.collectionId}`).toString('base64url');

export function decodeCursor(value: string): Cursor {
  const match = CURSOR.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match) throw new AppError('invalid_filter', { detail: 'before: not a cursor this server handed out' });
  return { dateAdded: match[1] as string, collectionId: match[2] as string };
}

/**
 * A date or timestamp of the addedFrom / addedTo filters in the form of date_added (microseconds, UTC).
 * Both ends are inclusive at the precision given: a bare date is the whole UTC day, and addedTo
 * "…:05.123Z" takes in every microsecond of that millisecond.
 */
export function addedBound(value: string, end: boolean): string {
  const name = end ? 'addedTo' : 'addedFrom';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
  // Timestamps in UTC keep their microseconds; others go through Date (milliseconds).
  const utc = dateOnly ? `${value}T00:00:00Z` : value.endsWith('Z') ? value : undefined;
  const date = utc === undefined ? new Date(value) : undefined;
  const text = utc ?? (date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined);
  const key = text === undefined ? undefined : addedAfterKey(text); // also refuses February 30th
  if (key === undefined) throw new AppError('invalid_filter', { detail: `${name}: not a date or timestamp` });
  if (!end) return key;
  if (dateOnly) return `${value}T23:59:59.999999Z`;
  const digits = /\.(\d+)/.exec(text ?? '')?.[1]?.length ?? 0;
  return `${key.slice(0, 20)}${key.slice(20, 20 + Math.min(digits, 6)).padEnd(6, '9')}Z`;
}
