import { errorMessage } from './i18n/messages.js';
import type { Locale } from './auth/roles.js';

// Every error code the API can return, with its HTTP status. Messages live in i18n/messages.ts.
export const ERROR_CODES = {
  bad_request: 400,
  validation_failed: 400,
  invalid_json: 400,
  invalid_cidr: 400,
  invalid_domain: 400,
  weak_password: 400,
  invalid_filter: 400,
  invalid_observable: 400,
  invalid_sighting: 400,
  invalid_totp: 400,
  ledger_bad_range: 400,
  ledger_bad_receipt: 400,
  totp_not_pending: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  totp_required: 401,
  insufficient_scope: 403,
  forbidden: 403,
  mfa_enrollment_required: 403,
  csrf_failed: 403,
  not_found: 404,
  not_acceptable: 406,
  link_invalid: 410,
  conflict: 409,
  ledger_inconsistent: 409,
  email_taken: 409,
  setup_done: 409,
  last_administrator: 409,
  last_org_admin: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  unsupported_stix_version: 422,
  tlp_red_not_publishable: 422,
  tlp_audience_mismatch: 422,
  publication_leak: 422,
  review_incomplete: 409,
  already_published: 409,
  victim_consent_missing: 422,
  account_locked: 429,
  rate_limited: 429,
  // reports
  invalid_report_dates: 400,
  report_text_invalid: 400,
  attachment_invalid: 400,
  outcome_required: 400,
  invalid_assignee: 400,
  unknown_regime: 400,
  invalid_state_transition: 409,
  report_not_draft: 409,
  report_not_submitted: 409,
  attachment_too_large: 413,
  attachment_quota_exceeded: 413,
  attachment_type_not_allowed: 415,
  // mutual aid
  aid_request_taken: 409,
  aid_invalid_state: 409,
  aid_already_offered: 409,
  aid_responder_unavailable: 409,
  aid_no_report: 409,
  aid_profile_required: 409,
  // dashboards
  pdf_font_missing: 503,
  // directory
  directory_invalid_entry: 400,
  directory_import_invalid: 422,
  directory_import_too_large: 413,
  directory_version_conflict: 409,
  internal: 500,
  not_ready: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly params: Record<string, string | number> = {},
    readonly details?: unknown,
  ) {
    super(code);
    this.status = ERROR_CODES[code];
  }
  localized(locale: Locale): string {
    return errorMessage(this.code, locale, this.params);
  }
}

export const notFound = (): AppError => new AppError('not_found');
