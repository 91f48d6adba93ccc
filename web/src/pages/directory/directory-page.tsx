import { useInfiniteQuery } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { ErrorAlert, Loading } from '../../components/alerts.tsx';
import { SelectField, TextField } from '../../components/fields.tsx';
import { Page } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.ts';
import { withQuery } from '../../api/client.ts';
import { referenceOptions } from '../../lib/options.ts';
import { PREFECTURES } from '../../lib/reference.ts';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { hasRole, useSession } from '../../session/session-context.tsx';
import { PROBLEM_CODES, searchDirectory, type DirectorySearch } from './directory-api.ts';
import { DirectoryEntryCard } from './directory-entry-card.tsx';
import { problemLabel } from './directory-labels.ts';
import './directory.css';

/** The public directory: no sign-in; the search lives in the address so it can be shared. */
export function DirectoryPage() {
  const navigate = useNavigate();
  const { t, locale } = useI18n();
  const { user } = useSession();
  const [query] = useSearchParams();
  const applied: DirectorySearch = { prefecture: query.get('prefecture') ?? '', problem: query.get('problem') ?? '', q: query.get('q') ?? '' };
  const key = JSON.stringify(applied);
  const [draft, setDraft] = useState<DirectorySearch>(applied);
  // Pages of results one after the other ("more"); the next starts after what is loaded.
  const results = useInfiniteQuery({
    queryKey: ['directory', 'search', applied],
    queryFn: ({ pageParam: offset }) => searchDirectory(applied, offset),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => {
      const loaded = pages.reduce((sum, page) => sum + page.items.length, 0);
      return last.items.length > 0 && loaded < last.total ? loaded : undefined;
    },
  });
  // Back and forward change the address: the form follows it.
  useEffect(() => setDraft(JSON.parse(key) as DirectorySearch), [key]);
  const items = results.data?.pages.flatMap((page) => page.items) ?? [];
  const total = results.data?.pages[0]?.total ?? 0;
  const set = (field: keyof DirectorySearch) => (value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    navigate(withQuery('/directory', { ...draft }));
  };

  return (
    <Page title={t('dir.title')}>
      <p>{t('dir.intro')}</p>
      <p className="directory-links">
        <a href={withQuery('/public/directory', { ...applied, lang: locale === 'en' ? 'en' : undefined })}>{t('dir.plainPage')}</a>
        {hasRole(user, 'coordinator') ? <Link to="/directory/manage">{t('dir.manageLink')}</Link> : null}
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
      {results.isPending ? <Loading /> : null}
      {results.data ? (
        <section aria-labelledby="dir-results">
          <h2 id="dir-results" aria-live="polite">
            {t('dir.results', { n: total })}
          </h2>
          {items.length === 0 ? <p className="muted">{t('dir.none')}</p> : null}
          <ul className="directory-list">
            {items.map((entry) => (
              <li key={entry.id}>
                <DirectoryEntryCard entry={entry} />
              </li>
            ))}
          </ul>
          {results.hasNextPage ? (
            <button type="button" className="button-secondary" onClick={() => void results.fetchNextPage()}>
              {t('dir.more')}
            </button>
          ) : null}
        </section>
      ) : null}
    </Page>
  );
}
