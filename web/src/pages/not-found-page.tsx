import { Page } from '../components/page.tsx';
import { useT } from '../i18n/index.ts';
import { Link } from 'react-router';

export function NotFoundPage() {
  const t = useT();
  return (
    <Page title={t('notFound.title')} narrow>
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('nav.home')}</Link>
      </p>
    </Page>
  );
}
