// How each victim attribute generalises, from exact to "any": sector → sector group → any;
// size band → SME or large → any; prefecture → region → all of Japan. Pure data and lookups.
import type { Labelled } from '../orgs/org-reference.js';

export const VICTIM_ATTRIBUTES = ['sector', 'sizeBand', 'prefecture'] as const;
export type VictimAttribute = (typeof VICTIM_ATTRIBUTES)[number];

/** The most general level of every attribute: the value is withheld. */
export const ANY = '*';
export const TOP_LEVEL = 2;

const ANY_LABEL: Labelled = { code: ANY, ja: '非公開', en: 'withheld' };

// Groups of JSIC divisions and critical-infrastructure sectors that face similar attacks.
const SECTOR_GROUPS: ReadonlyArray<readonly [Labelled, readonly string[]]> = [
  [{ code: 'group-primary', ja: '第一次産業', en: 'Primary industries' }, ['jsic-a', 'jsic-b', 'jsic-c']],
  [{ code: 'group-industry', ja: '建設・製造', en: 'Construction and manufacturing' }, ['jsic-d', 'jsic-e']],
  [
    { code: 'group-infrastructure', ja: 'インフラ・運輸', en: 'Infrastructure and transport' },
    ['jsic-f', 'jsic-h', 'ci-aviation', 'ci-airports', 'ci-railway', 'ci-electricity', 'ci-gas', 'ci-water', 'ci-logistics',
      'ci-chemical', 'ci-petroleum', 'ci-ports'],
  ],
  [
    { code: 'group-information-finance', ja: '情報通信・金融', en: 'Information, communications and finance' },
    ['jsic-g', 'jsic-j', 'jsic-k', 'ci-information-communication', 'ci-finance', 'ci-credit'],
  ],
  [
    { code: 'group-public', ja: '公共・教育・医療', en: 'Public sector, education and health' },
    ['jsic-o', 'jsic-p', 'jsic-s', 'ci-government', 'ci-medical'],
  ],
  [{ code: 'group-services', ja: 'サービス・商業', en: 'Services and trade' }, ['jsic-i', 'jsic-l', 'jsic-m', 'jsic-n', 'jsic-q', 'jsic-r', 'jsic-t']],
];

// The SME Basic Act puts most small and medium enterprises at or under 300 people.
const SIZE_GROUPS: ReadonlyArray<readonly [Labelled, readonly string[]]> = [
  [{ code: 'size-sme', ja: '中小規模（300 人以下）', en: 'Small or medium (up to 300 people)' }, ['1-20', '21-100', '101-300']],
  [{ code: 'size-large', ja: '大規模（301 人以上）', en: 'Large (301 people or more)' }, ['301-1000', '1001-5000', '5001+']],
];

// The eight customary regions of Japan, by JIS X 0401 prefecture code.
const REGIONS: ReadonlyArray<readonly [Labelled, readonly string[]]> = [
  [{ code: 'region-hokkaido', ja: '北海道地方', en: 'Hokkaido region' }, ['01']],
  [{ code: 'region-tohoku', ja: '東北地方', en: 'Tohoku region' }, ['02', '03', '04', '05', '06', '07']],
  [{ code: 'region-kanto', ja: '関東地方', en: 'Kanto region' }, ['08', '09', '10', '11', '12', '13', '14']],
  [{ code: 'region-chubu', ja: '中部地方', en: 'Chubu region' }, ['15', '16', '17', '18', '19', '20', '21', '22', '23']],
  [{ code: 'region-kinki', ja: '近畿地方', en: 'Kinki region' }, ['24', '25', '26', '27', '28', '29', '30']],
  [{ code: 'region-chugoku', ja: '中国地方', en: 'Chugoku region' }, ['31', '32', '33', '34', '35']],
  [{ code: 'region-shikoku', ja: '四国地方', en: 'Shikoku region' }, ['36', '37', '38', '39']],
  [{ code: 'region-kyushu', ja: '九州・沖縄地方', en: 'Kyushu and Okinawa region' }, ['40', '41', '42', '43', '44', '45', '46', '47']],
];

const GROUPS: Readonly<Record<VictimAttribute, ReadonlyArray<readonly [Labelled, readonly string[]]>>> = {
  sector: SECTOR_GROUPS,
  sizeBand: SIZE_GROUPS,
  prefecture: REGIONS,
};

const groupIndex = new Map<string, Labelled>();
for (const attribute of VICTIM_ATTRIBUTES) {
  for (const [label, members] of GROUPS[attribute]) for (const code of members) groupIndex.set(`${attribute}:${code}`, label);
}

/** The code of an exact value at a level: 0 the value itself, 1 its group, 2 (or more) withheld. */
export function generaliseCode(attribute: VictimAttribute, code: string, level: number): string {
  if (level <= 0) return code;
  if (level === 1) return groupIndex.get(`${attribute}:${code}`)?.code ?? ANY;
  return ANY;
}

/** The label of a generalised code: a group or "withheld"; exact codes are labelled by the org reference lists. */
export function groupLabel(code: string): Labelled | undefined {
  if (code === ANY) return ANY_LABEL;
  for (const attribute of VICTIM_ATTRIBUTES) {
    const found = GROUPS[attribute].find(([label]) => label.code === code);
    if (found) return found[0];
  }
  return undefined;
}

/** Every exact code has a group: a new sector or prefecture code added elsewhere must be placed here too. */
export function ungroupedCodes(attribute: VictimAttribute, codes: readonly string[]): string[] {
  return codes.filter((code) => !groupIndex.has(`${attribute}:${code}`));
}
