// Who an advisory goes to, and whether its TLP allows it: CLEAR may be public; GREEN goes to the
// community or a sharing group, never public; AMBER and AMBER+STRICT only to the organisations it is
// addressed to (their feeds); RED is never published through the platform. Pure.
import { AppError } from '../../errors.js';
import { MAX_AUDIENCE_ORGS } from './advisory-limits.js';
import { placementAllowed, type Audience as CollectionAudience, type TlpLevel } from '../stix/tlp.js';

export type AdvisoryAudience =
  | { readonly kind: 'public' }
  | { readonly kind: 'community' }
  | { readonly kind: 'group'; readonly groupId: string }
  | { readonly kind: 'orgs'; readonly orgIds: readonly string[] };


/** The collection audiences an advisory is placed in: public advisories also reach the community's collection. */
export function collectionAudiences(audience: AdvisoryAudience): CollectionAudience[] {
  switch (audience.kind) {
    case 'public': return ['public', 'community'];
    case 'community': return ['community'];
    case 'group': return ['group'];
    case 'orgs': return ['feed'];
  }
}

export type PublishableTlp = Exclude<TlpLevel, 'red'>;

export function isPublishable(tlp: TlpLevel): tlp is PublishableTlp {
  return tlp !== 'red';
}

/** Throws a clear error when the TLP level may not go to this audience; returns the cleaned audience. */
export function checkAudience(tlp: TlpLevel, audience: AdvisoryAudience): AdvisoryAudience {
  if (!isPublishable(tlp)) throw new AppError('tlp_red_not_publishable');
  if (audience.kind === 'orgs') {
    const orgIds = [...new Set(audience.orgIds)];
    if (orgIds.length === 0 || orgIds.length > MAX_AUDIENCE_ORGS) throw new AppError('validation_failed', { detail: `orgIds: 1–${MAX_AUDIENCE_ORGS} organisations` });
    return { kind: 'orgs', orgIds };
  }
  if (!collectionAudiences(audience).every((a) => placementAllowed(tlp, a))) {
    throw new AppError('tlp_audience_mismatch', { tlp: tlp.toUpperCase(), audience: audience.kind });
  }
  return audience;
}
