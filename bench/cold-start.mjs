// Cold start: milliseconds from spawning `node dist/main.js serve` to the first 200 from /readyz.
// "first start" is an empty database (the server runs every migration); "restart" is the same database again.
// Usage: npm run build && node bench/cold-start.mjs [runs]   (RUNS=7 by default; BENCH_DATABASE_URL for PostgreSQL)
import { spawnSync } from 'node:child_process';
import { fmt, postgresDatabase, postgresServer, requireBuild, sleep, sqliteDatabase, startServer, stats, waitReady } from './lib.mjs';

requireBuild();
const runs = Number(process.argv[2] ?? process.env.RUNS ?? 7);

async function measure(database) {
  const first = await startServer(database);
  try {
    const firstMs = await waitReady(first);
    // The set-up link is printed just after the server starts listening: check that the start was a real first start.
    for (let i = 0; i < 200 && !/setup#token=/.test(first.output()); i++) await sleep(10);
    if (!/setup#token=/.test(first.output())) throw new Error(`no set-up link printed:\n${first.output()}`);
    await first.stop();
    const again = await startServer(database);
    try {
      return { firstMs, restartMs: await waitReady(again) };
    } finally {
      await again.stop();
    }
  } finally {
    await first.stop();
    await database.drop();
  }
}

function report(label, samples) {
  for (const key of ['firstMs', 'restartMs']) {
    const s = stats(samples.map((sample) => sample[key]));
    const what = key === 'firstMs' ? 'first start' : 'restart    ';
    process.stdout.write(`${label.padEnd(10)} ${what}  median ${fmt(s.median).padStart(9)}  min ${fmt(s.min).padStart(9)}  max ${fmt(s.max).padStart(9)}  (n=${s.n})\n`);
  }
}

// What Node.js alone costs on this machine, for scale.
const nodeOnly = [];
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  spawnSync(process.execPath, ['-e', '']);
  nodeOnly.push(performance.now() - t0);
}

process.stdout.write(`cold start to /readyz, ${runs} runs each, polling every 10 ms (node ${process.version})\n`);
const n = stats(nodeOnly);
process.stdout.write(`${'node -e ""'.padEnd(10)} process      median ${fmt(n.median).padStart(9)}  min ${fmt(n.min).padStart(9)}  max ${fmt(n.max).padStart(9)}  (n=${n.n})\n`);

const sqlite = [];
for (let i = 0; i < runs; i++) sqlite.push(await measure(sqliteDatabase()));
report('sqlite', sqlite);

const server = await postgresServer();
if (server.skip) {
  process.stdout.write(`postgres   SKIPPED: ${server.skip}; set BENCH_DATABASE_URL\n`);
} else {
  const postgres = [];
  for (let i = 0; i < runs; i++) postgres.push(await measure(await postgresDatabase(server.adminUrl)));
  report(`pg ${server.version.split(' ')[0]}`, postgres);
}
