import { useEffect, useState, type FormEvent } from 'react';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { withQuery } from '../../api/client.ts';
import { referenceOptions } from '../../lib/options.ts';
import { PREFECTURES } from '../../lib/reference.ts';
import { useLoad } from '../../lib/use-load.ts';
import { Link, navigate, useLocation } from '../../router.tsx';
import { hasRole, useSession } from '../../session/session-context.tsx';
import { PROBLEM_CODES, searchDirectory, type DirectoryPage as Results, type DirectorySearch } from './directory-api.ts';
import { DirectoryEntryCard } from './directory-entry-card.tsx';
import { problemLabel } from './directory-labels.ts';
import './directory.css';

/** The public directory: no sign-in; the search lives in the address so it can be shared. */
export function DirectoryPage() {
  const { t, locale } = useI18n();
  const { user } = useSession();
  const { query } = useLocation();
  const applied: DirectorySearch = { prefecture: query.get('prefecture') ?? '', problem: query.get('problem') ?? '', q: query.get('q') ?? '' };
  const key = JSON.stringify(applied);
  const [draft, setDraft] = useState<DirectorySearch>(applied);
  const [more, setMore] = useState<{ key: string; pages: Results[] }>({ key, pages: [] });
  const results = useLoad(() => searchDirectory(applied), key);
  // Back and forward change the address: the form follows it.
  useEffect(() => setDraft(JSON.parse(key) as DirectorySearch), [key]);
  const extra = more.key === key ? more.pages : [];
  const items = [...(results.data?.items ?? []), ...extra.flatMap((page) => page.items)];
  const set = (field: keyof DirectorySearch) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(withQuery('/directory', { ...draft }));
  };
  const loadMore = async () => {
    const page = await searchDirectory(applied, items.length);
    setMore({ key, pages: [...extra, page] });
  };

  return (
    <Page title={t('dir.title')}>
      <p>{t('dir.intro')}</p>
      <p className="directory-links">
        <a href={withQuery('/public/directory', { ...applied, lang: locale === 'en' ? 'en' : undefined })}>{t('dir.plainPage')}</a>
        {hasRole(user, 'coordinator') ? <Link href="/directory/manage">{t('dir.manageLink')}</Link> : null}
      </p>
      <form className="filters" onSubmit={submit} role="search" aria-label={t('dir.search')}>
        <SelectField label={t('dir.prefecture')} value={draft.prefecture} onValue={set('prefecture')} options={referenceOptions(PREFECTURES, locale)} empty={t('common.any')} />
        <SelectField
          label={t('dir.problem')}
          value={draft.problem}
          onValue={set('problem')}
          options={PROBLEM_CODES.map((code) => ({ value: code, label: problemLabel(t, code) }))}
          empty={t('common.any')}
        />
        <TextField label={t('dir.q')} type="search" maxLength={100} value={draft.q} onValue={set('q')} />
        <div className="filter-actions">
          <button type="submit">{t('common.search')}</button>
        </div>
      </form>
      <ErrorAlert error={results.error} />
      {results.loading ? <Loading /> : null}
      {results.data ? (
        <section aria-labelledby="dir-results">
          <h2 id="dir-results" aria-live="polite">
            {t('dir.results', { n: results.data.total })}
          </h2>
          {items.length === 0 ? <p className="muted">{t('dir.none')}</p> : null}
          <ul className="directory-list">
            {items.map((entry) => (
              <li key={entry.id}>
                <DirectoryEntryCard entry={entry} />
              </li>
            ))}
          </ul>
          {items.length < results.data.total ? (
            <button type="button" className="button-secondary" onClick={() => void loadMore()}>
              {t('dir.more')}
            </button>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
