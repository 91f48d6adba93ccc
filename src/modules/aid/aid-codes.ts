// The mutual-aid vocabulary as codes. Pure data: the web UI imports this file too (labels are i18n keys).
export const SKILLS = [
  'triage', 'forensics', 'malware_analysis', 'recovery', 'network', 'cloud', 'identity', 'ot_ics', 'legal', 'communications', 'insurance_claims',
] as const;
export type Skill = (typeof SKILLS)[number];

export const URGENCIES = ['critical', 'high', 'normal'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const AID_LANGUAGES = ['ja', 'en', 'zh', 'ko', 'vi', 'pt', 'es'] as const;

export const REQUEST_STATUSES = ['open', 'offered', 'assigned', 'in_progress', 'closed', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const ACTIVE_STATUSES: readonly RequestStatus[] = ['assigned', 'in_progress'];
export const UNASSIGNED_STATUSES: readonly RequestStatus[] = ['open', 'offered'];

export const SERVICE_TYPES = ['volunteer', 'paid'] as const;
export const RESPONDER_KINDS = ['individual', 'organisation'] as const;
export const VETTING = ['pending', 'vetted', 'rejected'] as const;

export const DECLINE_REASONS = ['no_capacity', 'skills_mismatch', 'not_available', 'region', 'conflict_of_interest', 'other'] as const;
export const OUTCOMES = ['resolved', 'partially_resolved', 'not_resolved', 'referred', 'no_longer_needed'] as const;
