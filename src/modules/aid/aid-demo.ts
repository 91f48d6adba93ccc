// The demo community's responder: the vendor's responder user gets a vetted organisation profile.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../db/database.js';
import { insertResponder } from './aid.repository.js';

export async function seedDemoAid(db: Database, responder: { userId: string; orgId: string } | undefined): Promise<void> {
  if (!responder) return;
  const now = new Date().toISOString();
  await insertResponder(db, {
    id: randomUUID(), user_id: responder.userId, kind: 'organisation', org_id: responder.orgId, display_name: 'あおぞらセキュリティ 駆けつけ支援',
    skills: JSON.stringify(['triage', 'forensics', 'malware_analysis', 'recovery', 'network']), languages: JSON.stringify(['ja', 'en']),
    prefectures: JSON.stringify(['11', '12', '13', '14']), on_site: 1, certifications: JSON.stringify(['情報処理安全確保支援士']), capacity: 3, available: 1,
    hours: '平日 9:00–18:00（緊急時は 24 時間）', service_type: 'paid', price_terms: '初動対応は無償、2 日目以降は見積もり', vetting: 'vetted',
    vetted_by: null, vetted_at: now, created_at: now, updated_at: now,
  });
}
