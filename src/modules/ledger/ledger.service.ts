// TEMPORARY STAND-IN until the ledger branch is merged (replaced by the real module).
import type { Database } from '../../db/database.js';
export async function appendLedgerEvents(_trx: Database, _events: ReadonlyArray<Record<string, unknown>>): Promise<void> {}
