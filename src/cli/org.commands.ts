// anshin org list | create | show: the machine's operator manages member organisations.
import { Option, type Command } from 'commander';
import { systemContext } from '../auth/actor.js';
import { AppError } from '../errors.js';
import { ORG_CODES } from '../modules/orgs/org-model.js';
import { createOrgAsOperator, getOrgAsOperator, listOrgsAsOperator } from '../modules/orgs/orgs.service.js';
import type { Org, OrgInput } from '../modules/orgs/org-model.js';
import type { OrgStatus } from '../modules/orgs/org-reference.js';
import { print, withDatabase } from './support.js';

interface CreateOptions {
  nameJa: string;
  nameEn: string;
  sector: string;
  sizeBand: string;
  prefecture: string;
  status: OrgStatus;
  domain?: string[];
  ipRange?: string[];
  alias?: string[];
  json?: boolean;
}

// Repeatable options (no default, so that --help does not show "default: []").
const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

// The operator reads English on the terminal; AppError codes become their messages.
async function run(action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof AppError) throw new Error(error.localized('en'));
    throw error;
  }
}

function printOrg(org: Org): void {
  const lines: Array<[string, string]> = [
    ['id', org.id],
    ['name (ja)', org.nameJa],
    ['name (en)', org.nameEn],
    ['aliases', org.aliases.join(', ')],
    ['status', org.status],
    ['sector', org.sector],
    ['size band', org.sizeBand],
    ['prefecture', org.prefecture],
    ['domains', org.domains.join(', ')],
    ['ip ranges', org.ipRanges.join(', ')],
    ['contacts', org.contacts.map((c) => `${c.kind}: ${[c.name, c.email, c.phone].filter(Boolean).join(' ')}`).join('; ')],
    ['created', org.createdAt],
    ['updated', org.updatedAt],
  ];
  for (const [label, value] of lines) print(`${label.padEnd(11)} ${value}`);
}

const inputOf = (options: CreateOptions): OrgInput => ({
  nameJa: options.nameJa,
  nameEn: options.nameEn,
  aliases: options.alias ?? [],
  sector: options.sector,
  sizeBand: options.sizeBand,
  prefecture: options.prefecture,
  status: options.status,
  domains: options.domain ?? [],
  ipRanges: options.ipRange ?? [],
  contacts: [],
});

function registerCreate(org: Command): void {
  org
    .command('create')
    .description('register an organisation (recorded in the audit trail without a user)')
    .requiredOption('--name-ja <name>', 'name in Japanese')
    .requiredOption('--name-en <name>', 'name in English (lists are sorted by it)')
    .addOption(new Option('--sector <code>', 'industry: JSIC division or critical-infrastructure sector').choices(ORG_CODES.sector).makeOptionMandatory())
    .addOption(new Option('--size-band <code>', 'number of employees').choices(ORG_CODES.sizeBand).makeOptionMandatory())
    .addOption(new Option('--prefecture <code>', 'JIS X 0401 prefecture code, 01 (Hokkaido) to 47 (Okinawa)').choices(ORG_CODES.prefecture).makeOptionMandatory())
    .addOption(new Option('--status <status>', 'initial status').choices(ORG_CODES.status).default('active'))
    .option('--alias <name>', 'another name the organisation is known by; repeat for more', collect)
    .option('--domain <domain>', 'a domain the organisation registers (Unicode names are accepted); repeat for more', collect)
    .option('--ip-range <cidr>', 'an IPv4 or IPv6 range in CIDR notation, e.g. 192.0.2.0/24; repeat for more', collect)
    .option('--json', 'print the created organisation as JSON')
    .action(async (options: CreateOptions) =>
      run(() =>
        withDatabase(async (db) => {
          const created = await createOrgAsOperator(db, systemContext('en'), inputOf(options));
          if (options.json) print(JSON.stringify(created, null, 2));
          else printOrg(created);
        }),
      ),
    );
}

export function registerOrgCommands(program: Command): void {
  const org = program.command('org').description('member organisations: list, register, show');

  org
    .command('list')
    .description('list every organisation, sorted by English name')
    .option('--json', 'print JSON instead of a table')
    .action(async (options: { json?: boolean }) =>
      run(() =>
        withDatabase(async (db) => {
          const { items } = await listOrgsAsOperator(db, {});
          if (options.json) return print(JSON.stringify(items, null, 2));
          if (items.length === 0) return print('no organisations');
          for (const item of items) print([item.id, item.status.padEnd(9), item.prefecture, item.sector.padEnd(8), item.nameEn, `(${item.nameJa})`].join('  '));
        }),
      ),
    );

  registerCreate(org);

  org
    .command('show')
    .description('show one organisation with its domains, IP ranges and contacts')
    .argument('<id>', 'the organisation id (see "anshin org list")')
    .option('--json', 'print JSON')
    .action(async (id: string, options: { json?: boolean }) =>
      run(() =>
        withDatabase(async (db) => {
          const found = await getOrgAsOperator(db, id);
          if (options.json) print(JSON.stringify(found, null, 2));
          else printOrg(found);
        }),
      ),
    );
}
