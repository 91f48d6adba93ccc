// The two public detectors. Both run every detector on the folded text and share one overlap resolution,
// so a span is never both a proposal and an indicator.
import { detectAccounts } from './accounts.js';
import { detectIbans, detectJapaneseBankAccounts } from './banking.js';
import { loadAnalyser } from './analyser.js';
import { detectAddresses, detectPhones } from './contact.js';
import { detectHosts } from './hosts.js';
import { detectCves, detectHashes, detectMalware } from './iocs.js';
import { detectIdNumbers } from './id-numbers.js';
import { detectNetwork } from './network.js';
import { detectCards, detectMyNumbers } from './numbers.js';
import { detectKnown } from './known.js';
import { detectVictimOrg } from './org.js';
import { detectJapanesePersons } from './person-ja.js';
import { detectLatinPersons } from './person-en.js';
import { resolve } from './resolve.js';
import { detectSecrets } from './secrets.js';
import { detectStructure } from './structure/index.js';
import { fold } from './text.js';
import type { Candidate, Indicator, OrgProfile, Proposal } from './types.js';

// Async only for the Japanese analyser's dictionary, loaded once per process on the first call; the detectors are sync.
export async function analyse(text: string, org: OrgProfile = {}): Promise<{ proposals: Proposal[]; indicators: Indicator[] }> {
  await loadAnalyser();
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
    ...detectIbans(t),
    ...detectJapaneseBankAccounts(t),
    ...detectIdNumbers(t),
    ...detectStructure(t, org),
    ...detectPhones(t),
    ...detectAddresses(t),
    ...detectHosts(t),
    ...detectVictimOrg(t, org),
    ...detectKnown(text, org),
    ...detectJapanesePersons(t),
    ...detectLatinPersons(t),
  ];
  return resolve(candidates);
}

// Proposed redactions {start, end, label, reason}, offsets as JS string indices, sorted, not overlapping.
export const detectSensitive = async (text: string, org: OrgProfile = {}): Promise<Proposal[]> => (await analyse(text, org)).proposals;

// Indicators to keep, with normalised (refanged) values and STIX helpers.
export const extractIndicators = async (text: string, org: OrgProfile = {}): Promise<Indicator[]> => (await analyse(text, org)).indicators;
