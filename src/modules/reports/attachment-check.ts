// What an uploaded file is: the extension says what it claims to be, the bytes must agree. Suspicious
// files ("samples") are taken as opaque data and never looked into. Pure functions.
import { createHash } from 'node:crypto';
import { AppError } from '../../errors.js';

export const ATTACHMENT_KINDS = ['text', 'csv', 'json', 'eml', 'png', 'jpeg', 'sample'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

const BY_EXTENSION: Record<string, AttachmentKind> = {
  log: 'text', txt: 'text', csv: 'csv', json: 'json', eml: 'eml', png: 'png', jpg: 'jpeg', jpeg: 'jpeg',
};
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff]);
const FILENAME_MAX = 200;

// C0 and C1 controls, and the bidirectional controls (embeddings, overrides, isolates, marks) that can make
// "invoice\u202Efdp.exe" read as "invoiceexe.pdf".
// eslint-disable-next-line no-control-regex
const UNSAFE_IN_NAMES = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"]/g;

/** A file name without the characters that hide or reorder what it says. */
export const withoutControls = (name: string): string => name.replace(UNSAFE_IN_NAMES, '');

/** A safe display name: no path, no control or bidirectional-control characters, bounded. */
export function cleanFilename(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = withoutControls(base).trim();
  if (clean === '' || clean === '.' || clean === '..' || clean.length > FILENAME_MAX) throw new AppError('attachment_invalid', { detail: 'filename' });
  return clean;
}

function decodeUtf8(content: Buffer): string | null {
  if (content.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return null;
  }
}

/**
 * Decides the kind of a file from its name and bytes; throws a clear error when they disagree.
 * `sample` marks a suspicious file the reporter wants kept as evidence: any bytes, stored opaque.
 */
export function checkAttachment(filename: string, content: Buffer, sample: boolean): { kind: AttachmentKind; text: string | null } {
  if (content.length === 0) throw new AppError('attachment_invalid', { detail: 'empty' });
  if (sample) return { kind: 'sample', text: null };
  const extension = filename.includes('.') ? (filename.split('.').pop() ?? '').toLowerCase() : '';
  const kind = BY_EXTENSION[extension];
  if (!kind) throw new AppError('attachment_type_not_allowed', { extension: extension || '-' });
  if (kind === 'png' || kind === 'jpeg') {
    const magic = kind === 'png' ? PNG : JPEG;
    if (!content.subarray(0, magic.length).equals(magic)) throw new AppError('attachment_invalid', { detail: kind });
    return { kind, text: null };
  }
  const text = kind === 'eml' ? content.toString('latin1') : decodeUtf8(content);
  if (text === null) throw new AppError('attachment_invalid', { detail: kind });
  if (kind === 'json') {
    try {
      JSON.parse(text);
    } catch {
      throw new AppError('attachment_invalid', { detail: 'json' });
    }
  }
  return { kind, text };
}

export function hashesOf(content: Buffer): { sha256: string; sha1: string; md5: string } {
  const hex = (algorithm: string) => createHash(algorithm).update(content).digest('hex');
  return { sha256: hex('sha256'), sha1: hex('sha1'), md5: hex('md5') };
}
