import { useEffect, useState } from 'react';
import { useI18n, type Locale } from '../i18n/index.ts';
import { Link, useLocation } from 'react-router';
import { useSession } from '../session/session-context.tsx';
import { navItems, publicNavItems } from './nav-items.ts';

export function Header() {
  const { t, locale } = useI18n();
  const { user, signOut, publicPage } = useSession();
  const { pathname: path } = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);

  useEffect(() => setMenuOpen(false), [path]);

  const items = navItems(user, locale);
  const current = currentHref(items.map((item) => item.href), path);
  return (
    <header className="site-header">
      <div className="header-bar">
        <Link to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            安心
          </span>
          <span>{t('app.name')}</span>
        </Link>
        {user ? (
          <button
            type="button"
            className="menu-button"
            aria-expanded={menuOpen}
            aria-controls="main-nav"
            onClick={() => setMenuOpen((open) => !open)}
          >
            {t('nav.menu')}
          </button>
        ) : (
          <nav className="public-nav" aria-label={t('nav.publicLabel')}>
            {publicNavItems(publicPage).map((item) => (item.document ? <a key={item.href} href={item.href}>{t(item.key)}</a> : (
              <Link key={item.href} to={item.href} aria-current={path === item.href ? 'page' : undefined}>
                {t(item.key)}
              </Link>
            )))}
          </nav>
        )}
        <LanguageSwitch />
      </div>
      {user ? (
        <nav id="main-nav" className={menuOpen ? 'main-nav open' : 'main-nav'} aria-label={t('nav.label')}>
          <ul>
            {items.map((item) => (
              <li key={item.href}>
                <Link to={item.href} aria-current={item.href === current ? 'page' : undefined}>
                  {item.label ? item.label : t(item.key)}
                </Link>
              </li>
            ))}
          </ul>
          <div className="nav-user">
            <span className="nav-user-name">{t('nav.signedInAs', { name: user.displayName })}</span>
            <button type="button" className="button-secondary" onClick={() => void signOut()}>
              {t('nav.signOut')}
            </button>
          </div>
        </nav>
      ) : null}
    </header>
  );
}

/** The most specific nav link for the path: /orgs/42 is "my organisation" when that is 42, else "organisations". */
function currentHref(hrefs: string[], path: string): string | undefined {
  const matching = hrefs.filter((href) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`)));
  return matching.sort((a, b) => b.length - a.length)[0];
}

function LanguageSwitch() {
  const { t, locale } = useI18n();
  const { changeLocale } = useSession();
  const [failed, setFailed] = useState(false);
  const choose = (next: Locale) => {
    if (next === locale) return;
    setFailed(false);
    changeLocale(next).catch(() => setFailed(true));
  };
  return (
    <div className="language-switch" role="group" aria-label={t('nav.language')}>
      <button type="button" lang="ja" aria-pressed={locale === 'ja'} onClick={() => choose('ja')}>
        日本語
      </button>
      <button type="button" lang="en" aria-pressed={locale === 'en'} onClick={() => choose('en')}>
        English
      </button>
      {failed ? (
        <span className="visually-hidden" role="alert">
          {t('nav.languageSaveFailed')}
        </span>
      ) : null}
    </div>
  );
}
