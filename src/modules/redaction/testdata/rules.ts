// The rule detectors without the person detectors (their own tests cover those), resolved the way analyse()
// resolves them: synchronous, for tests of structure, numbers and kept indicators.
import { detectAccounts } from '../accounts.js';
import { detectIbans, detectJapaneseBankAccounts } from '../banking.js';
import { detectAddresses, detectPhones } from '../contact.js';
import { detectHosts } from '../hosts.js';
import { detectIdNumbers } from '../id-numbers.js';
import { detectCves, detectHashes, detectMalware } from '../iocs.js';
import { detectNetwork } from '../network.js';
import { detectCards, detectMyNumbers } from '../numbers.js';
import { detectVictimOrg } from '../org.js';
import { resolve } from '../resolve.js';
import { detectSecrets } from '../secrets.js';
import { detectStructure } from '../structure/index.js';
import { fold } from '../text.js';
import type { Indicator, OrgProfile, Proposal } from '../types.js';

export function analyseRules(text: string, org: OrgProfile = {}): { proposals: Proposal[]; indicators: Indicator[] } {
  const t = fold(text);
  return resolve([
    ...detectNetwork(t, org), ...detectHashes(t), ...detectCves(t), ...detectMalware(t), ...detectSecrets(t),
    ...detectAccounts(t), ...detectCards(t), ...detectMyNumbers(t), ...detectIbans(t), ...detectJapaneseBankAccounts(t),
    ...detectIdNumbers(t), ...detectStructure(t, org), ...detectPhones(t), ...detectAddresses(t), ...detectHosts(t),
    ...detectVictimOrg(t, org),
  ]);
}

// [label, covered text] of every proposal, and the text of every kept indicator.
export function spans(text: string, org: OrgProfile = {}): { redacted: [string, string][]; kept: string[] } {
  const { proposals, indicators } = analyseRules(text, org);
  return {
    redacted: proposals.map((p) => [p.label, text.slice(p.start, p.end)]),
    kept: indicators.map((i) => text.slice(i.start, i.end)),
  };
}
