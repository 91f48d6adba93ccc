// Small pieces shared by the threat-intel pages: the TLP badge, the section's own navigation, the type tag.
import { useI18n } from '../../i18n/index.ts';
import { Link, useLocation } from 'react-router';
import { tlpText, typeLabel } from './intel-labels.ts';
import './intel.css';

/** TLP in its standard colours (coloured text on black) and always in words, never colour alone. */
export function TlpBadge({ level }: { level: string }) {
  return <span className={`tlp tlp-${level.replace('+', '-')}`}>{tlpText(level)}</span>;
}

export function TypeTag({ type }: { type: string }) {
  const { t } = useI18n();
  return (
    <span className="tag stix-type" title={type}>
      {typeLabel(t, type)}
    </span>
  );
}

/** Links between the section's pages: the object search and the collections. */
export function IntelTabs() {
  const { t } = useI18n();
  const { pathname: path } = useLocation();
  const tabs = [
    { href: '/intel', label: t('intel.tab.objects') },
    { href: '/intel/collections', label: t('intel.tab.collections') },
  ];
  return (
    <nav className="intel-tabs" aria-label={t('intel.tab.label')}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.href}>
            <Link to={tab.href} aria-current={path === tab.href ? 'page' : undefined}>
              {tab.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
