// The opaque `next` of a page (§3.5): where the page ended, bound to the collection, the object and
// the filters it was made for. Stateless, so any server process can continue any client's paging. Pure.
import { createHash } from 'node:crypto';
import { AppError } from '../../errors.js';
import { isTimestamp } from './timestamps.js';

const bindingOf = (scope: string, fingerprint: string): string =>
  createHash('sha256').update(`${scope}\n${fingerprint}`).digest('base64url').slice(0, 16);

export function encodeNext(lastDateAdded: string, scope: string, fingerprint: string): string {
  return Buffer.from(`${lastDateAdded}|${bindingOf(scope, fingerprint)}`).toString('base64url');
}

/** The date_added a page ended at, or invalid_filter when the token is not ours or was made for other filters. */
export function decodeNext(token: string, scope: string, fingerprint: string): string {
  const [dateAdded = '', binding] = Buffer.from(token, 'base64url').toString('utf8').split('|');
  if (!isTimestamp(dateAdded) || binding === undefined) throw new AppError('invalid_filter', { detail: 'next is not a token from this server' });
  if (binding !== bindingOf(scope, fingerprint)) throw new AppError('invalid_filter', { detail: 'next belongs to a request with other filters' });
  return dateAdded;
}
