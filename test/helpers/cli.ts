// The CLI's commands run in-process against a throw-away database: what src/cli/*.test.ts share.
import { Command } from 'commander';
import { afterAll, beforeAll, vi } from 'vitest';
import type { TestDatabase } from './databases.js';

/** Runs `anshin <args>` with the commands `register` adds, and returns what it printed on stdout. */
export async function runCli(register: (program: Command) => void, args: string[]): Promise<string> {
  const program = new Command().exitOverride().configureOutput({ writeErr: () => {} });
  register(program);
  program.commands.forEach(function quiet(command: Command) {
    command.exitOverride().configureOutput({ writeErr: () => {} });
    command.commands.forEach(quiet);
  });
  const printed: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => printed.push(String(chunk)) > 0);
  try {
    await program.parseAsync(args, { from: 'user' });
  } finally {
    spy.mockRestore();
  }
  return printed.join('');
}

/**
 * A fresh database for the suite, named in DATABASE_URL (the CLI reads its configuration from the environment; vitest
 * itself sets BASE_URL=/, a Vite variable). The environment and the exit code are restored afterwards.
 */
export function useCliDatabase(database: TestDatabase): { url: () => string } {
  let url = '';
  let drop: () => Promise<void> = async () => {};
  const saved = { DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: process.env.LOG_LEVEL, BASE_URL: process.env.BASE_URL };
  beforeAll(async () => {
    ({ url, drop } = await database.create());
    Object.assign(process.env, { DATABASE_URL: url, LOG_LEVEL: 'silent', BASE_URL: 'http://localhost:8080' });
  });
  afterAll(async () => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    process.exitCode = undefined;
    await drop();
  });
  return { url: () => url };
}
