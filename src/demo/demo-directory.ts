// Demo entries of the contact directory, clearly marked as demo: fictional desks at reserved example addresses.
// The real national bodies come with the migration's seed; no phone number is invented for anyone.
import type { RequestContext } from '../auth/actor.js';
import type { Database } from '../db/database.js';
import { createEntryAsOperator } from '../modules/directory/directory.service.js';

const DEMO_ENTRIES = [
  {
    nameJa: 'デモ: 地域セキュリティ相談会（神奈川）', nameEn: 'Demo: local security clinic (Kanagawa)',
    helpsWith: ['ransomware', 'phishing', 'malware'], prefectures: ['14'], webUrl: 'https://demo.anshin.example/clinic',
    hoursJa: '毎月第 2 水曜 13:00–16:00（デモ）', hoursEn: 'Second Wednesday of the month, 13:00–16:00 (demo)', languages: ['ja'], cost: 'free',
    notesJa: 'デモ用の架空の窓口です。', notesEn: 'A fictional desk for the demo.',
  },
  {
    nameJa: 'デモ: インシデント対応支援サービス（有料）', nameEn: 'Demo: incident response service (paid)',
    helpsWith: ['ransomware', 'unauthorised_access', 'data_leak', 'dos'], prefectures: ['13', '14', '11', '12'], webUrl: 'https://demo.anshin.example/ir-service',
    hoursJa: '24 時間（デモ）', hoursEn: '24 hours (demo)', languages: ['ja', 'en'], cost: 'paid',
    notesJa: 'デモ用の架空の事業者です。', notesEn: 'A fictional vendor for the demo.',
  },
];

export async function seedDemoDirectory(db: Database, ctx: RequestContext): Promise<void> {
  for (const entry of DEMO_ENTRIES) await createEntryAsOperator(db, ctx, entry);
}
