// The coordinator desk's STIX identity: every advisory is published under it, never under the
// victim's. Created once, on first use, and kept in the settings so every process shares it.
import { randomUUID } from 'node:crypto';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { getOrInsertSetting } from '../../db/settings.repository.js';
import { TLP_MARKINGS } from '../stix/tlp.js';

export interface DeskIdentity {
  readonly type: 'identity';
  readonly id: string;
  readonly name: string;
  readonly [property: string]: unknown;
}

const CLEAR = Object.keys(TLP_MARKINGS).find((id) => TLP_MARKINGS[id]?.name === 'TLP:CLEAR') as string;

export async function deskIdentity(db: Database, config: Pick<Config, 'deskName'>): Promise<DeskIdentity> {
  const created = new Date().toISOString();
  const fresh: DeskIdentity = {
    type: 'identity', spec_version: '2.1', id: `identity--${randomUUID()}`, created, modified: created, name: config.deskName,
    identity_class: 'organization', object_marking_refs: [CLEAR],
  };
  return JSON.parse(await getOrInsertSetting(db, 'sharing.desk_identity', JSON.stringify(fresh))) as DeskIdentity;
}
