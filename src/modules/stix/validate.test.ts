import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { META_TYPES, SCO_TYPES, SDO_TYPES, SRO_TYPES } from './stix-kinds.js';
import type { StixRule } from './stix-messages.js';
import { MAX_ISSUES_PER_OBJECT, validateBundle, validateBundleEnvelope, validateStixObject, type StixIssue } from './validate.js';

const TESTDATA = fileURLToPath(new URL('./testdata/', import.meta.url));
type Obj = Record<string, unknown>;

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return jsonFiles(path);
    return name.endsWith('.json') ? [path] : [];
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const brief = (issues: StixIssue[]) => issues.map((i) => `${i.path} [${i.rule}] ${i.message.en}`);

interface ValidCase { name: string; object: Obj }
interface InvalidCase { name: string; object: unknown; expectPath: string; expectRule: StixRule; expectCount?: number }

const validCases = readJson(join(TESTDATA, 'valid-objects.json')) as ValidCase[];
const invalidCases = readJson(join(TESTDATA, 'invalid-objects.json')) as InvalidCase[];

const indicator = (extra: Obj = {}): Obj => ({
  type: 'indicator',
  spec_version: '2.1',
  id: 'indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f',
  created: '2024-01-15T09:00:00.000Z',
  modified: '2024-01-15T09:00:00.000Z',
  pattern: "[ipv4-addr:value = '198.51.100.3']",
  pattern_type: 'stix',
  valid_from: '2024-01-15T09:00:00Z',
  ...extra,
});

describe('official OASIS example bundles', () => {
  const files = jsonFiles(join(TESTDATA, 'oasis-examples'));

  it('are all present (six bundles, one single object, two threat reports)', () => {
    expect(files).toHaveLength(8);
  });

  it.each(files.map((f) => [f.slice(TESTDATA.length), f]))('%s validates with no issue', (_name, file) => {
    const value = deepFreeze(readJson(file)) as Obj; // frozen: the validator must not modify its input
    const issues = value.type === 'bundle' ? validateBundle(value) : validateStixObject(value);
    expect(brief(issues)).toEqual([]);
  });

  it('every object also validates on its own, as the streaming reader passes them', () => {
    let objects = 0;
    for (const file of files) {
      const value = readJson(file) as Obj;
      for (const o of value.type === 'bundle' ? (value.objects as unknown[]) : [value]) {
        objects++;
        expect(brief(validateStixObject(o))).toEqual([]);
      }
    }
    expect(objects).toBe(260);
  });
});

describe('valid corpus', () => {
  it.each(validCases.map((c) => [c.name, c.object]))('%s', (_name, object) => {
    expect(brief(validateStixObject(deepFreeze(object)))).toEqual([]);
  });

  it('has a valid example of every object type of STIX 2.1', () => {
    const types = new Set(validCases.map((c) => c.object.type));
    for (const type of [...SDO_TYPES, ...SRO_TYPES, ...SCO_TYPES, ...META_TYPES]) expect(types, type).toContain(type);
  });
});

describe('invalid corpus', () => {
  it.each(invalidCases.map((c) => [c.name, c]))('%s', (_name, c) => {
    const issues = validateStixObject(c.object);
    expect(issues.map((i) => [i.path, i.rule])).toContainEqual([c.expectPath, c.expectRule]);
    expect(issues, brief(issues).join('\n')).toHaveLength(c.expectCount ?? 1);
  });

  it('covers every rule that can fire on a single object', () => {
    const covered = new Set(invalidCases.map((c) => c.expectRule));
    const elsewhere: StixRule[] = ['bundle-type', 'too-many-issues']; // bundle and cap tests below
    const all: StixRule[] = [
      'not-object', 'required', 'required-one-of', 'property-type', 'unknown-property', 'property-name', 'reserved-property',
      'unknown-type', 'type-name', 'id-format', 'id-type-mismatch', 'spec-version', 'timestamp-format', 'timestamp-leap-second',
      'timestamp-precision', 'timestamp-order', 'modified-before-created', 'range', 'empty-list', 'empty-dictionary',
      'dictionary-key', 'enum', 'ref-format', 'ref-target', 'external-reference-incomplete', 'external-id-format',
      'hash-algorithm-name', 'hash-value', 'lang-format', 'selector-syntax', 'selector-not-found', 'granular-marking-target',
      'extension-key', 'extension-type', 'extension-not-applicable', 'unknown-extension', 'mutually-exclusive',
      'property-dependency', 'value-format', 'hex-format', 'binary-format', 'relationship-type-format', 'tlp-definition',
      'pattern-syntax', 'self-marking', ...elsewhere,
    ];
    expect(all.filter((r) => !covered.has(r) && !elsewhere.includes(r))).toEqual([]);
    expect(invalidCases.length).toBeGreaterThanOrEqual(60);
  });

  it('gives every issue a message in Japanese and in English', () => {
    for (const c of invalidCases) {
      for (const issue of validateStixObject(c.object)) {
        expect(issue.message.en).toMatch(/\w/);
        expect(issue.message.ja).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
        expect(issue.message.ja).not.toContain('undefined');
        expect(issue.message.en).not.toContain('undefined');
      }
    }
  });
});

