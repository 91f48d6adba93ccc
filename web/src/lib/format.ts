import type { Locale } from '../i18n/index.ts';

const TIME_ZONE = 'Asia/Tokyo';

export function formatDateTime(value: string | number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: TIME_ZONE,
  }).format(date);
}

/** "ABCDEFGH..." → "ABCD EFGH ..." so a secret can be typed by hand. */
export function groupsOfFour(secret: string): string {
  return secret.replace(/\s+/g, '').replace(/(.{4})/g, '$1 ').trim();
}

/** Lines of a textarea → trimmed, non-empty values. */
export function linesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** A date input (YYYY-MM-DD, meant in Japan time) → ISO timestamp at the start or end of that day. */
export function dayBoundary(day: string, end: boolean): string {
  if (!day) return '';
  return new Date(`${day}T${end ? '23:59:59.999' : '00:00:00.000'}+09:00`).toISOString();
}

/** The time of day in Japan ("14:05"), for "saved at" lines. */
export function formatTime(value: string | number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined || value === '') return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale === 'ja' ? 'ja-JP' : 'en-GB', { timeStyle: 'short', timeZone: TIME_ZONE }).format(date);
}
