import type { Database } from './database.js';

export async function getSetting(db: Database, key: string): Promise<string | null> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value ?? null;
}

// Inserts the value unless the key exists, then returns what is stored: two processes starting at
// once agree on one value.
export async function getOrInsertSetting(db: Database, key: string, value: string): Promise<string> {
  await db.insertInto('settings').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).execute();
  return (await getSetting(db, key)) ?? value;
}
