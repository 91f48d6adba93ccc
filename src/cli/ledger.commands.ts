// anshin ledger verify | verify-receipt | audit: check the accountability ledger from outside (over
// HTTP, or offline from a receipt) and, for operators, from the database itself.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { auditLedger } from '../modules/ledger/ledger-audit.service.js';
import { ReceiptError, verifyReceipt } from '../modules/ledger/receipt.js';
import { NoteError, openCheckpoint, parseVerifierKey, type Verifier } from '../modules/ledger/signed-note.js';
import { checkConsistency, checkEntry, latestCheckpoint, VerifyError, type Fetch } from '../modules/ledger/verify-remote.js';
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
  const fetch = httpFetch(options.url, options.token);
  const state = options.state ?? defaultState(verifier);
  const { checkpoint, note } = await latestCheckpoint(fetch, verifier).catch(async (error: unknown) => {
    throw (await rekeyed(fetch, verifier)) ?? error;
  });
  print(`checkpoint: ${checkpoint.origin}, ${checkpoint.size} entries, root ${checkpoint.root.toString('base64')} (signature valid)`);
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
