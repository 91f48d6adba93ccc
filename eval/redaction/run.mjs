// npm run eval:redaction (after tsc): runs the redaction detector (anshin redact --jsonl) over the project's own
// evaluation set and scores it (anshin redact-score); does the same for the shared dev corpus when a
// ../shared/corpus or ../../shared/corpus directory sits next to the repository. No Python needed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSONL, buildJsonl } from './build.mjs';

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
if (readFileSync(JSONL, 'utf8') !== buildJsonl()) {
  throw new Error(`${show(JSONL)} is not what source.txt gives: run node eval/redaction/build.mjs`);
}

const scored = [];
score('project set', JSONL, join(ROOT, 'dist/redaction-project.predictions.jsonl'));
scored.push('project set');

const sharedDirs = ['../shared/corpus', '../../shared/corpus'].map((d) => resolve(ROOT, d));
const shared = sharedDirs.find((d) => existsSync(join(d, 'redaction-dev.jsonl')));
if (shared) {
  score('shared dev corpus', join(shared, 'redaction-dev.jsonl'), join(ROOT, 'dist/redaction-dev.predictions.jsonl'));
  scored.push('shared dev corpus');
}

process.stdout.write(`\nscored: ${scored.join(', ')}\n`);
if (!shared) process.stdout.write(`not scored: shared dev corpus (no redaction-dev.jsonl in ${sharedDirs.map(show).join(' or ')})\n`);
