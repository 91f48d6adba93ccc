// The data model behind the monthly PDF: the organisation's own month exactly, the community's under k.
import { describe, expect, it } from 'vitest';
import { incidentRowsOf, incidentsByCategory, medianResponse } from './community.service.js';
import { orgMonths } from './monthly-report.service.js';

const report = (org_id: string, category: string, submitted: string, responded: string | null) => ({ org_id, category, submitted_at: submitted, first_response_at: responded });
const profiles = new Map(['a', 'b', 'c'].map((id) => [id, { sector: 'jsic-e', size_band: '1-20' }]));

describe('monthly report data', () => {
  const reports = [
    report('a', 'ransomware', '2026-11-02T00:00:00.000Z', '2026-11-02T04:00:00.000Z'),
    report('a', 'ransomware', '2026-11-10T00:00:00.000Z', '2026-11-10T10:00:00.000Z'),
    report('b', 'phishing', '2026-11-11T00:00:00.000Z', '2026-11-11T01:00:00.000Z'),
    report('c', 'dos', '2026-11-12T00:00:00.000Z', null),
  ];
  const rows = incidentRowsOf(reports, profiles);

  it('gives an organisation its own month exactly, small numbers included', () => {
    expect(orgMonths(['a'], rows, reports)).toEqual([{ orgId: 'a', reports: 2, byCategory: [{ key: 'ransomware', count: 2 }], medianFirstResponseHours: 7 }]);
  });

  it('gives the community only what k organisations stand behind', () => {
    expect(incidentsByCategory(rows, '2026-11', 3)).toEqual({ group: '2026-11', lessThanK: false, cells: [{ key: 'other', count: 4 }], total: 4 });
    expect(incidentsByCategory(rows, '2026-11', 4)).toEqual({ group: '2026-11', lessThanK: true });
    // Two organisations' reports were answered: below k = 3 no median, however many reports there are.
    expect(medianResponse(reports, 3)).toEqual({ medianHours: null, lessThanK: true });
    expect(medianResponse(reports, 2)).toEqual({ medianHours: 4, lessThanK: false });
  });
});
