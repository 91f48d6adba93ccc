import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/index.ts';
import type { DirectoryEntry } from './directory-api.ts';
import { languageNames, prefecturesLabel, problemLabel } from './directory-labels.ts';

function Row({ label, children }: { label: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

/** One desk as people read it: what it helps with, where, how to reach it. */
export function DirectoryEntryCard({ entry, actions }: { entry: DirectoryEntry; actions?: ReactNode }) {
  const { t, locale } = useI18n();
  const pick = (ja: string, en: string) => (locale === 'en' && en ? en : ja);
  const separator = locale === 'ja' ? '、' : ', ';
  return (
    <article className="card directory-entry" aria-labelledby={`dir-${entry.id}`}>
      <h3 id={`dir-${entry.id}`}>{pick(entry.nameJa, entry.nameEn)}</h3>
      <dl>
        <Row label={t('dir.helpsWith')}>{entry.helpsWith.map((code) => problemLabel(t, code)).join(separator)}</Row>
        <Row label={t('dir.served')}>{prefecturesLabel(t, entry.prefectures, locale)}</Row>
        <Row label={t('dir.phone')}>{entry.phone ? <a href={`tel:${entry.phone.replace(/[^0-9+#*]/g, '')}`}>{entry.phone}</a> : null}</Row>
        <Row label={t('dir.web')}>
          {entry.webUrl ? (
            <a href={entry.webUrl} target="_blank" rel="noopener noreferrer">
              {entry.webUrl}
            </a>
          ) : null}
        </Row>
        <Row label={t('dir.hours')}>{pick(entry.hoursJa, entry.hoursEn)}</Row>
        <Row label={t('dir.languages')}>{languageNames(entry.languages, locale)}</Row>
        <Row label={t('dir.cost')}>{entry.cost === 'paid' ? t('dir.cost.paid') : t('dir.cost.free')}</Row>
        <Row label={t('dir.notes')}>{pick(entry.notesJa, entry.notesEn)}</Row>
      </dl>
      {actions}
    </article>
  );
}
