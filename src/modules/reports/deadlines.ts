// Reporting deadlines from regime data (deadline-regimes.json): which regimes apply to a report and
// when each of their reports is due. Pure functions; the only code here is the small set of named
// conditions a regime may refer to.
import type { Locale } from '../../auth/roles.js';
import data from './deadline-regimes.json' with { type: 'json' };
import type { ReportAnswers } from './report-answers.js';

type Text = Record<Locale, string>;
export type Condition = 'always' | 'appi_trigger' | 'unauthorised_access';

export interface DeadlineSpec {
  key: string;
  label: Text;
  hours: number;
  upToHours?: number; // a range ("about 3–5 days"): due from hours, at the latest upToHours
  hoursWhen?: Partial<Record<Condition, number>>;
}

export interface Regime {
  id: string;
  default: boolean;
  name: Text;
  appliesWhen: Condition;
  note: Text;
  deadlines: DeadlineSpec[];
}

export const REGIMES: readonly Regime[] = data.regimes as Regime[];
export const REGIME_IDS = REGIMES.map((r) => r.id);

const CONDITIONS: Record<Condition, (a: ReportAnswers) => boolean> = {
  always: () => true,
  unauthorised_access: (a) => a.personalData.unauthorisedAccess === 'yes',
  // APPI art. 26: personal data involved and sensitive data, financial-damage risk, a wrongful
  // purpose (unauthorised access), or more than 1,000 people.
  appi_trigger: (a) => a.personalData.involved === 'yes' && (
    a.personalData.sensitive === 'yes' || a.personalData.financialRisk === 'yes'
    || a.personalData.unauthorisedAccess === 'yes' || (a.personalData.count ?? 0) > 1000),
};

export interface Deadline {
  regimeId: string;
  key: string; // "<regime>.<deadline>"
  label: Text;
  regimeName: Text;
  dueAt: string;
  latestAt: string | null;
  remainingMs: number; // negative when overdue
}

/** The deadlines of a report, from when its organisation became aware, for the enabled regimes. */
export function deadlinesFor(answers: ReportAnswers, awareAt: string, enabledRegimes: readonly string[], now: Date): Deadline[] {
  const start = Date.parse(awareAt);
  const out: Deadline[] = [];
  for (const regime of REGIMES) {
    if (!enabledRegimes.includes(regime.id) || !CONDITIONS[regime.appliesWhen](answers)) continue;
    for (const spec of regime.deadlines) {
      const override = Object.entries(spec.hoursWhen ?? {}).find(([condition]) => CONDITIONS[condition as Condition](answers));
      const hours = override ? (override[1] as number) : spec.hours;
      const due = start + hours * 3600_000;
      out.push({
        regimeId: regime.id, key: `${regime.id}.${spec.key}`, label: spec.label, regimeName: regime.name,
        dueAt: new Date(due).toISOString(),
        latestAt: spec.upToHours && !override ? new Date(start + spec.upToHours * 3600_000).toISOString() : null,
        remainingMs: due - now.getTime(),
      });
    }
  }
  return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}

/** The regimes in force for an organisation: the defaults, changed by its own choices. */
export function enabledRegimeIds(choices: ReadonlyArray<{ regimeId: string; enabled: boolean }>): string[] {
  const chosen = new Map(choices.map((c) => [c.regimeId, c.enabled]));
  return REGIMES.filter((r) => chosen.get(r.id) ?? r.default).map((r) => r.id);
}