describe('validateStixObject', () => {
  it('collects every issue instead of stopping at the first', () => {
    const issues = validateStixObject(indicator({ confidence: 101, labels: [], lang: 'ja_JP', foo: 1 }));
    expect(issues.map((i) => i.rule).sort()).toEqual(['empty-list', 'lang-format', 'range', 'unknown-property']);
  });

  it(`stops at ${MAX_ISSUES_PER_OBJECT} issues per object and says so`, () => {
    const extra: Obj = {};
    for (let i = 0; i < 150; i++) extra[`bad_${i}`] = i;
    const issues = validateStixObject(indicator(extra));
    expect(issues).toHaveLength(MAX_ISSUES_PER_OBJECT);
    expect(issues.at(-1)).toMatchObject({ path: '$', rule: 'too-many-issues' });
  });

  it('reports the parser message and position for an invalid STIX pattern', () => {
    const [issue] = validateStixObject(indicator({ pattern: "[ipv4-addr:value = '1.2.3.4'" }));
    expect(issue).toMatchObject({ path: '$.pattern', rule: 'pattern-syntax' });
    expect(issue?.message.en).toMatch(/at character \d+/);
  });

  it('does not parse patterns of other languages', () => {
    expect(validateStixObject(indicator({ pattern: 'alert tcp any any -> any any', pattern_type: 'snort' }))).toEqual([]);
  });

  it('quotes path segments that are not plain names', () => {
    const issues = validateStixObject({ type: 'file', id: 'file--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', name: 'a', hashes: { "it's": 'x' } });
    expect(issues[0]?.path).toBe("$.hashes['it\\'s']");
  });

  it('refuses a leap second in every timestamp property, saying why (issue 17)', () => {
    const leap = '2026-06-30T23:59:60Z';
    const issues = validateStixObject(indicator({ created: '2026-06-30T23:59:60.000Z', modified: '2026-06-30T23:59:60.000Z', valid_from: leap, valid_until: leap }));
    expect(issues.map((i) => [i.path, i.rule])).toEqual([
      ['$.created', 'timestamp-leap-second'], ['$.modified', 'timestamp-leap-second'], ['$.valid_from', 'timestamp-leap-second'], ['$.valid_until', 'timestamp-leap-second'],
    ]);
    expect(issues[0]?.message.en).toMatch(/leap second/i);
    expect(issues[0]?.message.ja).toMatch(/うるう秒/);
  });

  it('skips value formats of defanged objects only', () => {
    const domain = { type: 'domain-name', id: 'domain-name--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f', value: 'evil[.]example com' };
    expect(validateStixObject(domain).map((i) => i.rule)).toEqual(['value-format']);
    expect(validateStixObject({ ...domain, defanged: true })).toEqual([]);
  });
});

describe('validateBundle', () => {
  const bundle = (objects: unknown[], extra: Obj = {}): Obj => ({
    type: 'bundle', id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982', objects, ...extra,
  });

  it('prefixes object paths with their index in the bundle', () => {
    const issues = validateBundle(bundle([indicator(), indicator({ external_references: [{ url: 'https://example.com/' }] })]));
    expect(issues.map((i) => [i.path, i.rule])).toEqual([['$.objects[1].external_references[0].source_name', 'required']]);
  });

  it('checks the envelope: type, id, no spec_version in 2.1, objects a non-empty list', () => {
    const issues = validateBundle({ type: 'bundel', id: 'bundle--44af6c39-c09b-19c5-9de2-394224b04982', spec_version: '2.0', objects: [], x_note: 1, note: 2 });
    expect(issues.map((i) => [i.path, i.rule])).toEqual([
      ['$.type', 'bundle-type'],
      ['$.spec_version', 'spec-version'],
      ['$.objects', 'empty-list'],
      ['$.note', 'unknown-property'],
    ]);
    expect(validateBundle(bundle([], { objects: {} })).map((i) => i.rule)).toEqual(['property-type']);
    expect(validateBundle('bundle').map((i) => i.rule)).toEqual(['not-object']);
  });

  it('caps issues per object, not per bundle', () => {
    const extra: Obj = {};
    for (let i = 0; i < 150; i++) extra[`bad_${i}`] = i;
    const issues = validateBundle(bundle([indicator(extra), indicator(extra)]));
    expect(issues).toHaveLength(2 * MAX_ISSUES_PER_OBJECT);
    expect(issues.filter((i) => i.rule === 'too-many-issues').map((i) => i.path)).toEqual(['$.objects[0]', '$.objects[1]']);
  });

  it('reports objects that are not JSON objects', () => {
    expect(validateBundle(bundle([indicator(), 'x', null])).map((i) => [i.path, i.rule])).toEqual([
      ['$.objects[1]', 'not-object'],
      ['$.objects[2]', 'not-object'],
    ]);
  });

  it('validateBundleEnvelope checks the envelope only', () => {
    expect(validateBundleEnvelope({ type: 'bundle', id: 'bundle--44af6c39-c09b-49c5-9de2-394224b04982' })).toEqual([]);
    expect(validateBundleEnvelope(bundle([{ type: 'nothing' }]))).toEqual([]);
    expect(validateBundleEnvelope({ type: 'bundle' }).map((i) => [i.path, i.rule])).toEqual([['$.id', 'required']]);
  });
});
