// Fixed reference lists for organisation profiles. Pure data: the web UI imports this file too.

export interface Labelled {
  readonly code: string;
  readonly ja: string;
  readonly en: string;
}

// Japan Standard Industrial Classification (Rev. 14) divisions A–T, then the critical-infrastructure
// sectors of Japan's cybersecurity policy for critical infrastructure (15 sectors, ports added in 2024).
export const SECTORS: readonly Labelled[] = [
  { code: 'jsic-a', ja: '農業，林業', en: 'Agriculture and forestry' },
  { code: 'jsic-b', ja: '漁業', en: 'Fisheries' },
  { code: 'jsic-c', ja: '鉱業，採石業，砂利採取業', en: 'Mining and quarrying of stone and gravel' },
  { code: 'jsic-d', ja: '建設業', en: 'Construction' },
  { code: 'jsic-e', ja: '製造業', en: 'Manufacturing' },
  { code: 'jsic-f', ja: '電気・ガス・熱供給・水道業', en: 'Electricity, gas, heat supply and water' },
  { code: 'jsic-g', ja: '情報通信業', en: 'Information and communications' },
  { code: 'jsic-h', ja: '運輸業，郵便業', en: 'Transport and postal activities' },
  { code: 'jsic-i', ja: '卸売業，小売業', en: 'Wholesale and retail trade' },
  { code: 'jsic-j', ja: '金融業，保険業', en: 'Finance and insurance' },
  { code: 'jsic-k', ja: '不動産業，物品賃貸業', en: 'Real estate and goods rental and leasing' },
  { code: 'jsic-l', ja: '学術研究，専門・技術サービス業', en: 'Scientific research, professional and technical services' },
  { code: 'jsic-m', ja: '宿泊業，飲食サービス業', en: 'Accommodations, eating and drinking services' },
  { code: 'jsic-n', ja: '生活関連サービス業，娯楽業', en: 'Living-related and personal services and amusement services' },
  { code: 'jsic-o', ja: '教育，学習支援業', en: 'Education, learning support' },
  { code: 'jsic-p', ja: '医療，福祉', en: 'Medical, health care and welfare' },
  { code: 'jsic-q', ja: '複合サービス事業', en: 'Compound services' },
  { code: 'jsic-r', ja: 'サービス業（他に分類されないもの）', en: 'Services, not elsewhere classified' },
  { code: 'jsic-s', ja: '公務（他に分類されるものを除く）', en: 'Government, except elsewhere classified' },
  { code: 'jsic-t', ja: '分類不能の産業', en: 'Industries unable to classify' },
  { code: 'ci-information-communication', ja: '重要インフラ：情報通信', en: 'Critical infrastructure: information and communication' },
  { code: 'ci-finance', ja: '重要インフラ：金融', en: 'Critical infrastructure: finance' },
  { code: 'ci-aviation', ja: '重要インフラ：航空', en: 'Critical infrastructure: aviation' },
  { code: 'ci-airports', ja: '重要インフラ：空港', en: 'Critical infrastructure: airports' },
  { code: 'ci-railway', ja: '重要インフラ：鉄道', en: 'Critical infrastructure: railway' },
  { code: 'ci-electricity', ja: '重要インフラ：電力', en: 'Critical infrastructure: electric power' },
  { code: 'ci-gas', ja: '重要インフラ：ガス', en: 'Critical infrastructure: gas' },
  { code: 'ci-government', ja: '重要インフラ：政府・行政サービス', en: 'Critical infrastructure: government and administrative services' },
  { code: 'ci-medical', ja: '重要インフラ：医療', en: 'Critical infrastructure: medical' },
  { code: 'ci-water', ja: '重要インフラ：水道', en: 'Critical infrastructure: water' },
  { code: 'ci-logistics', ja: '重要インフラ：物流', en: 'Critical infrastructure: logistics' },
  { code: 'ci-chemical', ja: '重要インフラ：化学', en: 'Critical infrastructure: chemical' },
  { code: 'ci-credit', ja: '重要インフラ：クレジット', en: 'Critical infrastructure: credit cards' },
  { code: 'ci-petroleum', ja: '重要インフラ：石油', en: 'Critical infrastructure: petroleum' },
  { code: 'ci-ports', ja: '重要インフラ：港湾', en: 'Critical infrastructure: ports' },
];

// Size by number of employees; bands line up with the SME definitions of the SME Basic Act.
export const SIZE_BANDS: readonly Labelled[] = [
  { code: '1-20', ja: '1〜20 人', en: '1–20 people' },
  { code: '21-100', ja: '21〜100 人', en: '21–100 people' },
  { code: '101-300', ja: '101〜300 人', en: '101–300 people' },
  { code: '301-1000', ja: '301〜1,000 人', en: '301–1,000 people' },
  { code: '1001-5000', ja: '1,001〜5,000 人', en: '1,001–5,000 people' },
  { code: '5001+', ja: '5,001 人以上', en: '5,001 or more people' },
];

// JIS X 0401 prefecture codes.
const PREFECTURE_NAMES: ReadonlyArray<readonly [string, string]> = [
  ['北海道', 'Hokkaido'], ['青森県', 'Aomori'], ['岩手県', 'Iwate'], ['宮城県', 'Miyagi'], ['秋田県', 'Akita'],
  ['山形県', 'Yamagata'], ['福島県', 'Fukushima'], ['茨城県', 'Ibaraki'], ['栃木県', 'Tochigi'], ['群馬県', 'Gunma'],
  ['埼玉県', 'Saitama'], ['千葉県', 'Chiba'], ['東京都', 'Tokyo'], ['神奈川県', 'Kanagawa'], ['新潟県', 'Niigata'],
  ['富山県', 'Toyama'], ['石川県', 'Ishikawa'], ['福井県', 'Fukui'], ['山梨県', 'Yamanashi'], ['長野県', 'Nagano'],
  ['岐阜県', 'Gifu'], ['静岡県', 'Shizuoka'], ['愛知県', 'Aichi'], ['三重県', 'Mie'], ['滋賀県', 'Shiga'],
  ['京都府', 'Kyoto'], ['大阪府', 'Osaka'], ['兵庫県', 'Hyogo'], ['奈良県', 'Nara'], ['和歌山県', 'Wakayama'],
  ['鳥取県', 'Tottori'], ['島根県', 'Shimane'], ['岡山県', 'Okayama'], ['広島県', 'Hiroshima'], ['山口県', 'Yamaguchi'],
  ['徳島県', 'Tokushima'], ['香川県', 'Kagawa'], ['愛媛県', 'Ehime'], ['高知県', 'Kochi'], ['福岡県', 'Fukuoka'],
  ['佐賀県', 'Saga'], ['長崎県', 'Nagasaki'], ['熊本県', 'Kumamoto'], ['大分県', 'Oita'], ['宮崎県', 'Miyazaki'],
  ['鹿児島県', 'Kagoshima'], ['沖縄県', 'Okinawa'],
];

export const PREFECTURES: readonly Labelled[] = PREFECTURE_NAMES.map(([ja, en], i) => ({
  code: String(i + 1).padStart(2, '0'),
  ja,
  en,
}));

export const ORG_STATUSES = ['pending', 'active', 'suspended'] as const;
export type OrgStatus = (typeof ORG_STATUSES)[number];

export const CONTACT_KINDS = ['security', 'incident', 'general', 'management', 'legal'] as const;

export const codesOf = (list: readonly Labelled[]): string[] => list.map((item) => item.code);
