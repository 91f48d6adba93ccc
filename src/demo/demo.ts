import type { Config } from '../config.js';
import type { Database } from '../db/database.js';

export interface DemoCredential {
  role: string;
  email: string;
  password: string;
}

// Placeholder until the demo generator lands.
export async function seedDemo(_db: Database, _deps: { config: Config }): Promise<{ credentials: DemoCredential[] } | null> {
  return null;
}
