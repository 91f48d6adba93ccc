import { ConfigError, loadConfig, type Config } from '../config.js';
import { connectDatabase } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';

// What every CLI command shares. The CLI talks to the operator on stdout/stderr; the server logs with pino.
export const print = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};

export function configOrExit(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

// Opens the database, brings its schema up to date, runs the command, closes the database.
export async function withDatabase<T>(run: (db: Database, config: Config) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = configOrExit();
  const db = connectDatabase(config.databaseUrl);
  try {
    if (options.migrate !== false) await migrateToLatest(db);
    return await run(db, config);
  } finally {
    await db.destroy();
  }
}

