// Maven version ordering (the POM reference's "version order specification", ComparableVersion as of Maven 3.9).
// Written by hand: no maintained npm package follows ComparableVersion (the ones on npm predate MNG-6964 / MNG-7644).
import { type Comparison, compareDigits, compareText, sign } from './version-common.js';

type Item =
  | { kind: 'int'; digits: string }
  | { kind: 'string'; value: string }
  | { kind: 'list'; items: Item[] };

// Known qualifiers in order; "" is the release itself. Unknown qualifiers sort after all of them, lexically.
const QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const RELEASE_QUALIFIERS = new Set(['ga', 'final', 'release']);
const RELEASE_INDEX = String(QUALIFIERS.indexOf(''));

function qualifierKey(value: string): string {
  if (RELEASE_QUALIFIERS.has(value)) return RELEASE_INDEX;
  const index = QUALIFIERS.indexOf(value);
  return index === -1 ? `${QUALIFIERS.length}-${value}` : String(index);
}

function stringItem(raw: string, followedByDigit: boolean): Item {
  let value = raw;
  // "a1", "b1", "m1" are alpha-1, beta-1, milestone-1; a lone "a" is not.
  if (followedByDigit && value.length === 1) value = { a: 'alpha', b: 'beta', m: 'milestone' }[value] ?? value;
  if (value === 'cr') value = 'rc';
  return { kind: 'string', value };
}

const isNull = (item: Item): boolean =>
  item.kind === 'int' ? /^0*$/.test(item.digits) : item.kind === 'string' ? item.value === '' : item.items.length === 0;

function compareItem(left: Item, right: Item | null): number {
  if (left.kind === 'int') {
    if (right === null) return isNull(left) ? 0 : 1;
    return right.kind === 'int' ? compareDigits(left.digits, right.digits) : 1;
  }
  if (left.kind === 'string') {
    if (right === null) return compareText(qualifierKey(left.value), RELEASE_INDEX);
    return right.kind === 'string' ? compareText(qualifierKey(left.value), qualifierKey(right.value)) : -1;
  }
  if (right === null) {
    for (const item of left.items) {
      const result = compareItem(item, null);
      if (result !== 0) return result;
    }
    return 0;
  }
  if (right.kind === 'int') return -1;
  if (right.kind === 'string') return 1;
  const length = Math.max(left.items.length, right.items.length);
  for (let i = 0; i < length; i++) {
    const l = left.items[i];
    const r = right.items[i] ?? null;
    const result = l === undefined ? (r === null ? 0 : -compareItem(r, null)) : compareItem(l, r);
    if (result !== 0) return result;
  }
  return 0;
}

// Trailing nulls (0, "", empty lists) go; a null before a sub-list that starts with a qualifier goes too (2.0.a == 2-a).
function normalize(list: Item[]): void {
  for (let i = list.length - 1; i >= 0; i--) {
    const item = list[i] as Item;
    if (!isNull(item)) {
      if (item.kind !== 'list') break;
      continue;
    }
    const next = list[i + 1];
    const nextStartsWithString = next?.kind === 'list' && next.items[0]?.kind === 'string';
    if (next === undefined || next.kind === 'string' || nextStartsWithString) list.splice(i, 1);
  }
}

export function parseMaven(version: string): Item {
  const text = version.toLowerCase();
  const root: Item[] = [];
  const lists: Item[][] = [root];
  let list = root;
  const open = (): void => {
    const child: Item[] = [];
    list.push({ kind: 'list', items: child });
    lists.push(child);
    list = child;
  };
  const item = (digit: boolean, buf: string): Item => (digit ? { kind: 'int', digits: buf } : stringItem(buf, false));
  let isDigit = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '.' || c === '-') {
      list.push(i === start ? { kind: 'int', digits: '0' } : item(isDigit, text.slice(start, i)));
      start = i + 1;
      if (c === '-') open();
    } else if (c >= '0' && c <= '9') {
      if (!isDigit && i > start) {
        // ".X1" is treated as "-X1" (MNG-7644), then the number after a qualifier starts its own sub-list.
        if (list.length > 0) open();
        list.push(stringItem(text.slice(start, i), true));
        start = i;
        open();
      }
      isDigit = true;
    } else {
      if (isDigit && i > start) {
        list.push(item(true, text.slice(start, i)));
        start = i;
        open();
      }
      isDigit = false;
    }
  }
  if (text.length > start) {
    if (!isDigit && list.length > 0) open();
    list.push(item(isDigit, text.slice(start)));
  }
  for (const each of lists.reverse()) normalize(each);
  return { kind: 'list', items: root };
}

/** Orders two Maven versions; any string is a Maven version, so only an empty one is refused. */
export function compareMaven(a: string, b: string): Comparison | null {
  if (a.trim() === '' || b.trim() === '') return null;
  return sign(compareItem(parseMaven(a.trim()), parseMaven(b.trim())));
}
