// Shared by the benchmarks: start the built server as a child process on a fresh database, and summarise timings.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const MAIN = join(ROOT, 'dist', 'main.js');

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { n: sorted.length, median, min: sorted[0], max: sorted[sorted.length - 1], p95: at(0.95) };
}

export const fmt = (ms) => `${ms.toFixed(1)} ms`;

/** A fresh SQLite file in a temporary folder. */
export function sqliteDatabase() {
  const dir = mkdtempSync(join(tmpdir(), 'anshin-bench-'));
  return { name: 'sqlite', url: `sqlite:${join(dir, 'anshin.db')}`, dataDir: dir, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The PostgreSQL server to create throw-away databases on: BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the
 * local default. Returns null (with the reason) when it does not answer.
 */
export async function postgresServer() {
  const adminUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query('show server_version');
    return { adminUrl, version: rows[0].server_version };
  } catch (error) {
    return { adminUrl, skip: `PostgreSQL at ${adminUrl.replace(/\/\/[^@]*@/, '//***@')} does not answer (${error.message})` };
  } finally {
    await client.end().catch(() => {});
  }
}

/** A fresh, empty PostgreSQL database on that server. */
export async function postgresDatabase(adminUrl) {
  const name = `anshin_bench_${randomBytes(5).toString('hex')}`;
  const run = async (statement) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'anshin-bench-'));
  return {
    name: 'postgres',
    url: url.toString(),
    dataDir,
    drop: async () => {
      await run(`drop database if exists ${name} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Spawns `node dist/main.js serve` on a free loopback port. Resolves once the child is spawned with the time it was
 * spawned (performance.now()), its base URL and a function that stops it. stdout is collected in `output()`.
 */
export async function startServer(database, env = {}) {
  const port = await freePort();
  let output = '';
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [MAIN, 'serve'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATABASE_URL: database.url,
      DATA_DIR: database.dataDir,
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    spawnedAt,
    pid: child.pid,
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls /readyz every `intervalMs` until it answers 200; returns the milliseconds since the spawn. */
export async function waitReady(server, { intervalMs = 10, timeoutMs = 60_000 } = {}) {
  let exitCode = null;
  server.exited.then((code) => (exitCode = code ?? 'signal'));
  const deadline = server.spawnedAt + timeoutMs;
  while (performance.now() < deadline) {
    if (exitCode !== null) throw new Error(`the server exited (${exitCode}) before it was ready:\n${server.output()}`);
    try {
      const res = await fetch(`${server.baseUrl}/readyz`);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - server.spawnedAt;
    } catch {
      // not listening yet
    }
    await sleep(intervalMs);
  }
  throw new Error(`not ready after ${timeoutMs} ms:\n${server.output()}`);
}

export function requireBuild() {
  if (!existsSync(MAIN)) {
    process.stderr.write('dist/main.js is missing: run npm run build first\n');
    process.exit(1);
  }
}

/** VmRSS of a process in MiB, from /proc/<pid>/status (Linux); null when it cannot be read. */
export function rssMiB(pid) {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

/** Samples a process's RSS every `intervalMs` until stop() is called; stop() returns { max, last, n } in MiB. */
export function sampleRss(pid, intervalMs = 100) {
  let max = 0;
  let last = 0;
  let n = 0;
  const take = () => {
    const mib = rssMiB(pid);
    if (mib === null) return;
    max = Math.max(max, mib);
    last = mib;
    n++;
  };
  take();
  const timer = setInterval(take, intervalMs);
  return {
    peek: () => ({ max, last, n }),
    stop() {
      clearInterval(timer);
      take();
      return { max, last, n };
    },
  };
}

/** The machine's load average and the time, for the record (RESULTS.md asks for how busy the machine was). */
export function machineLoad() {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}
