// Builds the project's redaction sets from their readable sources: marks {{LABEL|value}} become spans with
// JavaScript string offsets (UTF-16 code units, the corpus format's unit; texts are kept inside the BMP so
// Python agrees). source.txt -> redaction-project.jsonl, source-2.txt -> redaction-project-2.jsonl.
//   node eval/redaction/build.mjs           write the JSONL files
//   node eval/redaction/build.mjs --check   fail if a committed JSONL is not what its source gives
import { readFileSync, writeFileSync } from 'node:fs';
import { basename as base } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = (name) => fileURLToPath(new URL(name, import.meta.url));
// One entry per source; run.mjs scores each under its name.
export const SETS = [
  { name: 'project set', source: here('source.txt'), jsonl: here('redaction-project.jsonl'), predictions: 'redaction-project.predictions.jsonl' },
  { name: 'project set 2', source: here('source-2.txt'), jsonl: here('redaction-project-2.jsonl'), predictions: 'redaction-project-2.predictions.jsonl' },
];

const SENSITIVE = ['PERSON', 'EMAIL', 'PHONE', 'POSTAL_ADDRESS', 'MY_NUMBER', 'CARD_NUMBER', 'SECRET', 'ACCOUNT', 'INTERNAL_IP', 'INTERNAL_HOST', 'VICTIM_ORG', 'VICTIM_DOMAIN', 'VICTIM_IP'];
const INDICATORS = ['IOC_IP', 'IOC_DOMAIN', 'IOC_URL', 'IOC_EMAIL', 'IOC_HASH', 'CVE', 'MALWARE'];
const LABELS = new Set([...SENSITIVE, ...INDICATORS]);

// One record's marked body -> { text, spans }.
export function unmark(body, where) {
  let text = '';
  const spans = [];
  let i = 0;
  for (;;) {
    const open = body.indexOf('{{', i);
    if (open < 0) break;
    const bar = body.indexOf('|', open);
    const close = body.indexOf('}}', open);
    if (bar < 0 || close < 0 || bar > close) throw new Error(`${where}: unterminated mark at ${JSON.stringify(body.slice(open, open + 40))}`);
    const label = body.slice(open + 2, bar);
    const value = body.slice(bar + 1, close);
    if (!LABELS.has(label)) throw new Error(`${where}: unknown label ${label}`);
    if (value === '' || value.trim() !== value || value.includes('{{')) throw new Error(`${where}: bad value ${JSON.stringify(value)}`);
    text += body.slice(i, open);
    spans.push({ start: text.length, end: text.length + value.length, label });
    text += value;
    i = close + 2;
  }
  text += body.slice(i);
  return { text, spans };
}

export function parseSource(source, file = 'source.txt') {
  const orgs = new Map();
  const records = [];
  let current = null;
  const finish = () => {
    if (!current) return;
    const body = current.lines.join('\n').replace(/\s+$/, '');
    const { text, spans } = unmark(body, current.id);
    records.push({ id: current.id, lang: current.lang, org: current.org, text, spans });
  };
  source.split(/\r?\n/).forEach((line, n) => {
    const where = `${file}:${n + 1}`;
    const header = /^=== (\S+) (ja|en) (\S+)(?: -- .*)?$/.exec(line);
    if (header) {
      finish();
      const [, id, lang, key] = header;
      if (!orgs.has(key)) throw new Error(`${where}: unknown org ${key}`);
      if (records.some((r) => r.id === id)) throw new Error(`${where}: duplicate id ${id}`);
      current = { id, lang, org: orgs.get(key), lines: [] };
    } else if (current) {
      if (line.startsWith('===')) throw new Error(`${where}: malformed record header`);
      current.lines.push(line);
    } else if (line.startsWith('@org ')) {
      const m = /^@org (\S+) (\{.*\})$/.exec(line);
      if (!m) throw new Error(`${where}: malformed @org`);
      const o = JSON.parse(m[2]);
      orgs.set(m[1], { name: o.name, aliases: o.aliases ?? [], domains: o.domains ?? [], cidrs: o.cidrs ?? [] });
    } else if (line.trim() !== '' && !line.startsWith('#')) {
      throw new Error(`${where}: text outside a record`);
    }
  });
  finish();
  for (const r of records) {
    if (/[\uD800-\uDFFF]/.test(r.text)) throw new Error(`${r.id}: a character outside the BMP (offsets would differ between JavaScript and Python)`);
  }
  return records;
}

// Things that look like they should carry a label but do not: printed for a human to judge, never fatal
// (a version number looks like an IPv4 address).
export function unlabelledLookalikes(record) {
  const covered = (s, e) => record.spans.some((sp) => sp.start <= s && e <= sp.end);
  const out = [];
  const { org, text } = record;
  const needles = [org.name, ...org.aliases, ...org.domains].filter(Boolean);
  for (const needle of needles) {
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) if (!covered(i, i + needle.length)) out.push(needle);
  }
  const patterns = [/\b\d{1,3}(?:\.\d{1,3}){3}\b/g, /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, /\b[0-9a-f]{32,64}\b/gi, /\bCVE-\d{4}-\d{4,}\b/g];
  for (const re of patterns) for (const m of text.matchAll(re)) if (!covered(m.index, m.index + m[0].length)) out.push(m[0]);
  return out;
}

export const toJsonl = (records) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

export const buildRecords = (set) => parseSource(readFileSync(set.source, 'utf8'), base(set.source));
export const buildJsonl = (set) => toJsonl(buildRecords(set));

// Builds (or with check, compares) one set; returns false when its committed JSONL is stale.
function buildSet(set, check) {
  const records = buildRecords(set);
  const jsonl = toJsonl(records);
  const out = `eval/redaction/${base(set.jsonl)}`;
  for (const r of records) for (const s of unlabelledLookalikes(r)) process.stderr.write(`note: ${r.id}: ${JSON.stringify(s)} carries no label\n`);
  if (check) {
    let committed = '';
    try {
      committed = readFileSync(set.jsonl, 'utf8');
    } catch {
      // missing: reported as stale below
    }
    if (committed !== jsonl) {
      process.stderr.write(`${out} is not what ${base(set.source)} gives: run node eval/redaction/build.mjs\n`);
      return false;
    }
    process.stdout.write(`${base(set.jsonl)} is up to date (${records.length} records)\n`);
    return true;
  }
  writeFileSync(set.jsonl, jsonl);
  const counts = {};
  for (const r of records) for (const s of r.spans) counts[s.label] = (counts[s.label] ?? 0) + 1;
  const langs = records.reduce((acc, r) => ({ ...acc, [r.lang]: (acc[r.lang] ?? 0) + 1 }), {});
  process.stdout.write(`wrote ${records.length} records (${Object.entries(langs).map(([k, v]) => `${k} ${v}`).join(', ')}) to ${out}\n`);
  process.stdout.write(`${Object.entries(counts).sort().map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes('--check');
  const ok = SETS.map((set) => buildSet(set, check)).every(Boolean);
  if (!ok) process.exit(1);
}
