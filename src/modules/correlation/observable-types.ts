// The kinds of value correlation compares (no imports: the web UI's type check reads this file too).
export const OBSERVABLE_TYPES = ['ipv4', 'ipv6', 'domain', 'url', 'email', 'md5', 'sha1', 'sha256', 'sha512'] as const;
export type ObservableType = (typeof OBSERVABLE_TYPES)[number];
