// npm run eval:redaction (after tsc): runs the redaction detector (anshin redact --jsonl) over each of the project's
// own evaluation sets (build.mjs SETS: source.txt, source-2.txt) and scores it (anshin redact-score); does the same
// for the shared dev corpus when a ../shared/corpus or ../../shared/corpus directory sits next to the repository.
// No Python needed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SETS, buildJsonl } from './build.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = join(ROOT, 'dist/main.js');
const show = (path) => relative(process.cwd(), path) || '.';

function anshin(...args) {
  const run = spawnSync(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stderr);
    throw new Error(`anshin ${args.join(' ')} failed (exit ${run.status ?? run.signal})`);
  }
}

function score(name, corpus, predictions) {
  const n = readFileSync(corpus, 'utf8').split('\n').filter((l) => l.trim() !== '').length;
  process.stdout.write(`\n== ${name}: ${show(corpus)} (${n} records)\n`);
  anshin('redact', '--jsonl', corpus, predictions);
  anshin('redact-score', corpus, predictions);
}

if (!existsSync(MAIN)) throw new Error(`${show(MAIN)} is missing: compile first (tsc -p tsconfig.json)`);
for (const set of SETS) {
  if (!existsSync(set.jsonl) || readFileSync(set.jsonl, 'utf8') !== buildJsonl(set)) {
    throw new Error(`${show(set.jsonl)} is not what ${basename(set.source)} gives: run node eval/redaction/build.mjs`);
  }
}

const scored = [];
for (const set of SETS) {
  score(set.name, set.jsonl, join(ROOT, 'dist', set.predictions));
  scored.push(set.name);
}

const sharedDirs = ['../shared/corpus', '../../shared/corpus'].map((d) => resolve(ROOT, d));
const shared = sharedDirs.find((d) => existsSync(join(d, 'redaction-dev.jsonl')));
if (shared) {
  score('shared dev corpus', join(shared, 'redaction-dev.jsonl'), join(ROOT, 'dist/redaction-dev.predictions.jsonl'));
  scored.push('shared dev corpus');
}

process.stdout.write(`\nscored: ${scored.join(', ')}\n`);
if (!shared) process.stdout.write(`not scored: shared dev corpus (no redaction-dev.jsonl in ${sharedDirs.map(show).join(' or ')})\n`);
