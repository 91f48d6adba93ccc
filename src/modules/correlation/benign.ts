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

export function isBenign(observable: Observable): boolean {
  return BENIGN.has(`${observable.type}\u0000${observable.value}`);
}

export const BENIGN_COUNT = BENIGN.size;
