// Objects stored before granular markings counted towards an object's TLP (issue 17) keep the TLP they were stored
// with and may sit in collections their strictest marking does not allow (a GREEN indicator with a RED description
// in the community collection). `anshin stix recheck-tlp` finds them once after an upgrade: it corrects the stored
// TLP and lists every misplaced copy; with `remove`, it takes those copies out of the collections as a TAXII delete
// would (audit and ledger entries included). Nothing else is changed: the object stays where its TLP allows it.
import { systemContext } from '../../auth/actor.js';
import type { Database } from '../../db/database.js';
import { placementAllowed, stricterOf, tlpOfObject, type TlpLevel } from '../stix/tlp.js';
import { findEntriesOfVersions } from './browse.repository.js';
import { findCollection } from './collections.repository.js';
import { ledgerOnDeleted } from './ledger-hooks.js';
import { findVersionsWithGranularMarkings, setObjectTlp } from './store.repository.js';
import { deleteObjectVersions } from './store.service.js';

const PAGE = 1000;

export interface MisplacedCopy {
  stixId: string;
  version: string;
  tlp: TlpLevel;
  collectionId: string;
  audience: string;
}

export interface RecheckResult {
  checked: number; // stored versions with granular markings
  retagged: number; // whose stored TLP was corrected
  misplaced: MisplacedCopy[];
  removed: number; // copies taken out of collections (with `remove`)
}

export async function recheckTlp(db: Database, options: { remove: boolean }): Promise<RecheckResult> {
  const result: RecheckResult = { checked: 0, retagged: 0, misplaced: [], removed: 0 };
  const request = systemContext('en');
  for (let after = 0; ;) {
    // A cheap pre-filter on the JSON text; each candidate is parsed and checked exactly.
    const rows = await findVersionsWithGranularMarkings(db, after, PAGE);
    if (rows.length === 0) break;
    after = (rows[rows.length - 1] as { pk: number }).pk;
    for (const row of rows) {
      const object = JSON.parse(row.json) as Parameters<typeof tlpOfObject>[0];
      if (!Array.isArray(object.granular_markings)) continue;
      result.checked++;
      const tlp = stricterOf(row.tlp, tlpOfObject(object, row.tlp));
      if (tlp !== row.tlp) {
        await setObjectTlp(db, row.pk, tlp);
        result.retagged++;
      }
      for (const held of await findEntriesOfVersions(db, [row])) {
        const collection = await findCollection(db, held.collection_id);
        if (!collection || placementAllowed(tlp, collection.audience)) continue;
        result.misplaced.push({ stixId: row.stix_id, version: row.version, tlp, collectionId: collection.id, audience: collection.audience });
        if (!options.remove) continue;
        const versions = { all: false, first: false, last: false, keys: [row.version_key] };
        result.removed += await deleteObjectVersions(db, request, collection, row.stix_id, { versions }, ledgerOnDeleted(request, collection, row.stix_id));
      }
    }
  }
  return result;
}
