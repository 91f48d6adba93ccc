// Names of statistics keys for what the server renders itself (the public page and the PDF report).
// The web UI has the same names in its i18n files.
import type { Locale } from '../../auth/roles.js';
import { SECTORS, SIZE_BANDS } from '../orgs/org-reference.js';
import { OTHER } from './k-cells.js';

type Text = Readonly<Record<Locale, string>>;

const CATEGORY: Readonly<Record<string, Text>> = {
  ransomware: { ja: 'ランサムウェア', en: 'Ransomware' },
  phishing_bec: { ja: 'フィッシング・ビジネスメール詐欺', en: 'Phishing and business e-mail compromise' },
  unauthorised_access: { ja: '不正アクセス', en: 'Unauthorised access' },
  malware: { ja: 'マルウェア感染', en: 'Malware infection' },
  dos: { ja: 'サービス妨害（DoS）', en: 'Denial of service' },
  data_leak: { ja: '情報の漏えい・紛失', en: 'Data leak or loss' },
  defacement: { ja: 'ウェブサイトの改ざん', en: 'Website defacement' },
  unknown: { ja: '不明', en: 'Unknown' },
  [OTHER]: { ja: 'その他', en: 'Other' },
};

const TLP: Readonly<Record<string, Text>> = {
  clear: { ja: 'TLP:CLEAR', en: 'TLP:CLEAR' },
  green: { ja: 'TLP:GREEN', en: 'TLP:GREEN' },
  amber: { ja: 'TLP:AMBER', en: 'TLP:AMBER' },
  'amber+strict': { ja: 'TLP:AMBER+STRICT', en: 'TLP:AMBER+STRICT' },
};

export type LabelKind = 'category' | 'sector' | 'sizeBand' | 'tlp';

export function labelOf(kind: LabelKind, key: string, locale: Locale): string {
  if (key === OTHER) return (CATEGORY[OTHER] as Text)[locale];
  const found = kind === 'category' ? CATEGORY[key]
    : kind === 'tlp' ? TLP[key]
      : (kind === 'sector' ? SECTORS : SIZE_BANDS).find((l) => l.code === key);
  return found ? found[locale] : key;
}
