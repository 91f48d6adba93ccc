// Everything the intel object page shows about correlation: the object's values and links and, for an
// indicator, its sightings and confidence. Only for an object the caller can read (else 404), and only as its newest
// version the caller can read (see heldValues in extract.ts and correlation.service.ts).
import { requireAccess } from '../../auth/access.js';
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { AppError } from '../../errors.js';
import { readableObjects } from '../taxii/changes.service.js';
import { linksOfObject } from './correlation.service.js';
import { indicatorStanding } from './sightings.service.js';

export async function objectCorrelation(db: Database, config: Config, ctx: RequestContext, stixId: string) {
  requireAccess({ actor: ctx.actor, permission: 'stix.browse' });
  const found = (await readableObjects(db, config, ctx, [stixId])).get(stixId);
  if (!found) throw new AppError('not_found');
  const standing = found.value.type === 'indicator' ? await indicatorStanding(db, config, ctx, found.value) : null;
  return {
    id: stixId,
    type: String(found.value.type),
    ...(await linksOfObject(db, config, ctx, found.value)),
    sightings: standing?.sightings ?? null,
    confidence: standing?.confidence ?? null,
  };
}
