// Reads the environment once. Nothing else in the server reads process.env.
import { isIP } from 'node:net';
import { PLATFORM_ROLES, type PlatformRole } from './auth/roles.js';
import { parseCosignerKey } from './modules/ledger/cosignature.js';
import { LedgerKeyError, readLedgerKeyFile } from './modules/ledger/ledger-key-file.js';
import { parseTlpLevel, type TlpLevel } from './modules/stix/tlp.js';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly databaseUrl: string;
  readonly baseUrl: string;
  readonly smtpUrl: string | null;
  readonly mailFrom: string;
  readonly logLevel: string;
  readonly dataDir: string;
  readonly secretKey: string | null;
  readonly ledgerKeyFile: string | null;
  readonly ledgerWitnesses: readonly string[];
  readonly sessionTtlHours: number;
  readonly requireTotpFor: readonly PlatformRole[];
  readonly loginMaxFailures: number;
  readonly loginLockoutMinutes: number;
  readonly loginRatePerIpPerMinute: number;
  readonly passwordResetPerEmailPerHour: number;
  readonly passwordResetPerIpPerHour: number;
  readonly bodyLimitBytes: number;
  readonly trustProxy: TrustProxy;
  readonly linkTtlHours: number;
  readonly argon2: { readonly memoryKiB: number; readonly timeCost: number; readonly parallelism: number };
  readonly publicTaxii: boolean;
  readonly defaultTlp: TlpLevel;
  readonly taxiiMaxContentLength: number;
  readonly anonymityK: number;
  readonly deskName: string;
  // reports
  readonly attachmentMaxBytes: number;
  readonly reportAttachmentsMaxBytes: number;
  readonly reportFirstResponseSlaHours: number;
  readonly deadlineReminderHours: number;
  readonly correlationMaxLinks: number;
  readonly correlationIndexIntervalMs: number;
  readonly confidenceHalfLifeDays: number;
  readonly confidenceDefaultReliability: number;
  readonly confidenceReliability: ReadonlyMap<string, number>;
  // mutual aid
  readonly aidTargets: { readonly criticalMinutes: number; readonly highMinutes: number; readonly normalBusinessDays: number };
  readonly aidAutoOfferTop: number;
  readonly aidEscalationIntervalMs: number;
  readonly deadlineReminderIntervalMs: number;
  // dashboards
  readonly publicPage: boolean;
  readonly pdfFontPath: string;
  readonly pdfFontFamily: string;
}

/**
 * Which proxies' X-Forwarded-For entries to believe, in the form Fastify's `trustProxy` option takes: `false` (none:
 * the client is the connection's peer), the trusted proxies' addresses and CIDR ranges as one comma-separated string,
 * or a hop count as a trust function. Fastify itself no longer takes a number (it now reads one as "trust nobody",
 * because a hop count cannot tell a proxy from a client that connects directly), hence the function; `hops` says
 * what it was made from.
 */
export type TrustProxy = false | string | TrustHops;
export interface TrustHops {
  (address: string, hop: number): boolean;
  readonly hops: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const str = (name: string, fallback: string): string => {
    const raw = env[name];
    return raw === undefined || raw === '' ? fallback : raw;
  };

