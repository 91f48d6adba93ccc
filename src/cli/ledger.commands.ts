// anshin ledger verify | verify-receipt | audit | witness: check the accountability ledger from outside (over
// HTTP, or offline from a receipt) and, for operators, from the database itself; witness (cosign) its checkpoints.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { cosignaturesOf, parseCosignerKey, type Cosigner } from '../modules/ledger/cosignature.js';
import { auditLedger } from '../modules/ledger/ledger-audit.service.js';
import { ReceiptError, verifyReceipt } from '../modules/ledger/receipt.js';
import { NoteError, openCheckpoint, parseVerifierKey, type Verifier } from '../modules/ledger/signed-note.js';
import { checkConsistency, checkEntry, latestCheckpoint, VerifyError, type Fetch } from '../modules/ledger/verify-remote.js';
import { newWitnessKey, proofFromFile, readWitnessKey, witnessCheckpoint } from '../modules/ledger/witness.js';
import { print, withDatabase } from './support.js';

const fail = (message: string): void => {
  process.stderr.write(`anshin ledger: ${message}\n`);
  process.exitCode = 1;
};

// The key may be given as the verifier key string itself or as a file holding it.
function readKey(value: string): Verifier {
  const text = !value.includes('+') && existsSync(value) ? readFileSync(value, 'utf8') : value;
  try {
    return parseVerifierKey(text);
  } catch (error) {
    if (error instanceof NoteError) throw new VerifyError(`--key: ${error.message}`);
    throw error;
  }
}

