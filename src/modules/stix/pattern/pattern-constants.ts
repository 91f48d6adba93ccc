// Checks on the contents of constants and names that the grammar alone does not make:
// calendar-valid timestamps, base64, hex, CIDR blocks, regular expressions, object type names.
import { isIPv4, isIPv6 } from 'node:net';
import type { LocalText } from './pattern-errors.js';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLower = (c: number): boolean => c >= 97 && c <= 122;

/**
 * The STIX type-name rule (cyber-observable-core.json: `^([a-z][a-z0-9]*)+(-[a-z0-9]+)*\-?$`, 3–250 characters):
 * starts with a lowercase letter; lowercase letters, digits and single hyphens; a trailing hyphen is allowed.
 */
export function isObjectTypeName(name: string): boolean {
  const length = name.length;
  if (length < 3 || length > 250 || !isLower(name.charCodeAt(0))) return false;
  let previousHyphen = false;
  for (let i = 1; i < length; i += 1) {
    const c = name.charCodeAt(i);
    if (c === 45) {
      if (previousHyphen) return false;
      previousHyphen = true;
    } else if (isLower(c) || isDigit(c)) {
      previousHyphen = false;
    } else {
      return false;
    }
  }
  return true;
}

const two = (s: string, at: number): number => (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const FORMAT = 'DDDD-DD-DDTDD:DD:DD';

function hasTimestampShape(value: string): boolean {
  if (value.length < 20) return false;
  for (let i = 0; i < FORMAT.length; i += 1) {
    const c = value.charCodeAt(i);
    if (FORMAT[i] === 'D' ? !isDigit(c) : c !== FORMAT.charCodeAt(i)) return false;
  }
  let i = 19;
  if (value.charCodeAt(i) === 46) {
    i += 1;
    const fractionStart = i;
    while (isDigit(value.charCodeAt(i))) i += 1;
    if (i === fractionStart) return false;
  }
  return i === value.length - 1 && value.charCodeAt(i) === 90;
}

/**
 * What is wrong with the text of a t'…' constant, or null when it is a valid RFC 3339 date-time in UTC
 * (`YYYY-MM-DDTHH:MM:SS[.fraction]Z`, the form of the STIX 2.1 grammar): real calendar days,
 * hours 00–23, minutes 00–59, seconds 00–59 and the leap second 23:59:60.
 */
export function timestampProblem(value: string): LocalText | null {
  if (!hasTimestampShape(value)) {
    return /[+-]\d\d:\d\d$|z$/.test(value)
      ? { en: "not in UTC: it must end in 'Z'", ja: "UTC ではありません（末尾は 'Z'）" }
      : { en: 'not in that form', ja: 'この形式ではありません' };
  }
  const year = two(value, 0) * 100 + two(value, 2);
  const [month, day, hour, minute, second] = [two(value, 5), two(value, 8), two(value, 11), two(value, 14), two(value, 17)];
  if (month < 1 || month > 12) return { en: `month ${month} does not exist`, ja: `${month} 月は存在しません` };
  if (day < 1 || day > daysInMonth(year, month)) {
    return { en: `${value.slice(0, 7)} has no day ${day}`, ja: `${value.slice(0, 7)} に ${day} 日はありません` };
  }
  if (hour > 23) return { en: `hour ${hour} is out of range`, ja: `${hour} 時は範囲外です` };
  if (minute > 59) return { en: `minute ${minute} is out of range`, ja: `${minute} 分は範囲外です` };
  if (second === 60 && (hour !== 23 || minute !== 59)) {
    return { en: 'a leap second (60) can only be 23:59:60', ja: 'うるう秒（60）は 23:59:60 のみです' };
  }
  if (second > 60) return { en: `second ${second} is out of range`, ja: `${second} 秒は範囲外です` };
  return null;
}

/** Orders two valid timestamp texts: the fixed-width date-time compares as text, then the fraction as digits. */
export function compareTimestamps(a: string, b: string): number {
  const [ha, hb] = [a.slice(0, 19), b.slice(0, 19)];
  if (ha !== hb) return ha < hb ? -1 : 1;
  const fraction = (t: string): string => (t.charCodeAt(19) === 46 ? t.slice(20, -1) : '');
  const [fa, fb] = [fraction(a), fraction(b)];
  const width = Math.max(fa.length, fb.length);
  const [pa, pb] = [fa.padEnd(width, '0'), fb.padEnd(width, '0')];
  return pa === pb ? 0 : pa < pb ? -1 : 1;
}

export interface ContentProblem {
  offset: number; // within the constant's text
  detail: LocalText;
}

const isBase64Char = (c: number): boolean => isDigit(c) || isLower(c) || (c >= 65 && c <= 90) || c === 43 || c === 47;

/** base64 as the STIX 2.1 grammar has it: groups of four, '=' padding only at the end, not empty. */
export function base64Problem(value: string): ContentProblem | null {
  const length = value.length;
  if (length === 0) return { offset: 0, detail: { en: 'an empty value', ja: '空の値' } };
  const end = value.endsWith('==') ? length - 2 : value.endsWith('=') ? length - 1 : length;
  for (let i = 0; i < end; i += 1) {
    if (!isBase64Char(value.charCodeAt(i))) {
      const ch = value[i] ?? '';
      return { offset: i, detail: { en: `'${ch}', which cannot appear there`, ja: `そこに置けない '${ch}'` } };
    }
  }
  if (end === 0 || length % 4 !== 0) {
    return { offset: length, detail: { en: `${length} characters, not whole groups of 4`, ja: `4 文字単位でない ${length} 文字` } };
  }
  return null;
}

const isHexDigit = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

export function hexProblem(value: string): ContentProblem | null {
  for (let i = 0; i < value.length; i += 1) {
    if (!isHexDigit(value.charCodeAt(i))) {
      const ch = value[i] ?? '';
      return { offset: i, detail: { en: `'${ch}', which is not a hexadecimal digit`, ja: `16 進数字でない '${ch}'` } };
    }
  }
  if (value.length % 2 !== 0) {
    return { offset: value.length, detail: { en: `an odd number (${value.length}) of digits`, ja: `奇数個（${value.length} 個）の数字` } };
  }
  return null;
}

/** An IPv4 or IPv6 address, optionally with a prefix length (/0–32, /0–128). Host bits may be set, as in the spec's examples. */
export function isAddressOrCidr(value: string): boolean {
  const slash = value.indexOf('/');
  const address = slash < 0 ? value : value.slice(0, slash);
  const bits = isIPv4(address) ? 32 : isIPv6(address) && !address.includes('%') ? 128 : 0;
  if (bits === 0) return false;
  if (slash < 0) return true;
  const prefix = value.slice(slash + 1);
  return /^(?:0|[1-9][0-9]{0,2})$/.test(prefix) && Number(prefix) <= bits;
}

/**
 * Rewrites the PCRE spellings that JavaScript lacks but that have a JavaScript equivalent:
 * leading inline flags (?i) (?m) (?s) (?x), (?P<name>…), (?P=name), \A, \Z and \z.
 */
function pcreToJavaScript(source: string): { source: string; flags: string } {
  let flags = '';
  const lead = /^\(\?([imsx]+)\)/.exec(source);
  if (lead?.[1]) {
    flags = [...new Set(lead[1].replace('x', ''))].join('');
    source = source.slice(lead[0].length);
  }
  if (!source.includes('\\') && !source.includes('(?P')) return { source, flags };
  let out = '';
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] ?? '';
    const next = source[i + 1] ?? '';
    if (ch === '\\') {
      out += next === 'A' ? '^' : next === 'Z' || next === 'z' ? '$' : ch + next;
      i += 1;
    } else if (source.startsWith('(?P<', i)) {
      out += '(?<';
      i += 3;
    } else if (source.startsWith('(?P=', i)) {
      const end = source.indexOf(')', i);
      out += end < 0 ? ch : `\\k<${source.slice(i + 4, end)}>`;
      i = end < 0 ? i : end;
    } else {
      out += ch;
    }
  }
  return { source: out, flags };
}

const regexChecks = new Map<string, string | null>();
const REGEX_CACHE_SIZE = 1000;

/**
 * Why a MATCHES value is not a regular expression, or null. STIX asks for PCRE; this compiles it as a JavaScript
 * RegExp (after the rewrites above), an approximation: atomic groups, possessive quantifiers, \Q…\E, recursion and
 * inline flags after the start are PCRE-only and are refused; a few things JavaScript tolerates PCRE would refuse.
 */
export function regexProblem(source: string): string | null {
  const cached = regexChecks.get(source);
  if (cached !== undefined) return cached;
  let problem: string | null = null;
  try {
    const js = pcreToJavaScript(source);
    new RegExp(js.source, js.flags);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (regexChecks.size >= REGEX_CACHE_SIZE) regexChecks.clear();
  regexChecks.set(source, problem);
  return problem;
}
