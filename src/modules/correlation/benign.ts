// The maintained list of well-known benign values (data/benign-values.json): they are never indexed,
// so they link nothing. Values are normalised on load, so the file may hold any spelling.
import benignValues from './data/benign-values.json' with { type: 'json' };
import { normaliseAs, type Observable, type ObservableType } from './normalise.js';

const LISTED: ReadonlyArray<[ObservableType, readonly string[]]> = [
  ['ipv4', benignValues.ipv4], ['ipv6', benignValues.ipv6], ['domain', benignValues.domain],
];

const BENIGN: ReadonlySet<string> = new Set(LISTED.flatMap(([type, values]) =>
  values.flatMap((raw) => {
    const found = normaliseAs(type, raw);
    return found ? [`${found.type}\u0000${found.value}`] : [];
  })));

// Hosts of a benign apex named by one well-known label (www.google.com, login.microsoftonline.com) link unrelated
// reports as much as the apex does. Any other subdomain (a storage bucket, a user's page) stays: it may be an attacker's.
const HOST_LABELS: ReadonlySet<string> = new Set(benignValues.wellKnownHostLabels);

export function isBenign(observable: Observable): boolean {
  if (BENIGN.has(`${observable.type}\u0000${observable.value}`)) return true;
  if (observable.type !== 'domain') return false;
  const dot = observable.value.indexOf('.');
  return dot > 0 && HOST_LABELS.has(observable.value.slice(0, dot)) && BENIGN.has(`domain\u0000${observable.value.slice(dot + 1)}`);
}

export const BENIGN_COUNT = BENIGN.size;
