// A report version shown as questions and answers, and the deadline countdowns.
import { useEffect, useState } from 'react';
import { categoryLabel, useI18n, type MessageKey, type Translate } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { durationParts, type Answers, type Deadline } from './reports-api.ts';

export function AnswersView({ text, answers }: { text: string; answers: Answers }) {
  const { t } = useI18n();
  const code = (prefix: string, value: string) => t(`${prefix}.${value}` as MessageKey);
  const yn = (value: string) => t(`report.${value}` as MessageKey);
  const free = (value: string) => value || t('report.answer.none');
  const p = answers.personalData;
  const rows: Array<[string, string]> = [
    [t('report.category'), categoryLabel(t, answers.category)],
    [t('report.ongoing'), yn(answers.ongoing ?? 'unknown')],
    [t('report.startedAt'), answers.startedAt ?? t('report.unknown')],
    [t('report.noticedAt'), answers.noticedAt ?? t('report.unknown')],
    [t('report.foundBy'), code('report.foundBy', answers.foundBy) + (answers.foundByOther ? `（${answers.foundByOther}）` : '')],
    [t('report.affectedSystems'), free(answers.affectedSystems)],
    [t('report.impact.confidentiality'), code('report.impact', answers.impact.confidentiality)],
    [t('report.impact.integrity'), code('report.impact', answers.impact.integrity)],
    [t('report.impact.availability'), code('report.impact', answers.impact.availability)],
    [t('report.businessImpact'), free(answers.businessImpact)],
    [t('report.personal.involved'), yn(p.involved)],
  ];
  if (p.involved === 'yes') {
    rows.push(
      [t('report.personal.count'), p.count === null ? t('report.unknown') : t('report.page.personalCount', { count: p.count })],
      [t('report.personal.sensitive'), yn(p.sensitive)],
      [t('report.personal.financialRisk'), yn(p.financialRisk)],
      [t('report.personal.unauthorisedAccess'), yn(p.unauthorisedAccess)],
    );
  }
  rows.push([t('report.ransom.demanded'), yn(answers.ransom.demanded) + (answers.ransom.details ? `: ${answers.ransom.details}` : '')]);
  rows.push([t('report.help.wanted'), yn(answers.help.wanted) + (answers.help.what ? `: ${answers.help.what}` : '')]);
  if (answers.help.wanted === 'yes') rows.push([t('report.help.onSite'), yn(answers.help.onSite ?? 'unknown')]);
  rows.push([t('report.sharing.nameConsent'), yn(answers.sharing?.nameConsent ?? 'unknown')]);
  return (
    <>
      <h3>{t('report.text')}</h3>
      <p className="report-text">{text}</p>
      <dl className="summary">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export function durationText(t: Translate, ms: number): string {
  const { days, hours, minutes } = durationParts(ms);
  return days > 0 ? t('report.time.days', { d: days, h: hours }) : t('report.time.hours', { h: hours, m: minutes });
}

/** Countdowns that tick every minute. */
export function DeadlinesView({ deadlines, awareAt }: { deadlines: Deadline[]; awareAt: string }) {
  const { t, locale } = useI18n();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  if (deadlines.length === 0) return <p className="muted">{t('report.deadlines.none')}</p>;
  return (
    <>
      <p className="hint">{t('report.deadlines.from', { date: formatDateTime(awareAt, locale) })}</p>
      <ul className="plain-list deadlines">
        {deadlines.map((d) => {
          const remaining = Date.parse(d.dueAt) - now;
          return (
            <li key={d.key}>
              <strong>{d.label[locale]}</strong> <span className="muted">{d.regimeName[locale]}</span>
              <br />
              {t('report.deadlines.due', { date: formatDateTime(d.dueAt, locale) })}
              {d.latestAt ? ` ${t('report.deadlines.latest', { date: formatDateTime(d.latestAt, locale) })}` : ''}{' '}
              <span className={remaining < 0 ? 'tag tag-bad' : remaining < 86_400_000 ? 'tag tag-warn' : 'tag'}>
                {remaining < 0 ? t('report.deadlines.overdue', { time: durationText(t, remaining) }) : t('report.deadlines.remaining', { time: durationText(t, remaining) })}
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
