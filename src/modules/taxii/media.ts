// TAXII 2.1 media types and content negotiation (§1.6.8, §3.1). Pure.

export const TAXII_MEDIA_TYPE = 'application/taxii+json;version=2.1';
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';
const TAXII_TYPE = 'application/taxii+json';
const TAXII_VERSION = '2.1';

interface MediaRange {
  type: string; // lower-case "type/subtype", may hold wildcards
  params: Map<string, string>;
  q: number;
}

function parseMediaRange(text: string): MediaRange | undefined {
  const [head = '', ...rest] = text.split(';');
  const type = head.trim().toLowerCase();
  if (!/^[\w.+*!#$&^-]+\/[\w.+*!#$&^-]+$/.test(type)) return undefined;
  const params = new Map<string, string>();
  let q = 1;
  for (const param of rest) {
    const eq = param.indexOf('=');
    if (eq < 0) continue;
    const name = param.slice(0, eq).trim().toLowerCase();
    const value = param.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (name === 'q') q = Number.isFinite(Number(value)) ? Number(value) : 0;
    else params.set(name, value);
  }
  return { type, params, q };
}

// How specifically a range names application/taxii+json;version=2.1: -1 when it does not match at all.
function specificity(range: MediaRange): number {
  if (range.type === '*/*') return 0;
  if (range.type === 'application/*') return 1;
  if (range.type !== TAXII_TYPE) return -1;
  const version = range.params.get('version');
  if (version === undefined) return 2; // no version: the latest the server supports
  return version === TAXII_VERSION ? 3 : -1;
}

/**
 * Whether a response in the TAXII 2.1 media type is acceptable for this Accept header: the most
 * specific range that matches it decides, and q=0 refuses. `application/json` and other TAXII or
 * STIX versions do not match. A request without Accept accepts anything (RFC 9110 §12.5.1).
 */
export function acceptsTaxii(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return true;
  let best: MediaRange | undefined;
  let bestRank = -1;
  for (const part of accept.split(',')) {
    const range = parseMediaRange(part);
    if (!range) continue;
    const rank = specificity(range);
    if (rank > bestRank) {
      best = range;
      bestRank = rank;
    }
  }
  return best !== undefined && best.q > 0;
}

/** Whether a request body is declared as a TAXII 2.1 envelope (other parameters such as charset are fine). */
export function isTaxiiContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const range = parseMediaRange(contentType);
  if (!range || range.type !== TAXII_TYPE) return false;
  const version = range.params.get('version');
  return version === undefined || version === TAXII_VERSION;
}
