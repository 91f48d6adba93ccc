import { errorMessage } from './i18n/messages.js';
import type { Locale } from './auth/roles.js';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';

export { ERROR_CODES, type ErrorCode };

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
