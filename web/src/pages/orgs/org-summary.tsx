import type { Org } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.ts';
import { formatDateTime } from '../../lib/format.ts';
import { labelOf, PREFECTURES, SECTORS, SIZE_BANDS } from '../../lib/reference.ts';

export function OrgSummary({ org }: { org: Org }) {
  const { t, locale } = useI18n();
  const list = (values: string[]) =>
    values.length > 0 ? (
      <ul className="plain-list">
        {values.map((v) => (
          <li key={v}>
            <code>{v}</code>
          </li>
        ))}
      </ul>
    ) : (
      <span className="muted">{t('common.none')}</span>
    );
  return (
    <dl className="summary">
      <dt>{t('org.nameJa')}</dt>
      <dd lang="ja">{org.nameJa}</dd>
      <dt>{t('org.nameEn')}</dt>
      <dd lang="en">{org.nameEn}</dd>
      <dt>{t('org.aliases')}</dt>
      <dd>{org.aliases.length > 0 ? org.aliases.join(', ') : <span className="muted">{t('common.none')}</span>}</dd>
      <dt>{t('org.sector')}</dt>
      <dd>{labelOf(SECTORS, org.sector, locale)}</dd>
      <dt>{t('org.sizeBand')}</dt>
      <dd>{labelOf(SIZE_BANDS, org.sizeBand, locale)}</dd>
      <dt>{t('org.prefecture')}</dt>
      <dd>{labelOf(PREFECTURES, org.prefecture, locale)}</dd>
      <dt>{t('org.status')}</dt>
      <dd>
        <span className={`tag status-${org.status}`}>{t(`orgStatus.${org.status}`)}</span>
      </dd>
      <dt>{t('org.domains')}</dt>
      <dd>{list(org.domains)}</dd>
      <dt>{t('org.ipRanges')}</dt>
      <dd>{list(org.ipRanges)}</dd>
      <dt>{t('org.contacts')}</dt>
      <dd>
        {org.contacts.length > 0 ? (
          <ul className="plain-list">
            {org.contacts.map((c, i) => (
              <li key={i}>
                <span className="tag">{t(`contactKind.${c.kind}` as 'contactKind.security')}</span> {c.name}
                {c.email ? <> · <a href={`mailto:${c.email}`}>{c.email}</a></> : null}
                {c.phone ? <> · {c.phone}</> : null}
              </li>
            ))}
          </ul>
        ) : (
          <span className="muted">{t('common.none')}</span>
        )}
      </dd>
      <dt>{t('common.updatedAt')}</dt>
      <dd>{formatDateTime(org.updatedAt, locale)}</dd>
    </dl>
  );
}
