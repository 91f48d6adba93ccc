// /glossary — the words of the field in plain language, for members and visitors alike. Each term has an anchor
// (/glossary#tlp, focusable: app.tsx focuses the target of a link) so that a page can explain a word in place with
// <GlossaryLink term="tlp" />.
import { Link } from 'react-router';
import { Page } from '../../components/page.tsx';
import { useT } from '../../i18n/index.ts';
import type { MessageKey } from '../../i18n/resources.ts';

export const GLOSSARY_TERMS = [
  'incident', 'advisory', 'indicator', 'sighting', 'correlation', 'intel', 'stix', 'tlp', 'redaction', 'k', 'triage', 'forensics', 'aid',
  'coordinator', 'ledger', 'vulnerability', 'kev', 'cvss', 'epss', 'eol',
] as const;
export type GlossaryTerm = (typeof GLOSSARY_TERMS)[number];

const termKey = (id: GlossaryTerm) => `glossary.${id}.term` as MessageKey;

export function GlossaryPage() {
  const t = useT();
  return (
    <Page title={t('glossary.title')} narrow>
      <p>{t('glossary.intro')}</p>
      <dl className="glossary">
        {GLOSSARY_TERMS.map((id) => (
          <div key={id} id={id} tabIndex={-1}>
            <dt>{t(termKey(id))}</dt>
            <dd>{t(`glossary.${id}.text` as MessageKey)}</dd>
          </div>
        ))}
      </dl>
    </Page>
  );
}

/** A small "what is this?" link to the glossary entry, placed beside a technical word. */
export function GlossaryLink({ term }: { term: GlossaryTerm }) {
  const t = useT();
  return (
    <Link to={`/glossary#${term}`} className="glossary-link" aria-label={t('glossary.link', { term: t(termKey(term)) })}>
      ?
    </Link>
  );
}
