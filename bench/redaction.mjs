// Redaction throughput (KB/s of UTF-8 input, ja and en) and scores: the dev corpus (through score.py) and
// the held-out texts of the unit tests. The raw limit is one plain regex scan over the same text.
// Run after `npm run build:server`: node bench/redaction.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, stats } from './lib.mjs';

const { analyse, detectSensitive } = await import(join(ROOT, 'dist/modules/redaction/index.js'));
const { HELD_OUT } = await import(join(ROOT, 'dist/modules/redaction/testdata/heldout.js'));
const { scoreCase } = await import(join(ROOT, 'dist/modules/redaction/testdata/score.js'));

const corpusDir = [join(ROOT, '../shared/corpus'), join(ROOT, '../../shared/corpus')].find((d) => existsSync(join(d, 'redaction-dev.jsonl')));
const records = corpusDir ? readFileSync(join(corpusDir, 'redaction-dev.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
const source = records.length > 0 ? records : HELD_OUT.map((c, i) => ({ id: `h${i}`, lang: c.lang, text: c.text, org: c.org }));

const RAW = /\d{1,3}(?:\.\d{1,3}){3}|[\w.+-]+@[\w.-]+|https?:\/\/\S+|\d{2,}/g;
const kb = (s) => Buffer.byteLength(s, 'utf8') / 1024;

function measure(lang) {
  const list = source.filter((r) => r.lang === lang);
  const bytes = list.reduce((n, r) => n + kb(r.text), 0);
  const runs = [];
  const raw = [];
  for (let round = 0; round < 7; round++) {
    let t = performance.now();
    for (const r of list) analyse(r.text, r.org);
    runs.push(bytes / ((performance.now() - t) / 1000));
    t = performance.now();
    let n = 0;
    for (const r of list) n += (r.text.match(RAW) ?? []).length;
    raw.push(bytes / ((performance.now() - t) / 1000));
    if (n < 0) throw new Error('unreachable');
  }
  return { lang, texts: list.length, kb: bytes, detector: stats(runs).median, raw: stats(raw).median };
}

function devScores() {
  if (!corpusDir) return 'dev corpus not found next to the repository: skipped';
  const dir = mkdtempSync(join(tmpdir(), 'anshin-redaction-'));
  const pred = join(dir, 'pred.jsonl');
  writeFileSync(pred, records.map((r) => JSON.stringify({ id: r.id, redactions: detectSensitive(r.text, r.org).map(({ start, end, label }) => ({ start, end, label })) })).join('\n'));
  const out = spawnSync('python3', [join(corpusDir, 'score.py'), join(corpusDir, 'redaction-dev.jsonl'), pred], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return (out.stdout || out.stderr).trim();
}

function heldOutScores() {
  const sum = { total: 0, missed: 0, red: 0, tru: 0, kept: 0, keepTotal: 0 };
  const failures = [];
  for (const c of HELD_OUT) {
    const s = scoreCase(c, detectSensitive(c.text, c.org));
    sum.total += s.total; sum.missed += s.missed.length; sum.red += s.redactedChars; sum.tru += s.trueChars; sum.kept += s.kept; sum.keepTotal += s.keepTotal;
    for (const m of s.missed) failures.push(`missed ${JSON.stringify(m)} in "${c.name}"`);
    for (const b of s.broken) failures.push(`broke ${JSON.stringify(b)} in "${c.name}"`);
  }
  const line = `held-out ${HELD_OUT.length} texts: recall=${((sum.total - sum.missed) / sum.total).toFixed(4)} (${sum.total - sum.missed}/${sum.total}) precision=${(sum.tru / sum.red).toFixed(4)} indicators_kept=${(sum.kept / sum.keepTotal).toFixed(4)} (${sum.kept}/${sum.keepTotal})`;
  return [line, ...failures].join('\n');
}

console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}; texts from ${corpusDir ? 'the dev corpus' : 'the held-out set'}`);
for (const lang of ['ja', 'en']) {
  const m = measure(lang);
  console.log(`${lang}: ${m.texts} texts, ${m.kb.toFixed(1)} KB; detector (analyse) median ${m.detector.toFixed(0)} KB/s; raw single-regex scan median ${m.raw.toFixed(0)} KB/s; ratio ${(m.raw / m.detector).toFixed(1)}x`);
}
console.log(devScores());
console.log(heldOutScores());
console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
