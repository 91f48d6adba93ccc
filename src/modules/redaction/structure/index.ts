// Structure-aware detectors: they read the shape of the text (records, tables, paths, mail headers, naming
// schemes) rather than words around a value.
import type { Candidate, OrgProfile } from '../types.js';
import { detectMailHeaders } from './mail-headers.js';
import { detectNetbiosHosts } from './netbios.js';
import { detectPaths } from './paths.js';
import { detectRecordFields } from './records.js';
import { detectTables } from './tables.js';

// `text` is the folded text.
export function detectStructure(text: string, org: OrgProfile): Candidate[] {
  return [...detectRecordFields(text), ...detectTables(text), ...detectPaths(text), ...detectMailHeaders(text, org), ...detectNetbiosHosts(text)];
}
