// Operator commands: anshin admin create | user list | user invite | token create.
// The operator of the machine acts with the system context; services record them as "no user".
import { Option, type Command } from 'commander';
import { issueToken } from '../auth/account.service.js';
import { systemContext } from '../auth/actor.js';
import { LOCALES, ORG_ROLES, PLATFORM_ROLES, TOKEN_SCOPES, type Locale, type OrgRole, type PlatformRole, type TokenScope } from '../auth/roles.js';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { AppError } from '../errors.js';
import { createMailer } from '../modules/mail/mail.service.js';
import { createInvitation } from '../modules/users/invitations.service.js';
import { createAdministrator, findUsers, requireActiveUserByEmail } from '../modules/users/users.service.js';
import { print, withDatabase } from './support.js';

export function registerAdminCommands(program: Command): void {
  registerAdminCreate(program.command('admin').description('platform administrators'));
  const user = program.command('user').description('people on the platform');
  registerUserList(user);
  registerUserInvite(user);
  registerTokenCreate(program.command('token').description('API tokens'));
}

// Runs a command against the database; a refusal from a service becomes a plain message for the operator.
async function operate(run: (db: Database, config: Config) => Promise<void>): Promise<void> {
  try {
    await withDatabase(run);
  } catch (error) {
    if (error instanceof AppError) throw new Error(error.localized('en'));
    throw error;
  }
}

function checkEmail(value: string): string {
  const email = value.trim().toLowerCase();
  if (email.length > 254 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error(`not an e-mail address: "${value}"`);
  return email;
}

function registerAdminCreate(admin: Command): void {
  admin
    .command('create')
    .description('create an active administrator without a password and print a one-time link to set one')
    .requiredOption('--email <email>', 'e-mail address')
    .requiredOption('--name <name>', 'display name')
    .addOption(new Option('--locale <locale>', 'language of the account').choices(LOCALES).default('ja'))
    .action(async (options: { email: string; name: string; locale: Locale }) => {
      const email = checkEmail(options.email);
      const displayName = options.name.trim();
      if (displayName.length === 0 || displayName.length > 100) throw new Error('--name must be 1 to 100 characters');
      await operate(async (db, config) => {
        const created = await createAdministrator(db, { config }, systemContext(options.locale), { email, displayName, locale: options.locale });
        print(`Administrator ${email} created. Set the password with this one-time link (valid until ${created.expiresAt}):`);
        print(`  ${created.link}`);
      });
    });
}

function registerUserList(user: Command): void {
  user
    .command('list')
    .description('list people (at most 500)')
    .option('--search <text>', 'only e-mail addresses or names containing this')
    .option('--json', 'print JSON')
    .action(async (options: { search?: string; json?: boolean }) =>
      operate(async (db) => {
        const users = await findUsers(db, { q: options.search });
        if (options.json) return print(JSON.stringify(users, null, 2));
        for (const u of users) {
          print(`${u.email.padEnd(36)} ${u.displayName.padEnd(24)} ${u.status.padEnd(8)} ${u.platformRoles.join(',') || '-'}`);
        }
        if (users.length === 0) print('no users');
      }),
    );
}

interface InviteOptions {
  email: string;
  locale: Locale;
  org?: string;
  orgRole?: OrgRole;
  role?: PlatformRole[];
}

function registerUserInvite(user: Command): void {
  user
    .command('invite')
    .description('invite someone by e-mail: queues the invitation mail and prints its link')
    .requiredOption('--email <email>', 'e-mail address')
    .addOption(new Option('--locale <locale>', 'language of the e-mail').choices(LOCALES).default('ja'))
    .option('--org <id>', 'organisation to join')
    .addOption(new Option('--org-role <role>', 'role in the organisation (default member)').choices(ORG_ROLES))
    .addOption(new Option('--role <roles...>', 'platform roles').choices(PLATFORM_ROLES))
    .action(async (options: InviteOptions) => {
      if (options.orgRole && !options.org) throw new Error('--org-role needs --org');
      const input = { email: checkEmail(options.email), locale: options.locale, orgId: options.org, orgRole: options.orgRole, platformRoles: options.role };
      await operate(async (db, config) => {
        const mailer = createMailer(config.smtpUrl, config.mailFrom, { warn: (_obj, msg) => process.stderr.write(`${msg}\n`) });
        const invitation = await createInvitation(db, { config, mailer }, systemContext(options.locale), input, { rejectRegistered: true });
        print(`Invitation for ${invitation.email} queued (valid until ${invitation.expiresAt}). Link:`);
        print(`  ${invitation.link}`);
      });
    });
}

function parseScopes(value: string): TokenScope[] {
  const scopes = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const unknown = scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
  if (scopes.length === 0 || unknown.length > 0) throw new Error(`--scope must be a comma-separated list of ${TOKEN_SCOPES.join(', ')}`);
  return scopes as TokenScope[];
}

function parseDays(value: string): number {
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1 || days > 365) throw new Error('--days must be a whole number from 1 to 365');
  return days;
}

function registerTokenCreate(token: Command): void {
  token
    .command('create')
    .description('create an API token for a user and print it (shown only once)')
    .requiredOption('--user <email>', 'e-mail address of the token\'s owner')
    .requiredOption('--scope <scopes>', 'read or read,write', parseScopes)
    .option('--name <name>', 'what the token is for', 'cli')
    .option('--days <days>', 'days until it expires', parseDays, 90)
    .action(async (options: { user: string; scope: TokenScope[]; name: string; days: number }) =>
      operate(async (db) => {
        const owner = await requireActiveUserByEmail(db, checkEmail(options.user));
        const name = options.name.trim().slice(0, 100) || 'cli';
        const created = await issueToken(db, systemContext(), owner.id, { name, scopes: options.scope, expiresInDays: options.days });
        print(`API token for ${owner.email} (${created.item.scopes.join(',')}, expires ${created.item.expiresAt}). It is shown only this once:`);
        print(`  ${created.token}`);
      }),
    );
}
