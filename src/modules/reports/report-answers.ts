// The structured answers of an incident report: every question has an "unknown" answer, and missing
// answers are unknown. Pure functions, no I/O.
import { AppError } from '../../errors.js';
import type { IncidentCategory } from '../../vocabulary/incident-categories.js';

export const TEXT_MAX = 20_000;
export const SHORT_MAX = 2_000;

export const FOUND_BY = ['own_staff', 'monitoring_vendor', 'customer', 'police', 'provider', 'other', 'unknown'] as const;
export const IMPACT_LEVELS = ['none', 'low', 'high', 'unknown'] as const;
export const YES_NO = ['yes', 'no', 'unknown'] as const;

export type FoundBy = (typeof FOUND_BY)[number];
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];
export type YesNo = (typeof YES_NO)[number];

export interface ReportAnswers {
  startedAt: string | null; // null: unknown
  noticedAt: string | null;
  foundBy: FoundBy;
  foundByOther: string;
  category: IncidentCategory;
  affectedSystems: string;
  impact: { confidentiality: ImpactLevel; integrity: ImpactLevel; availability: ImpactLevel };
  personalData: { involved: YesNo; count: number | null; sensitive: YesNo; financialRisk: YesNo; unauthorisedAccess: YesNo };
  ransom: { demanded: YesNo; details: string };
  businessImpact: string;
  ongoing: YesNo; // is it still happening?
  // Help now: yes makes the submission (or an amendment) ask for help too, on site when onSite is yes.
  help: { wanted: YesNo; what: string; onSite: YesNo };
  // May an advisory built from this report name the organisation? Anything but an explicit yes is no.
  sharing: { nameConsent: YesNo };
}

// What a client may send: any part may be left out (it is then unknown).
export type AnswersInput = {
  [K in keyof ReportAnswers]?: ReportAnswers[K] extends Record<string, unknown> ? Partial<ReportAnswers[K]> | undefined : ReportAnswers[K] | undefined;
};

export function emptyAnswers(): ReportAnswers {
  return {
    startedAt: null, noticedAt: null, foundBy: 'unknown', foundByOther: '', category: 'unknown', affectedSystems: '',
    impact: { confidentiality: 'unknown', integrity: 'unknown', availability: 'unknown' },
    personalData: { involved: 'unknown', count: null, sensitive: 'unknown', financialRisk: 'unknown', unauthorisedAccess: 'unknown' },
    ransom: { demanded: 'unknown', details: '' },
    businessImpact: '',
    ongoing: 'unknown',
    help: { wanted: 'unknown', what: '', onSite: 'unknown' },
    sharing: { nameConsent: 'unknown' },
  };
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;
// A browser's clock may run a little ahead of ours.
const CLOCK_SKEW_MS = 10 * 60 * 1000;

/** A date ("2026-11-30", read as the start of that day in Japan) or a date-time with an offset, as epoch ms. */
export function parseReportDate(value: string): number | null {
  if (DATE_ONLY.test(value)) {
    const ms = Date.parse(`${value}T00:00:00+09:00`);
    return Number.isNaN(ms) || new Date(ms + 9 * 3600_000).toISOString().slice(0, 10) !== value ? null : ms;
  }
  if (!DATE_TIME.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** Fills in unknowns and checks the dates: each valid, started <= noticed <= now. */
export function cleanAnswers(input: AnswersInput | undefined, now: Date): ReportAnswers {
  const base = emptyAnswers();
  const a = input ?? {};
  const answers: ReportAnswers = {
    ...base,
    ...stripUndefined({ startedAt: a.startedAt, noticedAt: a.noticedAt, foundBy: a.foundBy, category: a.category, ongoing: a.ongoing }),
    foundByOther: (a.foundByOther ?? '').trim(),
    affectedSystems: (a.affectedSystems ?? '').trim(),
    businessImpact: (a.businessImpact ?? '').trim(),
    impact: { ...base.impact, ...stripUndefined(a.impact ?? {}) },
    personalData: { ...base.personalData, ...stripUndefined(a.personalData ?? {}) },
    ransom: { ...base.ransom, ...stripUndefined(a.ransom ?? {}), details: (a.ransom?.details ?? '').trim() },
    help: { ...base.help, ...stripUndefined(a.help ?? {}), what: (a.help?.what ?? '').trim() },
    sharing: { ...base.sharing, ...stripUndefined(a.sharing ?? {}) },
  };
  checkDates(answers, now);
  return answers;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checkDates(answers: ReportAnswers, now: Date): void {
  const started = answers.startedAt === null ? null : parseReportDate(answers.startedAt);
  const noticed = answers.noticedAt === null ? null : parseReportDate(answers.noticedAt);
  if (answers.startedAt !== null && started === null) throw new AppError('invalid_report_dates', { detail: 'startedAt' });
  if (answers.noticedAt !== null && noticed === null) throw new AppError('invalid_report_dates', { detail: 'noticedAt' });
  const limit = now.getTime() + CLOCK_SKEW_MS;
  if ((started !== null && started > limit) || (noticed !== null && noticed > limit)) {
    throw new AppError('invalid_report_dates', { detail: 'future' });
  }
  if (started !== null && noticed !== null && started > noticed) throw new AppError('invalid_report_dates', { detail: 'order' });
}

/** The report text as stored: trimmed; a submitted report needs 1 to TEXT_MAX characters. */
export function cleanText(text: string | undefined, required: boolean): string {
  const clean = (text ?? '').trim();
  if (clean.length > TEXT_MAX) throw new AppError('report_text_invalid', { max: TEXT_MAX });
  if (required && clean.length === 0) throw new AppError('report_text_invalid', { max: TEXT_MAX });
  return clean;
}

/** When the organisation became aware: the noticed date if known, else the given fallback (first submission). */
export function awareAt(answers: ReportAnswers, fallback: string): string {
  const noticed = answers.noticedAt === null ? null : parseReportDate(answers.noticedAt);
  return noticed === null ? fallback : new Date(noticed).toISOString();
}
