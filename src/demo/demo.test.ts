import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../../test/helpers/databases.js';
import { as, signIn, useTestApp } from '../../test/helpers/app.js';
import { demoOrganisations, seedDemo } from './demo.js';

describe('demo community generator', () => {
  it('is deterministic for a seed and scales to a thousand organisations', () => {
    const a = demoOrganisations(1000, 7);
    expect(a).toHaveLength(1000);
    expect(demoOrganisations(1000, 7)).toEqual(a);
    expect(new Set(a.map((o) => o.input.domains[0])).size).toBe(1000);
    expect(new Set(a.map((o) => o.input.sector)).size).toBeGreaterThan(10);
  });
});

describeEachDatabase('demo community', (database) => {
  const ctx = useTestApp(database);

  it('creates sectors and sizes, users for every role, and sign-ins that work', async () => {
    const demo = await seedDemo(ctx.db, ctx);
    expect(demo).not.toBeNull();
    const orgs = await ctx.db.selectFrom('organisations').select(['sector', 'size_band']).execute();
    expect(orgs.length).toBeGreaterThanOrEqual(8);
    expect(new Set(orgs.map((o) => o.size_band)).size).toBeGreaterThanOrEqual(4);
    const roles = demo!.credentials.map((c) => c.role).join(' ');
    for (const role of ['administrator', 'coordinator', 'responder', 'auditor', 'org_admin', 'member']) expect(roles).toContain(role);
    for (const credential of demo!.credentials.slice(0, 4)) {
      const session = await signIn(ctx, credential);
      expect((await as(ctx, session)({ method: 'GET', url: '/api/account' })).json().email).toBe(credential.email);
    }
    expect(await seedDemo(ctx.db, ctx)).toBeNull();
  });
});
