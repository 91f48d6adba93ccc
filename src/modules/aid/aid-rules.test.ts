import { describe, expect, it } from 'vitest';
import { addBusinessDays, DEFAULT_TARGETS, dueAt, matchScore, median, riskOf, type Candidate } from './aid-rules.js';

describe('response-time targets', () => {
  it('gives critical 1 hour and high 4 hours', () => {
    const from = new Date('2026-12-04T10:00:00Z');
    expect(dueAt('critical', from, DEFAULT_TARGETS).toISOString()).toBe('2026-12-04T11:00:00.000Z');
    expect(dueAt('high', from, DEFAULT_TARGETS).toISOString()).toBe('2026-12-04T14:00:00.000Z');
  });

  it.each([
    ['Wednesday 10:00 JST → Thursday 10:00', '2026-12-02T01:00:00Z', '2026-12-03T01:00:00.000Z'],
    ['Friday 15:00 JST → Monday 15:00', '2026-12-04T06:00:00Z', '2026-12-07T06:00:00.000Z'],
    ['Friday 23:30 JST (14:30 UTC, still Friday in Japan) → Monday 23:30', '2026-12-04T14:30:00Z', '2026-12-07T14:30:00.000Z'],
    ['Saturday 10:00 JST → end of Monday (Tuesday 00:00 JST)', '2026-12-05T01:00:00Z', '2026-12-07T15:00:00.000Z'],
    ['Sunday 23:00 JST → Tuesday 00:00 JST', '2026-12-06T14:00:00Z', '2026-12-07T15:00:00.000Z'],
    ['Sunday 16:00 UTC is Monday 01:00 JST → Tuesday 01:00 JST', '2026-12-06T16:00:00Z', '2026-12-07T16:00:00.000Z'],
  ])('counts normal urgency in business days in Japan time: %s', (_label, from, due) => {
    expect(dueAt('normal', new Date(from), DEFAULT_TARGETS).toISOString()).toBe(due);
  });

  it('counts several business days over a weekend', () => {
    expect(addBusinessDays(new Date('2026-12-03T01:00:00Z'), 3).toISOString()).toBe('2026-12-08T01:00:00.000Z'); // Thu → Tue
  });
});

describe('matching score', () => {
  const base: Candidate = { skills: ['recovery', 'forensics'], languages: ['ja'], prefectures: ['13'], onSite: true, capacity: 2, activeCases: 0, medianResponseMinutes: 30 };
  const need = { skills: ['recovery', 'forensics'] as const, onSite: true, prefecture: '13', language: 'ja' };

  it('gives the full 100 to a perfect, idle, fast responder', () => {
    const m = matchScore({ ...need, skills: [...need.skills] }, base);
    expect(m.score).toBe(100);
    expect(m.reasons.map((r) => r.code)).toEqual(['skills', 'on_site_in_prefecture', 'language', 'load', 'median_response']);
  });

  it('weighs skills by share, region, language, load and speed', () => {
    const half = matchScore({ ...need, skills: ['recovery', 'legal'] }, base);
    expect(half.score).toBe(75);
    expect(half.reasons[0]).toEqual({ code: 'skills', params: { matched: 1, needed: 2 } });
    expect(matchScore({ ...need, skills: [...need.skills] }, { ...base, prefectures: ['27'] }).score).toBe(80);
    expect(matchScore({ ...need, skills: [...need.skills] }, { ...base, onSite: false }).reasons[1]?.code).toBe('remote_only');
    expect(matchScore({ ...need, skills: [...need.skills], language: 'en' }, base).score).toBe(85);
    expect(matchScore({ ...need, skills: [...need.skills] }, { ...base, activeCases: 1 }).score).toBe(95);
    expect(matchScore({ ...need, skills: [...need.skills] }, { ...base, medianResponseMinutes: 600 }).score).toBe(96);
    expect(matchScore({ ...need, skills: [...need.skills] }, { ...base, medianResponseMinutes: null }).score).toBe(98); // 97.5 rounded
  });

  it('gives a remote request 10 for a responder outside the prefecture', () => {
    expect(matchScore({ ...need, skills: [...need.skills], onSite: false }, { ...base, prefectures: [] }).score).toBe(90);
  });

  it('ranks by score: more skills matched beats a nearer responder', () => {
    const near = matchScore({ ...need, skills: ['recovery', 'forensics', 'legal', 'network'] }, { ...base, skills: ['recovery'] });
    const far = matchScore({ ...need, skills: ['recovery', 'forensics', 'legal', 'network'] }, { ...base, skills: ['recovery', 'forensics', 'legal', 'network'], prefectures: ['47'] });
    expect(far.score).toBeGreaterThan(near.score);
  });
});

describe('median and risk', () => {
  it('takes the median of odd and even lists', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('marks open requests due soon, overdue and escalated, and unstarted assigned ones', () => {
    const open = { status: 'open', createdAt: '2026-12-02T00:00:00Z', dueAt: '2026-12-02T04:00:00Z', escalatedAt: null, ackDueAt: null, acknowledgedAt: null };
    expect(riskOf(open, new Date('2026-12-02T01:00:00Z'))).toBeNull();
    expect(riskOf(open, new Date('2026-12-02T03:30:00Z'))).toBe('due_soon');
    expect(riskOf(open, new Date('2026-12-02T04:00:00Z'))).toBe('overdue');
    expect(riskOf({ ...open, escalatedAt: '2026-12-02T00:00:01Z' }, new Date('2026-12-02T01:00:00Z'))).toBe('escalated');
    const assigned = { ...open, status: 'assigned', ackDueAt: '2026-12-02T05:00:00Z' };
    expect(riskOf(assigned, new Date('2026-12-02T04:59:00Z'))).toBeNull();
    expect(riskOf(assigned, new Date('2026-12-02T05:00:00Z'))).toBe('overdue');
    expect(riskOf({ ...assigned, acknowledgedAt: '2026-12-02T04:00:00Z' }, new Date('2026-12-02T06:00:00Z'))).toBeNull();
  });
});
