// The two public detectors. Both run every detector on the folded text and share one overlap resolution,
// so a span is never both a proposal and an indicator.
import { detectAccounts } from './accounts.js';
import { detectAddresses, detectPhones } from './contact.js';
import { detectHosts } from './hosts.js';
import { detectCves, detectHashes, detectMalware } from './iocs.js';
import { detectNetwork } from './network.js';
import { detectCards, detectMyNumbers } from './numbers.js';
import { detectVictimOrg } from './org.js';
import { detectJapanesePersons } from './person-ja.js';
import { detectLatinPersons } from './person-en.js';
import { resolve } from './resolve.js';
import { detectSecrets } from './secrets.js';
import { fold } from './text.js';
import type { Candidate, Indicator, OrgProfile, Proposal } from './types.js';

export function analyse(text: string, org: OrgProfile = {}): { proposals: Proposal[]; indicators: Indicator[] } {
  const t = fold(text);
  const candidates: Candidate[] = [
    ...detectNetwork(t, org),
    ...detectHashes(t),
    ...detectCves(t),
    ...detectMalware(t),
    ...detectSecrets(t),
    ...detectAccounts(t),
    ...detectCards(t),
    ...detectMyNumbers(t),
    ...detectPhones(t),
    ...detectAddresses(t),
    ...detectHosts(t),
    ...detectVictimOrg(t, org),
    ...detectJapanesePersons(t),
    ...detectLatinPersons(t),
  ];
  return resolve(candidates);
}

// Proposed redactions {start, end, label, reason}, offsets as JS string indices, sorted, not overlapping.
export const detectSensitive = (text: string, org: OrgProfile = {}): Proposal[] => analyse(text, org).proposals;

// Indicators to keep, with normalised (refanged) values and STIX helpers.
export const extractIndicators = (text: string, org: OrgProfile = {}): Indicator[] => analyse(text, org).indicators;
