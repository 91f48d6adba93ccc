// Structure-aware detectors: they read the shape of the text (records, tables, paths, mail headers, naming
// schemes) rather than words around a value.
import { propagate } from '../propagate.js';
import type { Candidate, OrgProfile } from '../types.js';
import { detectLogSlots } from './logs.js';
import { detectMailHeaders } from './mail-headers.js';
import { detectNetbiosHosts } from './netbios.js';
import { detectMemberDomainAccounts, detectPaths } from './paths.js';
import { detectRecordFields } from './records.js';
import { detectTables } from './tables.js';

// `text` is the folded text.
export function detectStructure(text: string, org: OrgProfile): Candidate[] {
  const found = [...detectRecordFields(text), ...detectTables(text), ...detectPaths(text), ...detectMailHeaders(text, org), ...detectNetbiosHosts(text),
    ...detectLogSlots(text), ...detectMemberDomainAccounts(text, org)];
  // What a record or a path names is named again in the prose around it.
  return [...found, ...propagate(text, found)];
}
