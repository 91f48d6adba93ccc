// Opening a feed file: gzip is recognised by its magic bytes (whatever the name says), and the kind of feed by the
// first few kilobytes of its text, so that the operator can pass any mix of files to `anshin feeds import`.
import { createReadStream, openSync, readSync, closeSync } from 'node:fs';
import { basename } from 'node:path';
import { createGunzip } from 'node:zlib';

export type FeedKind = 'nvd' | 'kev' | 'epss' | 'eol' | 'osv' | 'csaf';

const HEAD_CHARS = 8192;

function isGzip(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const magic = Buffer.alloc(2);
    return readSync(fd, magic, 0, 2, 0) === 2 && magic[0] === 0x1f && magic[1] === 0x8b;
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes, decompressed when it is gzip. */
export function openFeed(path: string): AsyncIterable<Buffer> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!isGzip(path)) return raw;
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  gunzip.on('close', () => raw.destroy()); // a reader that stops early (detection) closes the file too
  return raw.pipe(gunzip);
}

/** The first characters of the (decompressed) file, for detection. */
export async function readHead(path: string): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let head = '';
  for await (const chunk of openFeed(path)) {
    head += decoder.decode(chunk, { stream: true });
    if (head.length >= HEAD_CHARS) break;
  }
  return head.slice(0, HEAD_CHARS);
}

/** What a file holds, from its first characters; null when it is none of the feeds we know. */
export function detectFeedKind(head: string): FeedKind | null {
  const text = head.replace(/^\ufeff/, '').trimStart();
  if (/^#model_version|^cve,epss,percentile/i.test(text)) return 'epss';
  if (text.startsWith('[')) {
    if (/"cycle"\s*:/.test(text) || /^\[\s*\]$/.test(text.trim())) return 'eol';
    return /"affected"\s*:|"modified"\s*:/.test(text) && /"id"\s*:/.test(text) ? 'osv' : null;
  }
  if (!text.startsWith('{')) return null;
  if (/"catalogVersion"\s*:|"cveID"\s*:/.test(text)) return 'kev';
  // CSAF also has a "vulnerabilities" list whose elements start with "cve": tell it apart first.
  if (/"csaf_version"\s*:/.test(text)) return 'csaf';
  if (/"NVD_CVE"|"vulnerabilities"\s*:\s*\[\s*\{\s*"cve"\s*:\s*\{/.test(text)) return 'nvd';
  if (/"schema_version"\s*:|"affected"\s*:/.test(text) && /"id"\s*:/.test(text)) return 'osv';
  return null;
}

/** endoflife.date names the product in the URL, not in the file: "windows.json" (or .json.gz) is "windows". */
export function productFromFileName(path: string): string {
  return basename(path).replace(/\.gz$/i, '').replace(/\.json$/i, '').toLowerCase();
}
