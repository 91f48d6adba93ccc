// The shape of a block that another feature adds to a home page (mutual aid today). A file of its own, so that a
// feature providing a block (aid/aid-home.ts) and the home page that shows it (home.service.ts) import it, not each other.
import type { RequestContext } from '../../auth/actor.js';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';

export type HomeRole = 'member' | 'coordinator' | 'responder';

/** One block of a home page that another feature contributes, rendered by the UI as it comes. */
export interface HomeSection {
  id: string;
  title: { ja: string; en: string };
  count?: number;
  items: Array<{ label: string; href?: string; detail?: string }>;
}

export type HomeSectionProvider = (db: Database, config: Config, ctx: RequestContext, now: Date) => Promise<HomeSection | HomeSection[] | null>;
