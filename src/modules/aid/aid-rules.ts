// Pure rules of mutual aid: response-time targets and due times, the matching score with its reasons,
// and which open requests are at risk. No I/O, so tests and benchmarks call them directly.
import type { Skill, Urgency } from './aid-codes.js';
import type { IncidentCategory } from '../../vocabulary/incident-categories.js';

export interface Targets {
  criticalMinutes: number;
  highMinutes: number;
  normalBusinessDays: number;
}

/** The defaults of AID_TARGET_*: critical 1 hour, high 4 hours, normal 1 business day. */
export const DEFAULT_TARGETS: Targets = { criticalMinutes: 60, highMinutes: 240, normalBusinessDays: 1 };

const JST_OFFSET_MS = 9 * 3600_000;
const DAY_MS = 24 * 3600_000;
const isWeekendJst = (ms: number) => {
  const day = new Date(ms + JST_OFFSET_MS).getUTCDay();
  return day === 0 || day === 6;
};

/**
 * `days` business days (Monday–Friday, Japan time; holidays are not counted) after `from`: the same
 * time of day on the n-th next weekday. A start on a weekend counts from Monday 00:00 Japan time.
 */
export function addBusinessDays(from: Date, days: number): Date {
  let ms = from.getTime();
  if (isWeekendJst(ms)) {
    const midnightJst = Math.floor((ms + JST_OFFSET_MS) / DAY_MS) * DAY_MS - JST_OFFSET_MS;
    ms = midnightJst;
    while (isWeekendJst(ms)) ms += DAY_MS;
  }
  for (let left = days; left > 0;) {
    ms += DAY_MS;
    if (!isWeekendJst(ms)) left -= 1;
  }
  return new Date(ms);
}

/**
 * The skills a first responder needs for each kind of incident, when the member did not choose (a report that asks
 * for help): triage always, then what the kind usually takes.
 */
export const SKILLS_FOR_CATEGORY: Readonly<Record<IncidentCategory, readonly Skill[]>> = {
  ransomware: ['triage', 'recovery', 'forensics'],
  malware: ['triage', 'malware_analysis', 'recovery'],
  phishing: ['triage', 'identity'],
  fraud: ['triage', 'legal', 'identity'],
  unauthorised_access: ['triage', 'identity', 'forensics'],
  data_leak: ['triage', 'forensics', 'legal', 'communications'],
  dos: ['triage', 'network'],
  defacement: ['triage', 'recovery'],
  other: ['triage'],
  unknown: ['triage'],
};

/** How urgent a report's call for help is: critical while it is still happening, high when unsure, else normal. */
export const urgencyOf = (ongoing: 'yes' | 'no' | 'unknown'): Urgency => (ongoing === 'yes' ? 'critical' : ongoing === 'unknown' ? 'high' : 'normal');

/** When a responder should have been found (or, from assignment, should have started work). */
export function dueAt(urgency: Urgency, from: Date, targets: Targets): Date {
  if (urgency === 'critical') return new Date(from.getTime() + targets.criticalMinutes * 60_000);
  if (urgency === 'high') return new Date(from.getTime() + targets.highMinutes * 60_000);
  return addBusinessDays(from, targets.normalBusinessDays);
}

export interface MatchNeed {
  skills: readonly Skill[];
  onSite: boolean;
  prefecture: string;
  language: string;
}

export interface Candidate {
  skills: readonly string[];
  languages: readonly string[];
  prefectures: readonly string[];
  onSite: boolean;
  capacity: number;
  activeCases: number;
  /** Median minutes from offer to answer over past offers; null without history. */
  medianResponseMinutes: number | null;
}

export interface Reason {
  code: string;
  params?: Record<string, string | number>;
}

export interface Match {
  score: number;
  reasons: Reason[];
}

/**
 * Score out of 100: skills 50 (share of the needed skills), on site in the prefecture 20 (a remote
 * request: 20 if the prefecture is served, 10 otherwise), language 15, spare capacity 10, past
 * response time 5. Each part comes with a reason the UI shows.
 */
export function matchScore(need: MatchNeed, c: Candidate): Match {
  const reasons: Reason[] = [];
  const matched = need.skills.filter((s) => c.skills.includes(s));
  const skillShare = need.skills.length === 0 ? 1 : matched.length / need.skills.length;
  reasons.push({ code: 'skills', params: { matched: matched.length, needed: need.skills.length } });
  const serves = c.prefectures.includes(need.prefecture);
  let place: number;
  if (need.onSite) {
    place = c.onSite && serves ? 20 : 0;
    reasons.push({ code: c.onSite && serves ? 'on_site_in_prefecture' : c.onSite ? 'on_site_elsewhere' : 'remote_only', params: { prefecture: need.prefecture } });
  } else {
    place = serves ? 20 : 10;
    reasons.push({ code: serves ? 'serves_prefecture' : 'remote', params: { prefecture: need.prefecture } });
  }
  const speaks = c.languages.includes(need.language);
  reasons.push({ code: speaks ? 'language' : 'no_language', params: { language: need.language } });
  const spare = Math.max(0, c.capacity - c.activeCases);
  reasons.push({ code: 'load', params: { active: c.activeCases, capacity: c.capacity } });
  const m = c.medianResponseMinutes;
  const speed = m === null ? 2.5 : m <= 60 ? 5 : m <= 240 ? 3 : 1;
  reasons.push(m === null ? { code: 'no_history' } : { code: 'median_response', params: { minutes: Math.round(m) } });
  const score = 50 * skillShare + place + (speaks ? 15 : 0) + (c.capacity > 0 ? 10 * (spare / c.capacity) : 0) + speed;
  return { score: Math.round(score), reasons };
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export type Risk = 'overdue' | 'due_soon' | 'escalated' | null;

/**
 * An open request is at risk once it is escalated, past its due time, or in the last quarter of its
 * target; an assigned one when the responder has not started work by its acknowledgement due time.
 */
export function riskOf(r: { status: string; createdAt: string; dueAt: string; escalatedAt: string | null; ackDueAt: string | null; acknowledgedAt: string | null }, now: Date): Risk {
  const t = now.getTime();
  if (r.status === 'open' || r.status === 'offered') {
    const due = Date.parse(r.dueAt);
    if (t >= due) return 'overdue';
    if (r.escalatedAt) return 'escalated';
    const start = Date.parse(r.createdAt);
    return t >= due - (due - start) / 4 ? 'due_soon' : null;
  }
  if (r.status === 'assigned' && !r.acknowledgedAt && r.ackDueAt && t >= Date.parse(r.ackDueAt)) return 'overdue';
  return null;
}
