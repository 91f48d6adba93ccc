// Redaction review and publication, as the web UI calls them. The shapes are the server's schemas.
import { api } from '../../api/client.ts';
import type { Draft, NotificationList, PublishBody, Published, Review } from '../../../../src/modules/sharing/sharing.schema.ts';

export type { Draft, NotificationList, PublishBody, Published, Review };
export type Redaction = Review['redactions'][number];
export type Decision = 'accepted' | 'rejected';

const path = (id: string) => `/api/reports/${encodeURIComponent(id)}`;

export const sharingApi = {
  review: (reportId: string) => api.get<Review>(`${path(reportId)}/redactions`),
  decide: (reportId: string, body: { version: number; decisions?: Array<{ id: string; decision: Decision }>; additions?: Array<{ start: number; end: number; label: string }> }) =>
    api.post<Review>(`${path(reportId)}/redactions`, body),
  draft: (reportId: string) => api.get<Draft>(`${path(reportId)}/advisory-draft`),
  publish: (reportId: string, body: PublishBody) => api.post<Published>(`${path(reportId)}/advisory`, body),
  notifications: () => api.get<NotificationList>('/api/notifications'),
};

export const REDACTION_LABELS = [
  'PERSON', 'EMAIL', 'PHONE', 'POSTAL_ADDRESS', 'MY_NUMBER', 'CARD_NUMBER', 'SECRET', 'ACCOUNT', 'INTERNAL_IP', 'INTERNAL_HOST',
  'VICTIM_ORG', 'VICTIM_DOMAIN', 'VICTIM_IP',
] as const;
