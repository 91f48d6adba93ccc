import { Command } from 'commander';
import { expect, it } from 'vitest';
import { runCli, useCliDatabase } from '../../test/helpers/cli.js';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { connectDatabase } from '../db/connect.js';
import { registerOrgCommands } from './org.commands.js';

const anshin = (...args: string[]) => runCli(registerOrgCommands, ['org', ...args]);

describeEachDatabase('anshin org', (database) => {
  const cli = useCliDatabase(database);

  const required = ['--name-ja', '安心商事', '--name-en', 'Anshin Trading', '--sector', 'jsic-i', '--size-band', '21-100', '--prefecture', '13'];

  it('creates, lists and shows an organisation, audited without a user', async () => {
    const created = JSON.parse(await anshin('create', ...required, '--domain', '日本.jp', '--domain', 'anshin.example', '--ip-range', '192.0.2.9/24', '--json'));
    expect(created).toMatchObject({ nameEn: 'Anshin Trading', status: 'active', domains: ['anshin.example', 'xn--wgv71a.jp'], ipRanges: ['192.0.2.0/24'] });

    expect(JSON.parse(await anshin('list', '--json'))).toEqual([expect.objectContaining({ id: created.id, nameJa: '安心商事' })]);
    expect(await anshin('list')).toContain(`${created.id}  active`);
    const shown = await anshin('show', created.id);
    expect(shown).toContain('xn--wgv71a.jp');
    expect(shown).toContain('192.0.2.0/24');

    const db = connectDatabase(cli.url());
    try {
      const events = await db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('org_id', '=', created.id).execute();
      expect(events).toEqual([{ action: 'org.created', actor_user_id: null }]);
    } finally {
      await db.destroy();
    }
  });

  it('refuses bad input with a readable message and creates nothing', async () => {
    const before = await anshin('list', '--json');
    await expect(anshin('create', ...required, '--domain', 'example..com')).rejects.toThrow('Not a valid domain name: example..com');
    await expect(anshin('create', ...required, '--ip-range', '10.0.0.0/33')).rejects.toThrow('Not a valid IP range (CIDR): 10.0.0.0/33');
    await expect(anshin('create', ...required.slice(0, -2))).rejects.toThrow(/--prefecture/);
    await expect(anshin('create', ...required.slice(0, -2), '--prefecture', '48')).rejects.toThrow(/Allowed choices/);
    expect(await anshin('list', '--json')).toBe(before);
  });

  it('says when an organisation does not exist', async () => {
    await expect(anshin('show', 'no-such-org')).rejects.toThrow('Not found.');
  });

  it('describes every option in --help', () => {
    const program = new Command();
    registerOrgCommands(program);
    const create = program.commands[0]?.commands.find((command) => command.name() === 'create');
    const help = create?.helpInformation() ?? '';
    for (const flag of ['--name-ja', '--name-en', '--sector', '--size-band', '--prefecture', '--status', '--alias', '--domain', '--ip-range', '--json']) {
      expect(help).toMatch(new RegExp(`${flag} <?[a-z]*>? +\\S`));
    }
  });
});
