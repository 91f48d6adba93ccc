// Names of statistics keys for what the server renders itself (the public page and the PDF report).
// The web UI has the same names in its i18n files; incident categories come from the shared vocabulary.
import type { Locale } from '../../auth/roles.js';
import { categoryName } from '../../vocabulary/incident-categories.js';
import { SECTORS, SIZE_BANDS } from '../orgs/org-reference.js';
import { OTHER } from './k-cells.js';

type Text = Readonly<Record<Locale, string>>;

const TLP: Readonly<Record<string, Text>> = {
  clear: { ja: 'TLP:CLEAR', en: 'TLP:CLEAR' },
  green: { ja: 'TLP:GREEN', en: 'TLP:GREEN' },
  amber: { ja: 'TLP:AMBER', en: 'TLP:AMBER' },
  'amber+strict': { ja: 'TLP:AMBER+STRICT', en: 'TLP:AMBER+STRICT' },
};

export type LabelKind = 'category' | 'sector' | 'sizeBand' | 'tlp';

export function labelOf(kind: LabelKind, key: string, locale: Locale): string {
  if (key === OTHER || kind === 'category') return categoryName(key, locale); // "other" is the merged cell of any series
  const found = kind === 'tlp' ? TLP[key]
      : (kind === 'sector' ? SECTORS : SIZE_BANDS).find((l) => l.code === key);
  return found ? found[locale] : key;
}
