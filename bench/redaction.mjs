// Redaction throughput (KB/s of UTF-8 input, ja and en) and scores: the dev corpus (through score.py) and
// the held-out texts of the unit tests. The raw limit is one plain regex scan over the same text.
// First the Japanese analyser's dictionary load (time, resident memory); the throughputs are measured after it,
// with the analyser's own share (tokenize alone) and one 100 KB Japanese report in a single call.
// Run after `npm run build:server`: node --expose-gc bench/redaction.mjs
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, stats } from './lib.mjs';

const { analyse, detectSensitive, loadAnalyser, tokenize } = await import(join(ROOT, 'dist/modules/redaction/index.js'));
const { fold } = await import(join(ROOT, 'dist/modules/redaction/text.js'));
const { HELD_OUT } = await import(join(ROOT, 'dist/modules/redaction/testdata/heldout.js'));
const { scoreCase } = await import(join(ROOT, 'dist/modules/redaction/testdata/score.js'));

const corpusDir = [join(ROOT, '../shared/corpus'), join(ROOT, '../../shared/corpus')].find((d) => existsSync(join(d, 'redaction-dev.jsonl')));
const records = corpusDir ? readFileSync(join(corpusDir, 'redaction-dev.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l)) : [];
const source = records.length > 0 ? records : HELD_OUT.map((c, i) => ({ id: `h${i}`, lang: c.lang, text: c.text, org: c.org }));

const RAW = /\d{1,3}(?:\.\d{1,3}){3}|[\w.+-]+@[\w.-]+|https?:\/\/\S+|\d{2,}/g;
const kb = (s) => Buffer.byteLength(s, 'utf8') / 1024;

const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function measureLoad() {
  const before = process.memoryUsage();
  const t = performance.now();
  await loadAnalyser();
  const ms = performance.now() - t;
  const after = process.memoryUsage();
  global.gc?.();
  const settled = process.memoryUsage();
  return `analyser load ${ms.toFixed(0)} ms; RSS ${mb(before.rss)} before, ${mb(after.rss)} after load` +
    (global.gc ? `, ${mb(settled.rss)} after GC (heap used ${mb(settled.heapUsed)}, array buffers ${mb(settled.arrayBuffers)})` : ' (run with --expose-gc for RSS after GC)');
}

async function measure(lang) {
  const list = source.filter((r) => r.lang === lang);
  const bytes = list.reduce((n, r) => n + kb(r.text), 0);
  const runs = [];
  const raw = [];
  const tok = [];
  for (let round = 0; round < 7; round++) {
    let t = performance.now();
    for (const r of list) await analyse(r.text, r.org);
    runs.push(bytes / ((performance.now() - t) / 1000));
    // The analyser alone, on fresh strings (tokenize keeps the tokens of the last few texts).
    const folded = list.map((r) => `${fold(r.text)} `);
    t = performance.now();
    for (const f of folded) tokenize(f);
    tok.push(bytes / ((performance.now() - t) / 1000));
    t = performance.now();
    let n = 0;
    for (const r of list) n += (r.text.match(RAW) ?? []).length;
    raw.push(bytes / ((performance.now() - t) / 1000));
    if (n < 0) throw new Error('unreachable');
  }
  return { lang, texts: list.length, kb: bytes, detector: stats(runs).median, raw: stats(raw).median, tokenize: stats(tok).median };
}

// One report of about 100 KB of Japanese (the ja texts, repeated), in a single analyse() call.
async function measureReport() {
  const texts = source.filter((r) => r.lang === 'ja').map((r) => r.text);
  let report = '';
  for (let i = 0; Buffer.byteLength(report, 'utf8') < 100 * 1024; i++) report += `${texts[i % texts.length]}\n\n`;
  const times = [];
  for (let round = 0; round < 5; round++) {
    const t = performance.now();
    await analyse(`${report}${round}`);
    times.push(performance.now() - t);
  }
  const m = stats(times).median;
  return `one ${kb(report).toFixed(0)} KB Japanese report: analyse median ${m.toFixed(0)} ms (${(kb(report) / (m / 1000)).toFixed(0)} KB/s), max ${stats(times).max.toFixed(0)} ms`;
}

async function devScores() {
  if (!corpusDir) return 'dev corpus not found next to the repository: skipped';
  const dir = mkdtempSync(join(tmpdir(), 'anshin-redaction-'));
  const pred = join(dir, 'pred.jsonl');
  const lines = [];
  for (const r of records) lines.push(JSON.stringify({ id: r.id, redactions: (await detectSensitive(r.text, r.org)).map(({ start, end, label }) => ({ start, end, label })) }));
  writeFileSync(pred, lines.join('\n'));
  const out = spawnSync('python3', [join(corpusDir, 'score.py'), join(corpusDir, 'redaction-dev.jsonl'), pred], { encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  return (out.stdout || out.stderr).trim();
}

async function heldOutScores() {
  const sum = { total: 0, missed: 0, red: 0, tru: 0, kept: 0, keepTotal: 0 };
  const failures = [];
  for (const c of HELD_OUT) {
    const s = scoreCase(c, await detectSensitive(c.text, c.org));
    sum.total += s.total; sum.missed += s.missed.length; sum.red += s.redactedChars; sum.tru += s.trueChars; sum.kept += s.kept; sum.keepTotal += s.keepTotal;
    for (const m of s.missed) failures.push(`missed ${JSON.stringify(m)} in "${c.name}"`);
    for (const b of s.broken) failures.push(`broke ${JSON.stringify(b)} in "${c.name}"`);
  }
  const line = `held-out ${HELD_OUT.length} texts: recall=${((sum.total - sum.missed) / sum.total).toFixed(4)} (${sum.total - sum.missed}/${sum.total}) precision=${(sum.tru / sum.red).toFixed(4)} indicators_kept=${(sum.kept / sum.keepTotal).toFixed(4)} (${sum.kept}/${sum.keepTotal})`;
  return [line, ...failures].join('\n');
}

console.log(`load average at start: ${loadavg().map((x) => x.toFixed(2)).join(' ')}; texts from ${corpusDir ? 'the dev corpus' : 'the held-out set'}`);
console.log(await measureLoad());
await analyse('ウォームアップ：村岡さん');
for (const lang of ['ja', 'en']) {
  const m = await measure(lang);
  console.log(`${lang}: ${m.texts} texts, ${m.kb.toFixed(1)} KB; detector (analyse) median ${m.detector.toFixed(0)} KB/s; of which the analyser alone (tokenize) ${m.tokenize.toFixed(0)} KB/s; raw single-regex scan median ${m.raw.toFixed(0)} KB/s; ratio ${(m.raw / m.detector).toFixed(1)}x`);
}
console.log(await measureReport());
console.log(`RSS at the end: ${mb(process.memoryUsage().rss)}`);
console.log(await devScores());
console.log(await heldOutScores());
console.log(`load average at end: ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
