// `anshin redact --jsonl` streams: its peak memory should not grow with the input. Runs the CLI (GNU time -v for the
// peak resident set) over JSON-lines inputs of increasing size made from the project's own evaluation texts, and
// prints size, time, throughput and peak RSS for each. Sized to finish in a few minutes on a small machine.
// Run after `npm run build:server`: node bench/redact-stream.mjs [--sizes 2,8,16]   (MB)
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAIN, ROOT, requireBuild } from './lib.mjs';

requireBuild();
const arg = process.argv.find((a, i) => process.argv[i - 1] === '--sizes') ?? '2,8,16';
const sizes = arg.split(',').map(Number).filter((n) => n > 0);
const records = ['redaction-project.jsonl', 'redaction-project-2.jsonl']
  .flatMap((f) => readFileSync(join(ROOT, 'eval/redaction', f), 'utf8').trim().split('\n'))
  .map((l) => JSON.parse(l));

async function write(path, megabytes) {
  const out = createWriteStream(path);
  let bytes = 0;
  for (let i = 0; bytes < megabytes * 1024 * 1024; i++) {
    const r = records[i % records.length];
    const line = `${JSON.stringify({ id: `r${i}`, text: r.text, org: r.org })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

const dir = mkdtempSync(join(tmpdir(), 'anshin-redact-stream-'));
try {
  console.log(`redact --jsonl streaming — ${new Date().toISOString()}, Node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  for (const mb of sizes) {
    const input = join(dir, `in-${mb}.jsonl`);
    await write(input, mb);
    const size = statSync(input).size / 1024 / 1024;
    const t = performance.now();
    const run = spawnSync('/usr/bin/time', ['-v', process.execPath, MAIN, 'redact', '--jsonl', input, join(dir, 'out.jsonl')], { encoding: 'utf8' });
    const seconds = (performance.now() - t) / 1000;
    if (run.status !== 0) throw new Error(run.stderr);
    const rss = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr)?.[1] ?? 0) / 1024;
    console.log(`  ${size.toFixed(1)} MB in: ${seconds.toFixed(1)} s, ${(size * 1024 / seconds).toFixed(0)} KB/s, peak RSS ${rss.toFixed(0)} MB (load ${loadavg()[0].toFixed(2)})`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