  const port = int('PORT', 8080, 0, 65535);
  const host = str('HOST', '127.0.0.1');
  const dataDir = str('DATA_DIR', './data');
  const databaseUrl = str('DATABASE_URL', `sqlite:${dataDir}/anshin.db`);
  if (!/^(sqlite:.+|postgres(ql)?:\/\/.+)$/.test(databaseUrl)) {
    problems.push(`DATABASE_URL must start with "sqlite:" or "postgres://" (got "${databaseUrl}")`);
  }
  const baseUrl = str('BASE_URL', `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, '');
  if (!isHttpUrl(baseUrl)) problems.push(`BASE_URL must be an http(s) URL (got "${baseUrl}")`);
  const smtpUrl = env.SMTP_URL ? env.SMTP_URL : null;
  if (smtpUrl && !/^smtps?:\/\/.+/.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');
  const logLevel = str('LOG_LEVEL', 'info');
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  const secretKey = env.SECRET_KEY ? env.SECRET_KEY : null;
  if (secretKey && !/^[0-9a-f]{64}$/i.test(secretKey)) problems.push('SECRET_KEY must be 64 hexadecimal characters (32 bytes)');
  const ledgerKeyFile = env.LEDGER_KEY_FILE ? env.LEDGER_KEY_FILE : null;
  if (ledgerKeyFile) checkLedgerKeyFile(ledgerKeyFile, problems);
  const ledgerWitnesses = parseWitnesses(str('LEDGER_WITNESSES', ''), problems);
  const requireTotpFor = parseRoles(str('REQUIRE_TOTP_FOR', ''), problems);
  const trustProxy = parseTrustProxy(str('TRUST_PROXY', 'false'), problems);
  const publicTaxii = str('PUBLIC_TAXII', 'false');
  if (!['true', 'false'].includes(publicTaxii)) problems.push('PUBLIC_TAXII must be "true" or "false"');
  const defaultTlp = parseTlpLevel(str('DEFAULT_TLP', 'amber'));
  if (!defaultTlp) problems.push('DEFAULT_TLP must be one of clear (or white), green, amber, amber+strict, red');

  const publicPage = str('PUBLIC_PAGE', 'false');
  if (!['true', 'false'].includes(publicPage)) problems.push('PUBLIC_PAGE must be "true" or "false"');

  const deskName = str('DESK_NAME', 'Anshin ISAC Desk').trim();
  if (!deskName) problems.push('DESK_NAME must not be empty');

  const config: Config = {
    port,
    host,
    databaseUrl,
    baseUrl,
    smtpUrl,
    mailFrom: str('MAIL_FROM', 'anshin@localhost'),
    logLevel,
    dataDir,
    secretKey,
    ledgerKeyFile,
    ledgerWitnesses,
    sessionTtlHours: int('SESSION_TTL_HOURS', 12, 1, 24 * 30),
    requireTotpFor,
    loginMaxFailures: int('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginLockoutMinutes: int('LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60),
    loginRatePerIpPerMinute: int('LOGIN_RATE_PER_IP_PER_MINUTE', 30, 1, 10_000),
    // A person who lost a password asks a few times at most; a client address may be an office's NAT.
    passwordResetPerEmailPerHour: int('PASSWORD_RESET_PER_EMAIL_PER_HOUR', 3, 1, 100),
    passwordResetPerIpPerHour: int('PASSWORD_RESET_PER_IP_PER_HOUR', 20, 1, 10_000),
    bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024 * 1024, 1024, 1024 * 1024 * 1024),
    trustProxy,
    linkTtlHours: int('LINK_TTL_HOURS', 72, 1, 24 * 30),
    argon2: {
      memoryKiB: int('ARGON2_MEMORY_KIB', 19456, 1024, 1024 * 1024),
      timeCost: int('ARGON2_TIME_COST', 2, 1, 20),
      parallelism: int('ARGON2_PARALLELISM', 1, 1, 16),
    },
    publicTaxii: publicTaxii === 'true',
    defaultTlp: defaultTlp ?? 'amber',
    taxiiMaxContentLength: int('TAXII_MAX_CONTENT_LENGTH', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    anonymityK: int('ANONYMITY_K', 5, 2, 1000),
    deskName: deskName.slice(0, 200),
    attachmentMaxBytes: int('ATTACHMENT_MAX_BYTES', 10 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    reportAttachmentsMaxBytes: int('REPORT_ATTACHMENTS_MAX_BYTES', 50 * 1024 * 1024, 1024, 10 * 1024 * 1024 * 1024),
    reportFirstResponseSlaHours: int('REPORT_FIRST_RESPONSE_SLA_HOURS', 24, 1, 24 * 30),
    deadlineReminderHours: int('DEADLINE_REMINDER_HOURS', 24, 1, 24 * 30),
    correlationMaxLinks: int('CORRELATION_MAX_LINKS', 50, 2, 1_000_000),
    correlationIndexIntervalMs: int('CORRELATION_INDEX_INTERVAL_MS', 2000, 100, 3_600_000),
    confidenceHalfLifeDays: int('CONFIDENCE_HALF_LIFE_DAYS', 90, 1, 3650),
    confidenceDefaultReliability: int('CONFIDENCE_DEFAULT_RELIABILITY', 50, 0, 100),
    confidenceReliability: parseReliability(str('CONFIDENCE_RELIABILITY', ''), problems),
    aidTargets: {
      criticalMinutes: int('AID_TARGET_CRITICAL_MINUTES', 60, 1, 24 * 60 * 30),
      highMinutes: int('AID_TARGET_HIGH_MINUTES', 240, 1, 24 * 60 * 30),
      normalBusinessDays: int('AID_TARGET_NORMAL_BUSINESS_DAYS', 1, 1, 30),
    },
    aidAutoOfferTop: int('AID_AUTO_OFFER_TOP', 3, 0, 50),
    aidEscalationIntervalMs: int('AID_ESCALATION_INTERVAL_MS', 60_000, 1000, 3_600_000),
    deadlineReminderIntervalMs: int('DEADLINE_REMINDER_INTERVAL_MS', 900_000, 1000, 86_400_000),
    publicPage: publicPage === 'true',
    pdfFontPath: str('PDF_FONT_PATH', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'),
    pdfFontFamily: str('PDF_FONT_FAMILY', 'NotoSansCJKjp-Regular'),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

// LEDGER_KEY_FILE: an Ed25519 private key in PKCS#8 PEM that signs the ledger's checkpoints (checked here once, read again at start).
function checkLedgerKeyFile(path: string, problems: string[]): void {
  try {
    readLedgerKeyFile(path);
  } catch (error) {
    if (!(error instanceof LedgerKeyError)) throw error;
    problems.push(`LEDGER_KEY_FILE: ${error.message}`);
  }
}

// LEDGER_WITNESSES: the witnesses whose cosignatures the ledger accepts, as comma-separated tlog-cosignature/v1 verifier keys.
function parseWitnesses(value: string, problems: string[]): string[] {
  const keys = value.split(',').map((k) => k.trim()).filter((k) => k !== '');
  for (const key of keys) {
    try {
      parseCosignerKey(key);
    } catch (error) {
      problems.push(`LEDGER_WITNESSES: ${key}: ${(error as Error).message}`);
    }
  }
  return keys;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

const MAX_PROXY_HOPS = 10;
const PROXY_RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal']; // named ranges that Fastify (proxy-addr) knows

/**
 * TRUST_PROXY: "false" or "0" (no proxy), a hop count ("1": the address the nearest proxy saw), or the proxies'
 * addresses and CIDR ranges ("10.0.0.0/8, 192.0.2.7", also loopback, linklocal, uniquelocal).
 *
 * "true" used to trust every hop, so that behind a load balancer that appends to X-Forwarded-For a client chose its
 * own address by sending the header itself. It is still accepted, so that an installation upgrades without a failed
 * start, but now means one hop: only the address the nearest proxy saw. That is right for the usual single load
 * balancer or reverse proxy, and behind more proxies it fails safe (every client looks like the next proxy: limits are
 * shared, never escaped) rather than open. A hop count trusts whatever connects directly as much as a proxy; where the
 * server can be reached without the proxies, list the proxies' addresses instead.
 */
function parseTrustProxy(raw: string, problems: string[]): TrustProxy {
  const value = raw.trim();
  if (value === 'false' || value === '0') return false;
  if (value === 'true') return trustHops(1);
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= MAX_PROXY_HOPS) return trustHops(hops);
  } else {
    const entries = value.split(',').map((s) => s.trim());
    if (entries.every(isProxyAddress)) return entries.join(',');
  }
  problems.push(
    `TRUST_PROXY must be "false", a hop count from 0 to ${MAX_PROXY_HOPS} ("true" means 1), or a comma-separated list of ` +
      `proxy addresses and CIDR ranges (e.g. "10.0.0.0/8, 192.0.2.7") (got "${raw}")`,
  );
  return false;
}

function trustHops(hops: number): TrustHops {
  // Fastify asks about each address from the server outwards; hop 0 is the peer of the connection.
  return Object.assign((_address: string, hop: number) => hop < hops, { hops });
}

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.includes(entry)) return true;
  const match = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(entry);
  const version = match ? isIP(match[1] as string) : 0;
  if (version === 0) return false;
  return match?.[2] === undefined || Number(match[2]) <= (version === 4 ? 32 : 128);
}

function parseRoles(raw: string, problems: string[]): PlatformRole[] {
  const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !(PLATFORM_ROLES as readonly string[]).includes(n));
  if (unknown.length > 0) problems.push(`REQUIRE_TOTP_FOR has unknown roles: ${unknown.join(', ')} (allowed: ${PLATFORM_ROLES.join(', ')})`);
  return names.filter((n): n is PlatformRole => (PLATFORM_ROLES as readonly string[]).includes(n));
}

// "identity--…=90,identity--…=70": the reliability (0–100) of the sources that created indicators.
function parseReliability(raw: string, problems: string[]): ReadonlyMap<string, number> {
  const map = new Map<string, number>();
  for (const part of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    const match = /^(identity--[0-9a-f-]{36})=(\d{1,3})$/i.exec(part);
    if (!match || Number(match[2]) > 100) {
      problems.push(`CONFIDENCE_RELIABILITY entries must look like identity--<uuid>=<0-100> (got "${part}")`);
      continue;
    }
    map.set((match[1] as string).toLowerCase(), Number(match[2]));
  }
  return map;
}
