import { describe, expect, it } from 'vitest';
import { aidResponseTimes } from './community.service.js';

describe('mutual-aid response times in the community picture', () => {
  const row = (org: string, created: string, assigned: string | null, closed: string | null) => ({
    org_id: org, created_at: created, assigned_at: assigned, closed_at: closed, status: closed ? 'closed' : assigned ? 'assigned' : 'open',
  });
  const rows = [
    row('a', '2026-11-02T00:00:00.000Z', '2026-11-02T01:00:00.000Z', '2026-11-03T00:00:00.000Z'),
    row('b', '2026-11-05T00:00:00.000Z', '2026-11-05T03:00:00.000Z', null),
    row('a', '2026-12-01T00:00:00.000Z', '2026-12-01T02:00:00.000Z', null),
  ];

  it('gives each month the median hours behind at least k organisations, and no number below k', () => {
    expect(aidResponseTimes(rows, ['2026-11', '2026-12'], 2)).toEqual([
      { month: '2026-11', assign: { medianHours: 2, lessThanK: false }, resolve: { medianHours: null, lessThanK: true } },
      { month: '2026-12', assign: { medianHours: null, lessThanK: true }, resolve: { medianHours: null, lessThanK: false } },
    ]);
  });
});
