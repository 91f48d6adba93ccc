// Redaction review and publication, as the web UI calls them. The shapes are the server's schemas.
import { api } from '../../api/client.ts';
import type { Draft, NotificationList, PublishBody, Published, Review } from '../../../../src/modules/sharing/sharing.schema.ts';
import type { AdvisoryField } from '../../../../src/modules/sharing/leak-fields.ts';

export type { AdvisoryField, Draft, NotificationList, PublishBody, Published, Review };
export type Redaction = Review['redactions'][number];
export type Indicator = Review['indicators'][number];
export type Decision = 'accepted' | 'rejected';
export interface Addition { start: number; end: number; label: string; remember: boolean }

/** A value remembered for an organisation: redacted automatically in its later reports. */
export interface RememberedValue { id: string; value: string; label: string; createdAt: string; createdByName: string | null }
/** What a refused publication (publication_leak) says beside its message. */
export interface LeakDetails { reasons: string[]; where: string[]; fields: AdvisoryField[] }

const path = (id: string) => `/api/reports/${encodeURIComponent(id)}`;
const memoryPath = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}/redaction-memory`;

export const sharingApi = {
  review: (reportId: string) => api.get<Review>(`${path(reportId)}/redactions`),
  decide: (reportId: string, body: { version: number; decisions?: Array<{ id: string; decision: Decision }>; additions?: Addition[] }) =>
    api.post<Review>(`${path(reportId)}/redactions`, body),
  draft: (reportId: string) => api.get<Draft>(`${path(reportId)}/advisory-draft`),
  publish: (reportId: string, body: PublishBody) => api.post<Published>(`${path(reportId)}/advisory`, body),
  notifications: () => api.get<NotificationList>('/api/notifications'),
  remembered: (orgId: string) => api.get<{ items: RememberedValue[] }>(memoryPath(orgId)),
  remember: (orgId: string, body: { value: string; label: string }) => api.post<RememberedValue>(memoryPath(orgId), body),
  forget: (orgId: string, id: string) => api.delete(`${memoryPath(orgId)}/${encodeURIComponent(id)}`),
};

export const REDACTION_LABELS = [
  'PERSON', 'EMAIL', 'PHONE', 'POSTAL_ADDRESS', 'MY_NUMBER', 'CARD_NUMBER', 'SECRET', 'ACCOUNT', 'INTERNAL_IP', 'INTERNAL_HOST',
  'VICTIM_ORG', 'VICTIM_DOMAIN', 'VICTIM_IP',
] as const;

/** The leak details of a publication_leak error, or null for any other error. */
export function leakDetailsOf(error: unknown): LeakDetails | null {
  const e = error as { code?: unknown; details?: Partial<LeakDetails> } | null;
  if (!e || e.code !== 'publication_leak' || !Array.isArray(e.details?.fields)) return null;
  return { reasons: e.details.reasons ?? [], where: e.details.where ?? [], fields: e.details.fields };
}
