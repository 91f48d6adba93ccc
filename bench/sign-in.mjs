// Sign-in throughput: requests per second to POST /api/auth/login against the built server with the production
// argon2id parameters, at concurrency 1, 2 and 4, plus the raw cost of argon2id for a few parameter sets.
// Usage: npm run build && node bench/sign-in.mjs   (SECONDS_PER_LEVEL=5; BENCH_DATABASE_URL for PostgreSQL)
import argon2 from 'argon2';
import { fmt, postgresDatabase, postgresServer, requireBuild, sleep, sqliteDatabase, startServer, stats, waitReady } from './lib.mjs';

requireBuild();
const { loadConfig } = await import('../dist/config.js');
const defaults = loadConfig({}).argon2;
const secondsPerLevel = Number(process.env.SECONDS_PER_LEVEL ?? 5);
const CONCURRENCY = [1, 2, 4];
const USER = { email: 'bench@example.org', password: 'bench-password-0123456789', displayName: 'Bench', locale: 'en' };

const out = (line = '') => process.stdout.write(`${line}\n`);

async function rawArgon2() {
  out('argon2id hash time in this process (one hash at a time; verifying costs the same):');
  const sets = [
    { label: `${defaults.memoryKiB} KiB, t=${defaults.timeCost}, p=${defaults.parallelism} (default)`, memoryCost: defaults.memoryKiB, timeCost: defaults.timeCost, parallelism: defaults.parallelism },
    { label: '47104 KiB, t=1, p=1', memoryCost: 47104, timeCost: 1, parallelism: 1 },
    { label: '65536 KiB, t=3, p=1', memoryCost: 65536, timeCost: 3, parallelism: 1 },
    { label: '65536 KiB, t=3, p=4', memoryCost: 65536, timeCost: 3, parallelism: 4 },
    { label: '1024 KiB, t=1, p=1 (tests only)', memoryCost: 1024, timeCost: 1, parallelism: 1 },
  ];
  for (const set of sets) {
    const { label, ...options } = set;
    await argon2.hash('warm-up', { type: argon2.argon2id, ...options });
    const times = [];
    for (let i = 0; i < 9; i++) {
      const t0 = performance.now();
      await argon2.hash(`password-${i}`, { type: argon2.argon2id, ...options });
      times.push(performance.now() - t0);
    }
    const s = stats(times);
    out(`  ${label.padEnd(34)} median ${fmt(s.median).padStart(9)}  min ${fmt(s.min).padStart(9)}  max ${fmt(s.max).padStart(9)}`);
  }
}

async function signIn(baseUrl) {
  const t0 = performance.now();
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: USER.email, password: USER.password }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`sign-in answered ${res.status}: ${body}`);
  return performance.now() - t0;
}

async function level(baseUrl, concurrency) {
  const latencies = [];
  const started = performance.now();
  const deadline = started + secondsPerLevel * 1000;
  const worker = async () => {
    while (performance.now() < deadline) latencies.push(await signIn(baseUrl));
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { concurrency, rps: latencies.length / elapsed, latency: stats(latencies) };
}

async function benchDatabase(label, database) {
  const server = await startServer(database, { LOGIN_RATE_PER_IP_PER_MINUTE: '10000' });
  try {
    await waitReady(server);
    let token;
    for (let i = 0; i < 500 && !token; i++) {
      token = /\/setup#token=([A-Za-z0-9_-]+)/.exec(server.output())?.[1];
      if (!token) await sleep(10);
    }
    if (!token) throw new Error(`no set-up link printed:\n${server.output()}`);
    const setup = await fetch(`${server.baseUrl}/api/auth/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, ...USER }),
    });
    if (setup.status !== 201) throw new Error(`set-up answered ${setup.status}: ${await setup.text()}`);
    for (let i = 0; i < 3; i++) await signIn(server.baseUrl); // warm-up
    for (const c of CONCURRENCY) {
      const r = await level(server.baseUrl, c);
      out(`  ${label.padEnd(10)} concurrency ${c}  ${r.rps.toFixed(1).padStart(6)} sign-ins/s  median ${fmt(r.latency.median).padStart(9)}  p95 ${fmt(r.latency.p95).padStart(9)}  (n=${r.latency.n})`);
    }
  } finally {
    await server.stop();
    await database.drop();
  }
}

out(`sign-in benchmark, node ${process.version}, server argon2id ${defaults.memoryKiB} KiB / t=${defaults.timeCost} / p=${defaults.parallelism}, ${secondsPerLevel} s per level`);
await rawArgon2();
out('POST /api/auth/login (argon2id verify + session + audit row), loopback:');
await benchDatabase('sqlite', sqliteDatabase());
const pgServer = await postgresServer();
if (pgServer.skip) out(`  postgres   SKIPPED: ${pgServer.skip}; set BENCH_DATABASE_URL`);
else await benchDatabase(`pg ${pgServer.version.split(' ')[0]}`, await postgresDatabase(pgServer.adminUrl));
