import type { Kysely } from 'kysely';

// The public contact directory (issue 5): where to report or ask for help. Seeded with the national public
// bodies and their official web addresses only; phone numbers are for coordinators to add, never invented.
const SEED = [
  {
    id: 'a1d0c001-0000-4000-8000-000000000001',
    name_ja: '警察庁 サイバー事案に関する通報等のオンライン受付窓口',
    name_en: 'National Police Agency: online reporting of cyber incidents (to the prefectural police)',
    helps_with: ['ransomware', 'personal_data_leak', 'fraud', 'phishing', 'unauthorized_access', 'malware', 'ddos', 'other'],
    web_url: 'https://www.npa.go.jp/bureau/cyber/soudan.html',
    notes_ja: '通報・相談・情報提供を受け付け、選んだ都道府県警察に届きます。緊急の場合は 110 番へ。',
    notes_en: 'Reports, consultations and information go to the prefectural police you choose. In an emergency call 110.',
  },
  {
    id: 'a1d0c001-0000-4000-8000-000000000002',
    name_ja: 'IPA 情報セキュリティ安心相談窓口',
    name_en: 'IPA Information Security Consultation Desk',
    helps_with: ['ransomware', 'phishing', 'unauthorized_access', 'malware', 'fraud'],
    web_url: 'https://www.ipa.go.jp/security/anshin/',
    notes_ja: 'ウイルスや不正アクセスに関する技術的な相談に助言します。',
    notes_en: 'Technical advice on malware and unauthorised access.',
  },
  {
    id: 'a1d0c001-0000-4000-8000-000000000003',
    name_ja: 'JPCERT/CC インシデント対応依頼',
    name_en: 'JPCERT/CC incident reporting',
    helps_with: ['ransomware', 'phishing', 'unauthorized_access', 'malware', 'ddos'],
    web_url: 'https://www.jpcert.or.jp/form/',
    notes_ja: '国内の CSIRT。攻撃元への連絡や調査の支援を依頼できます。',
    notes_en: 'The national CSIRT: asks the source of an attack to act and supports the investigation.',
  },
  {
    id: 'a1d0c001-0000-4000-8000-000000000004',
    name_ja: '個人情報保護委員会',
    name_en: 'Personal Information Protection Commission (PPC)',
    helps_with: ['personal_data_leak'],
    web_url: 'https://www.ppc.go.jp/',
    notes_ja: '個人データの漏えい等の報告先。',
    notes_en: 'Where personal data breaches are reported.',
  },
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('directory_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name_ja', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('helps_with', 'text', (c) => c.notNull())
    .addColumn('prefectures', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('web_url', 'text')
    .addColumn('hours_ja', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('hours_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('cost', 'text', (c) => c.notNull())
    .addColumn('notes_ja', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('notes_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('curated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('directory_entries_name').on('directory_entries').columns(['name_en', 'id']).execute();
  const now = '2026-12-02T00:00:00.000Z';
  await db.insertInto('directory_entries').values(SEED.map((entry) => ({
    ...entry,
    helps_with: JSON.stringify(entry.helps_with),
    prefectures: JSON.stringify(['all']),
    phone: null,
    hours_ja: '',
    hours_en: '',
    languages: JSON.stringify(['ja']),
    cost: 'free',
    curated_by: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }))).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('directory_entries').execute();
}