function httpFetch(baseUrl: string, token: string | undefined): Fetch {
  const base = baseUrl.replace(/\/+$/, '');
  return async (path) => {
    const res = await fetch(`${base}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, text: await res.text() };
  };
}

const defaultState = (verifier: Verifier) => join(homedir(), '.anshin', `ledger-${verifier.keyId.toString('hex')}.checkpoint`);

interface VerifyOptions {
  url: string;
  key: string;
  since?: string;
  state?: string;
  entry?: string[];
  token?: string;
  witness?: string[];
  minWitnesses?: string;
}

// A witness's verifier key (tlog-cosignature/v1), given as the key itself or as a file holding it.
function readWitness(value: string): Cosigner {
  try {
    return parseCosignerKey(keyText(value));
  } catch (error) {
    if (error instanceof NoteError) throw new VerifyError(`--witness ${value}: ${error.message}`);
    throw error;
  }
}

/** The witnesses to require and how many of them; each key counts once. */
function witnessPolicy(options: VerifyOptions): { witnesses: Cosigner[]; min: number } {
  const witnesses: Cosigner[] = [];
  for (const w of (options.witness ?? []).map(readWitness)) {
    if (!witnesses.some((k) => k.name === w.name && k.keyId.equals(w.keyId))) witnesses.push(w);
  }
  const text = options.minWitnesses ?? (witnesses.length > 0 ? '1' : '0');
  if (!/^(0|[1-9][0-9]*)$/.test(text)) throw new VerifyError(`--min-witnesses ${text}: a whole number from 0`);
  const min = Number(text);
  if (min > witnesses.length) throw new VerifyError(`--min-witnesses ${min}: only ${witnesses.length} witness${witnesses.length === 1 ? ' is' : 'es are'} given (--witness)`);
  return { witnesses, min };
}

function checkWitnesses(note: string, size: number, policy: { witnesses: Cosigner[]; min: number }): void {
  if (policy.witnesses.length === 0) return;
  const { valid, invalid } = cosignaturesOf(note, policy.witnesses);
  for (const problem of invalid) process.stderr.write(`anshin ledger: warning: ${problem}\n`);
  if (valid.length < policy.min) {
    throw new VerifyError(`the checkpoint of size ${size} carries ${valid.length} valid cosignature${valid.length === 1 ? '' : 's'} of the ${policy.min} required from the given witnesses` +
      `${valid.length > 0 ? ` (${valid.map((v) => v.name).join(', ')})` : ''}: it is not witnessed, do not trust it yet`);
  }
  print(`witnessed by ${valid.length} of ${policy.witnesses.length} given witnesses (${policy.min} required): ${valid.map((v) => `${v.name} at ${new Date(v.time * 1000).toISOString()}`).join(', ') || 'none'}`);
}

function entryIndexes(values: readonly string[]): number[] {
  return values.map((v) => {
    if (!/^(0|[1-9][0-9]*)$/.test(v) || !Number.isSafeInteger(Number(v))) throw new VerifyError(`--entry ${v}: an entry is a whole number from 0`);
    return Number(v);
  });
}

async function verifyRemote(options: VerifyOptions): Promise<void> {
  const verifier = readKey(options.key);
  const indexes = entryIndexes(options.entry ?? []);
  const policy = witnessPolicy(options);
  const fetch = httpFetch(options.url, options.token);
  const state = options.state ?? defaultState(verifier);
  const { checkpoint, note } = await latestCheckpoint(fetch, verifier).catch(async (error: unknown) => {
    throw (await rekeyed(fetch, verifier)) ?? error;
  });
  print(`checkpoint: ${checkpoint.origin}, ${checkpoint.size} entries, root ${checkpoint.root.toString('base64')} (signature valid)`);
  checkWitnesses(note, checkpoint.size, policy);
  const sinceFile = options.since ?? (existsSync(state) ? state : undefined);
  if (sinceFile) {
    let earlier;
    try {
      earlier = openCheckpoint(readFileSync(sinceFile, 'utf8'), verifier);
    } catch (error) {
      if (error instanceof NoteError) throw new VerifyError(`${sinceFile}: ${error.message}`);
      throw error;
    }
    await checkConsistency(fetch, earlier, checkpoint);
    print(`consistent with ${sinceFile} (${earlier.size} entries)`);
  }
  for (const index of indexes) print(`entry ${index}: included (${await checkEntry(fetch, checkpoint, index) === 'event' ? 'event and hash' : 'hash'} verified)`);
  mkdirSync(dirname(state), { recursive: true });
  writeFileSync(state, note);
  print(`saved the checkpoint to ${state}`);
}

// When the latest checkpoint does not verify with the expected key: does the server now present another key?
async function rekeyed(fetch: Fetch, expected: Verifier): Promise<VerifyError | null> {
  const res = await fetch('/ledger/key').catch(() => null);
  const served = res?.status === 200 ? res.text.trim() : '';
  let other: Verifier;
  try {
    other = parseVerifierKey(served);
  } catch {
    return null;
  }
  if (other.name === expected.name && other.keyId.equals(expected.keyId) && other.publicKey.equals(expected.publicKey)) return null;
  return new VerifyError(`the latest checkpoint is not signed by the expected key (key id ${expected.keyId.toString('hex')}); the server presents the key ${served}. ` +
    'If you obtained the expected key from this server earlier, the ledger was re-keyed since and its history may have been rewritten: trust the new key only if its operator announced the change.');
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface WitnessOptions {
  url?: string;
  checkpoint?: string;
  proof?: string;
  key?: string;
  witnessKey: string;
  name: string;
  state?: string;
  init?: boolean;
}

const defaultWitnessState = (verifier: Verifier) => join(homedir(), '.anshin', `witness-${verifier.keyId.toString('hex')}.checkpoint`);

// Persists before answering (tlog-witness): the new state replaces the old one in one rename.
function saveState(path: string, note: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, note);
  renameSync(`${path}.tmp`, path);
}

async function witnessLog(options: WitnessOptions): Promise<void> {
  if (options.init) {
    if (existsSync(options.witnessKey)) throw new VerifyError(`--init: ${options.witnessKey} exists already; a witness keeps its key`);
    const created = newWitnessKey(options.name);
    mkdirSync(dirname(options.witnessKey), { recursive: true });
    writeFileSync(options.witnessKey, created.pem, { mode: 0o600 });
    print(`created the witness key ${options.witnessKey}; its verifier key (give it to the logs you witness, for LEDGER_WITNESSES): ${created.verifierKey}`);
    if (!options.url && !options.checkpoint) return;
  }
  if (!options.key) throw new VerifyError('--key: the log\'s verifier key is required');
  if (!options.url === !options.checkpoint) throw new VerifyError('give either --url (the log) or --checkpoint (a checkpoint fetched from it, with --proof)');
  const log = readKey(options.key);
  const key = readWitnessKey(options.witnessKey, options.name);
  const state = options.state ?? defaultWitnessState(log);
  const previous = existsSync(state) ? readFileSync(state, 'utf8') : null;
  let note: string;
  let fetch: Fetch;
  if (options.url) {
    fetch = httpFetch(options.url, undefined);
    note = (await latestCheckpoint(fetch, log)).note;
  } else {
    note = readFileSync(options.checkpoint as string, 'utf8');
    fetch = proofFromFile(options.proof ? readFileSync(options.proof, 'utf8') : null);
  }
  const { checkpoint, earlier, line } = await witnessCheckpoint({ log, note, previous, fetch, key, time: Math.floor(Date.now() / 1000) });
  print(`checkpoint: ${checkpoint.origin}, ${checkpoint.size} entries, root ${checkpoint.root.toString('base64')} (signature valid)`);
  print(earlier ? `consistent with the checkpoint kept in ${state} (${earlier.size} entries)` : `no checkpoint kept yet in ${state}: trusting this one on first use`);
  saveState(state, note);
  print(line);
  if (!options.url) return;
  const base = options.url.replace(/\/+$/, '');
  const res = await globalThis.fetch(`${base}/ledger/cosignatures`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ size: checkpoint.size, cosignature: line }),
  });
  if (res.status !== 200) throw new VerifyError(`the log did not accept the cosignature: POST /ledger/cosignatures answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  print(`sent the cosignature to ${base}`);
}

export function registerLedgerCommands(program: Command): void {
  const ledger = program.command('ledger').description('verify the accountability ledger (Merkle log with signed checkpoints)');
  ledger
    .command('verify')
    .description('check the latest signed checkpoint, its consistency with the last one seen, and the inclusion of entries')
    .requiredOption('--url <base-url>', 'the Anshin server, e.g. https://anshin.example.org')
    .requiredOption('--key <key>', 'the expected verifier key (obtained once, as served at /ledger/key), or a file holding it; checkpoints by any other key are refused')
    .option('--since <file>', 'a checkpoint to check consistency with (default: the one saved last time)')
    .option('--state <file>', 'where the latest checkpoint is saved (default: ~/.anshin/ledger-<key id>.checkpoint)')
    .option('--entry <index>', 'also check that this entry is included (repeatable)', collect)
    .option('--token <token>', 'an API token, to also check the events you may read')
    .option('--witness <key>', 'a witness\'s verifier key (tlog-cosignature/v1), or a file holding it (repeatable)', collect)
    .option('--min-witnesses <n>', 'how many of the given witnesses must have cosigned the checkpoint (default: 1 when --witness is given)')
    .action(async (options: VerifyOptions) => {
      try {
        await verifyRemote(options);
      } catch (error) {
        if (error instanceof VerifyError) return fail(error.message);
        if (error instanceof TypeError) return fail(`cannot reach ${options.url}: ${error.message}`);
        throw error;
      }
    });

  ledger
    .command('witness')
    .description('as a witness: check that the log\'s latest checkpoint extends the one kept last, keep it, and cosign it (C2SP tlog-cosignature/v1)')
    .option('--url <base-url>', 'the log (an Anshin server): fetch the checkpoint and proof from it and send the cosignature to it')
    .option('--checkpoint <file>', 'instead of --url: a checkpoint fetched from /ledger/checkpoint')
    .option('--proof <file>', 'with --checkpoint: the proof from /ledger/proof/consistency?first=<kept size>&second=<new size>')
    .option('--key <key>', 'the log\'s verifier key (as served at /ledger/key, obtained once), or a file holding it')
    .requiredOption('--witness-key <file>', 'the witness\'s Ed25519 private key, PKCS#8 PEM (openssl genpkey -algorithm ed25519 -out witness.pem)')
    .requiredOption('--name <name>', 'the witness\'s name, e.g. witness.example.org/anshin (its key name in the cosignature lines)')
    .option('--state <file>', 'where the last checkpoint cosigned is kept (default: ~/.anshin/witness-<log key id>.checkpoint)')
    .option('--init', 'first create the witness key file (refused if it exists) and print its verifier key')
    .action(async (options: WitnessOptions) => {
      try {
        await witnessLog(options);
      } catch (error) {
        if (error instanceof VerifyError) return fail(error.message);
        if (error instanceof TypeError) return fail(`cannot reach ${options.url ?? 'the log'}: ${error.message}`);
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return fail(error.message);
        throw error;
      }
    });

  ledger
    .command('verify-receipt')
    .description('verify a downloaded receipt offline: checkpoint signature, leaf hash and inclusion proof')
    .argument('<file>', 'the receipt (JSON)')
    .requiredOption('--key <key>', 'the verifier key, or a file holding it')
    .action((file: string, options: { key: string }) => {
      try {
        readKey(options.key); // a malformed key is reported as such, not as a bad receipt
        const { checkpoint, event } = verifyReceipt(JSON.parse(readFileSync(file, 'utf8')), keyText(options.key));
        const type = (event as { type?: unknown }).type;
        print(`receipt valid: ${String(type)} event included in ${checkpoint.origin} at ${checkpoint.size} entries`);
      } catch (error) {
        if (error instanceof ReceiptError || error instanceof VerifyError) return fail(error.message);
        if (error instanceof SyntaxError) return fail(`${file}: not JSON (${error.message})`);
        if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return fail(`${file}: no such file`);
        throw error;
      }
    });

  ledger
    .command('audit')
    .description('as the operator: rehash every stored event and node, recompute every signed checkpoint\'s root and check its signature')
    .option('--key <key>', 'the verifier key you published, or a file holding it: checkpoints signed by any other key are refused')
    .action(async (options: { key?: string }) => {
      let expectedKey: string | undefined;
      try {
        if (options.key) expectedKey = keyText(options.key);
        if (expectedKey) readKey(expectedKey);
      } catch (error) {
        if (error instanceof VerifyError) return fail(error.message);
        throw error;
      }
      await withDatabase(async (db) => {
        const result = await auditLedger(db, { ...(expectedKey ? { expectedKey } : {}) });
        for (const problem of result.problems) fail(problem);
        const checked = `${result.entries} of ${result.size} entries rehashed${result.missing > 0 ? ` (${result.missing} missing)` : ''}, ` +
          `${result.checkpoints} signed checkpoint${result.checkpoints === 1 ? '' : 's'}${expectedKey ? ' checked against the expected key' : ''}`;
        if (result.problems.length === 0) print(`ledger intact: ${checked}`);
        else fail(`ledger damaged: ${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}${result.problems.length >= 20 ? ' (the first 20)' : ''}; ${checked}`);
      });
    });
}

const keyText = (value: string): string => (!value.includes('+') && existsSync(value) ? readFileSync(value, 'utf8').trim() : value);
