// anshin demo generate: a demo community of any size with months of activity (benchmarks, trying the dashboards).
import { InvalidArgumentError, type Command } from 'commander';
import { seedDemoActivity } from '../demo/demo-activity.js';
import { seedDemo } from '../demo/demo.js';
import { print, withDatabase } from './support.js';

const integer = (min: number, max: number) => (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`an integer from ${min} to ${max}`);
  return n;
};

export function registerDemoCommands(program: Command): void {
  program
    .command('demo')
    .description('demo data')
    .command('generate')
    .description('on an empty database: a demo community of --orgs organisations with --months months of reports, advisories and sightings; prints the sign-ins')
    .option('--orgs <n>', 'organisations (the named demo ones first)', integer(2, 100_000), 1000)
    .option('--months <n>', 'months of activity, ending now', integer(1, 60), 12)
    .option('--seed <n>', 'seed of the generator (same seed, same community)', integer(0, 2 ** 31), 1)
    .action(async (options: { orgs: number; months: number; seed: number }) =>
      withDatabase(async (db, config) => {
        const started = Date.now();
        const demo = await seedDemo(db, { config }, { orgCount: options.orgs, seed: options.seed });
        if (!demo) {
          process.stderr.write('anshin: the database already has users; demo generate needs an empty database\n');
          process.exitCode = 1;
          return;
        }
        const counts = await seedDemoActivity(db, config, { months: options.months, seed: options.seed });
        print(`Generated ${options.orgs} organisations and ${options.months} months in ${((Date.now() - started) / 1000).toFixed(1)} s: `
          + `${counts.reports} reports, ${counts.advisories} advisories (${counts.notifications} notifications), ${counts.indicators} indicators, ${counts.sightings} sightings.`);
        print('Sign-ins (passwords are random, shown once):');
        for (const c of demo.credentials) print(`  ${c.role.padEnd(22)} ${c.email.padEnd(34)} ${c.password}`);
      }),
    );
}
