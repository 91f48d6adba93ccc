import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { cosignerVerifierKey } from './modules/ledger/cosignature.js';
import { verifierKey } from './modules/ledger/signed-note.js';

const SECRET = 'ab'.repeat(32);
const WITNESS_A = cosignerVerifierKey('witness.example/a', Buffer.alloc(32, 1));
const WITNESS_B = cosignerVerifierKey('witness.example/b', Buffer.alloc(32, 2));
// An Ed25519 key in PKCS#8 PEM, as `openssl genpkey -algorithm ed25519` writes it.
const LEDGER_KEY = join(mkdtempSync(join(tmpdir(), 'anshin-config-')), 'ledger-key.pem');
writeFileSync(LEDGER_KEY, generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }));

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('has safe defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 8080,
      host: '127.0.0.1',
      databaseUrl: 'sqlite:./data/anshin.db',
      baseUrl: 'http://127.0.0.1:8080',
      smtpUrl: null,
      mailFrom: 'anshin@localhost',
      logLevel: 'info',
      dataDir: './data',
      secretKey: null,
      ledgerKeyFile: null,
      ledgerWitnesses: [],
      sessionTtlHours: 12,
      requireTotpFor: [],
      loginMaxFailures: 5,
      loginLockoutMinutes: 15,
      loginRatePerIpPerMinute: 30,
      passwordResetPerEmailPerHour: 3,
      passwordResetPerIpPerHour: 20,
      bodyLimitBytes: 1024 * 1024,
      trustProxy: false,
      linkTtlHours: 72,
      argon2: { memoryKiB: 19456, timeCost: 2, parallelism: 1 },
      publicTaxii: false,
      defaultTlp: 'amber',
      taxiiMaxContentLength: 10 * 1024 * 1024,
      attachmentMaxBytes: 10 * 1024 * 1024,
      reportAttachmentsMaxBytes: 50 * 1024 * 1024,
      reportFirstResponseSlaHours: 24,
      deadlineReminderHours: 24,
      correlationMaxLinks: 50,
      correlationIndexIntervalMs: 2000,
      anonymityK: 5,
      deskName: 'Anshin ISAC Desk',
      confidenceHalfLifeDays: 90,
      confidenceDefaultReliability: 50,
      confidenceReliability: new Map(),
      aidTargets: { criticalMinutes: 60, highMinutes: 240, normalBusinessDays: 1 },
      aidAutoOfferTop: 3,
      aidEscalationIntervalMs: 60_000,
      deadlineReminderIntervalMs: 900_000,
      publicPage: false,
      pdfFontPath: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      pdfFontFamily: 'NotoSansCJKjp-Regular',
    });
  });

  it('treats an empty variable like a missing one', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '', LOG_LEVEL: '', SMTP_URL: '', SECRET_KEY: '' })).toEqual(loadConfig({}));
  });

  it('parses every variable', () => {
    const config = loadConfig({
      PORT: '9090',
      HOST: '0.0.0.0',
      DATA_DIR: '/var/lib/anshin',
      DATABASE_URL: 'postgres://anshin:secret@db.internal:5432/anshin',
      BASE_URL: 'https://anshin.example.jp/',
      SMTP_URL: 'smtps://mailer:pw@smtp.example.jp:465',
      MAIL_FROM: 'Anshin <no-reply@example.jp>',
      LOG_LEVEL: 'debug',
      SECRET_KEY: SECRET,
      LEDGER_KEY_FILE: LEDGER_KEY,
      LEDGER_WITNESSES: ` ${WITNESS_A} ,${WITNESS_B}`,
      SESSION_TTL_HOURS: '8',
      REQUIRE_TOTP_FOR: 'administrator, coordinator',
      LOGIN_MAX_FAILURES: '3',
      LOGIN_LOCKOUT_MINUTES: '30',
      LOGIN_RATE_PER_IP_PER_MINUTE: '60',
      BODY_LIMIT_BYTES: '2048',
      PASSWORD_RESET_PER_EMAIL_PER_HOUR: '2',
      PASSWORD_RESET_PER_IP_PER_HOUR: '50',
      TRUST_PROXY: '10.0.0.0/8, 192.168.1.10',
      LINK_TTL_HOURS: '24',
      ARGON2_MEMORY_KIB: '65536',
      ARGON2_TIME_COST: '3',
      ARGON2_PARALLELISM: '2',
      PUBLIC_TAXII: 'true',
      DEFAULT_TLP: 'TLP:WHITE',
      TAXII_MAX_CONTENT_LENGTH: '65536',
      ATTACHMENT_MAX_BYTES: '4096',
      REPORT_ATTACHMENTS_MAX_BYTES: '8192',
      REPORT_FIRST_RESPONSE_SLA_HOURS: '8',
      DEADLINE_REMINDER_HOURS: '12',
      DESK_NAME: ' Kansai ISAC ',
      CORRELATION_MAX_LINKS: '20',
      CORRELATION_INDEX_INTERVAL_MS: '500',
      ANONYMITY_K: '3',
      CONFIDENCE_HALF_LIFE_DAYS: '30',
      CONFIDENCE_DEFAULT_RELIABILITY: '40',
      CONFIDENCE_RELIABILITY: 'identity--A3F1D4B2-5C6E-4F70-8A9B-0C1D2E3F4A5B=90, identity--7a1f3c52-9d2e-4b8a-8c61-2f0e5d4b3a19=10',
      AID_TARGET_CRITICAL_MINUTES: '30',
      AID_TARGET_HIGH_MINUTES: '120',
      AID_TARGET_NORMAL_BUSINESS_DAYS: '2',
      AID_AUTO_OFFER_TOP: '0',
      AID_ESCALATION_INTERVAL_MS: '5000',
      DEADLINE_REMINDER_INTERVAL_MS: '60000',
      PUBLIC_PAGE: 'true',
      PDF_FONT_PATH: '/opt/fonts/ipaexg.ttf',
      PDF_FONT_FAMILY: 'IPAexGothic',
    });
    expect(config).toEqual({
      port: 9090,
      host: '0.0.0.0',
      dataDir: '/var/lib/anshin',
      databaseUrl: 'postgres://anshin:secret@db.internal:5432/anshin',
      baseUrl: 'https://anshin.example.jp',
      smtpUrl: 'smtps://mailer:pw@smtp.example.jp:465',
      mailFrom: 'Anshin <no-reply@example.jp>',
      logLevel: 'debug',
      secretKey: SECRET,
      ledgerKeyFile: LEDGER_KEY,
      ledgerWitnesses: [WITNESS_A, WITNESS_B],
      sessionTtlHours: 8,
      requireTotpFor: ['administrator', 'coordinator'],
      loginMaxFailures: 3,
      loginLockoutMinutes: 30,
      loginRatePerIpPerMinute: 60,
      bodyLimitBytes: 2048,
      passwordResetPerEmailPerHour: 2,
      passwordResetPerIpPerHour: 50,
      trustProxy: '10.0.0.0/8,192.168.1.10',
      linkTtlHours: 24,
      argon2: { memoryKiB: 65536, timeCost: 3, parallelism: 2 },
      publicTaxii: true,
      defaultTlp: 'clear',
      taxiiMaxContentLength: 65536,
      attachmentMaxBytes: 4096,
      reportAttachmentsMaxBytes: 8192,
      reportFirstResponseSlaHours: 8,
      deadlineReminderHours: 12,
      deskName: 'Kansai ISAC',
      correlationMaxLinks: 20,
      correlationIndexIntervalMs: 500,
      anonymityK: 3,
      confidenceHalfLifeDays: 30,
      confidenceDefaultReliability: 40,
      confidenceReliability: new Map([['identity--a3f1d4b2-5c6e-4f70-8a9b-0c1d2e3f4a5b', 90], ['identity--7a1f3c52-9d2e-4b8a-8c61-2f0e5d4b3a19', 10]]),
      aidTargets: { criticalMinutes: 30, highMinutes: 120, normalBusinessDays: 2 },
      aidAutoOfferTop: 0,
      aidEscalationIntervalMs: 5000,
      deadlineReminderIntervalMs: 60_000,
      publicPage: true,
      pdfFontPath: '/opt/fonts/ipaexg.ttf',
      pdfFontFamily: 'IPAexGothic',
    });
  });

  it('refuses a LEDGER_KEY_FILE that is missing or holds no Ed25519 private key, saying how to make one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anshin-config-'));
    expect(problemsOf({ LEDGER_KEY_FILE: join(dir, 'none.pem') })).toEqual([`LEDGER_KEY_FILE: cannot read ${join(dir, 'none.pem')} (ENOENT)`]);
    writeFileSync(join(dir, 'public.pem'), generateKeyPairSync('ed25519').publicKey.export({ format: 'pem', type: 'spki' }));
    expect(problemsOf({ LEDGER_KEY_FILE: join(dir, 'public.pem') })[0]).toContain('openssl genpkey -algorithm ed25519');
    writeFileSync(join(dir, 'ec.pem'), generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'pem', type: 'pkcs8' }));
    expect(problemsOf({ LEDGER_KEY_FILE: join(dir, 'ec.pem') })).toEqual([`LEDGER_KEY_FILE: ${join(dir, 'ec.pem')} holds a ec key, not an Ed25519 key`]);
  });

  it('refuses LEDGER_WITNESSES that are not tlog-cosignature/v1 Ed25519 verifier keys', () => {
    const logKey = verifierKey('log.example/ledger', Buffer.alloc(32, 3));
    expect(problemsOf({ LEDGER_WITNESSES: `${WITNESS_A},${logKey}` })).toEqual([`LEDGER_WITNESSES: ${logKey}: the witness verifier key is not an Ed25519 cosignature/v1 key (type 0x04)`]);
    expect(problemsOf({ LEDGER_WITNESSES: 'nonsense' })).toEqual(['LEDGER_WITNESSES: nonsense: a witness verifier key is <name>+<key id>+<key>']);
  });

  it('refuses malformed per-source reliabilities', () => {
    expect(problemsOf({ CONFIDENCE_RELIABILITY: 'identity--a3f1d4b2-5c6e-4f70-8a9b-0c1d2e3f4a5b=101' })[0]).toMatch(/CONFIDENCE_RELIABILITY/);
    expect(problemsOf({ CONFIDENCE_RELIABILITY: 'desk=50' })[0]).toMatch(/CONFIDENCE_RELIABILITY/);
    expect(problemsOf({ ANONYMITY_K: '0' })[0]).toMatch(/ANONYMITY_K/);
    expect(problemsOf({ PUBLIC_PAGE: 'yes' })[0]).toMatch(/PUBLIC_PAGE/);
  });

  describe('TRUST_PROXY', () => {
    const trustOf = (value: string) => loadConfig({ TRUST_PROXY: value }).trustProxy;
    const hopsOf = (value: string) => {
      const trust = trustOf(value);
      if (typeof trust !== 'function') throw new Error(`TRUST_PROXY=${value} is not a hop count`);
      return trust;
    };

    it('is off by default, and with false or 0', () => {
      expect(trustOf('')).toBe(false);
      expect(trustOf('false')).toBe(false);
      expect(trustOf('0')).toBe(false);
    });

    it('takes a hop count: only that many proxies nearest to the server are trusted', () => {
      const two = hopsOf('2');
      expect(two.hops).toBe(2);
      // Fastify asks about each address from the server outwards: hop 0 is the connection's peer.
      expect([0, 1, 2, 3].map((hop) => two('192.0.2.1', hop))).toEqual([true, true, false, false]);
    });

    it('takes true as one hop, not as "trust every hop"', () => {
      const one = hopsOf('true');
      expect(one.hops).toBe(1);
      expect([0, 1, 2].map((hop) => one('192.0.2.1', hop))).toEqual([true, false, false]);
    });

    it('takes a comma-separated list of proxy addresses and CIDR ranges, for Fastify as it is', () => {
      expect(trustOf('10.0.0.1')).toBe('10.0.0.1');
      expect(trustOf(' 10.0.0.0/8 ,192.168.0.0/16, fd00::/8,::1 , loopback ')).toBe('10.0.0.0/8,192.168.0.0/16,fd00::/8,::1,loopback');
    });

    it('refuses anything else, naming what it accepts', () => {
      for (const value of ['yes', '-1', '1.5', '11', 'proxy.example.jp', '10.0.0.0/33', '::1/129', '10.0.0.1,', 'true,10.0.0.1', '10.0.0.256']) {
        const problems = problemsOf({ TRUST_PROXY: value });
        expect(problems, value).toHaveLength(1);
        expect(problems[0]).toMatch(/^TRUST_PROXY must be /);
      }
    });
  });

  it('limits password-reset requests by default, within bounds', () => {
    expect(problemsOf({ PASSWORD_RESET_PER_EMAIL_PER_HOUR: '0' })[0]).toMatch(/^PASSWORD_RESET_PER_EMAIL_PER_HOUR /);
    expect(problemsOf({ PASSWORD_RESET_PER_IP_PER_HOUR: 'many' })[0]).toMatch(/^PASSWORD_RESET_PER_IP_PER_HOUR /);
  });

  it('derives the SQLite file from DATA_DIR and the base URL from HOST and PORT', () => {
    const config = loadConfig({ DATA_DIR: '/srv/anshin', HOST: '::1', PORT: '3000' });
    expect(config.databaseUrl).toBe('sqlite:/srv/anshin/anshin.db');
    expect(config.baseUrl).toBe('http://[::1]:3000');
  });

  it('accepts postgresql:// as well as postgres://', () => {
    expect(loadConfig({ DATABASE_URL: 'postgresql://localhost/anshin' }).databaseUrl).toBe('postgresql://localhost/anshin');
  });

  it('is frozen', () => {
    const config = loadConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(() => {
      (config as { port: number }).port = 1;
    }).toThrow(TypeError);
  });

  it('reports every problem at once, one line per variable', () => {
    const problems = problemsOf({
      PORT: '80a',
      DATABASE_URL: 'mysql://localhost/anshin',
      BASE_URL: 'ftp://example.jp',
      SMTP_URL: 'http://smtp.example.jp',
      LOG_LEVEL: 'loud',
      SECRET_KEY: 'too-short',
      SESSION_TTL_HOURS: '0',
      REQUIRE_TOTP_FOR: 'administrator,root',
      LOGIN_MAX_FAILURES: '1.5',
      LOGIN_LOCKOUT_MINUTES: '-1',
      LOGIN_RATE_PER_IP_PER_MINUTE: 'many',
      BODY_LIMIT_BYTES: '1',
      TRUST_PROXY: 'yes',
      LINK_TTL_HOURS: '100000',
      ARGON2_MEMORY_KIB: '512',
      ARGON2_TIME_COST: '0',
      ARGON2_PARALLELISM: '17',
      PUBLIC_TAXII: 'yes',
      DEFAULT_TLP: 'orange',
      TAXII_MAX_CONTENT_LENGTH: '100',
    });
    const named = [
      'PORT', 'DATABASE_URL', 'BASE_URL', 'SMTP_URL', 'LOG_LEVEL', 'SECRET_KEY', 'SESSION_TTL_HOURS', 'REQUIRE_TOTP_FOR',
      'LOGIN_MAX_FAILURES', 'LOGIN_LOCKOUT_MINUTES', 'LOGIN_RATE_PER_IP_PER_MINUTE', 'BODY_LIMIT_BYTES', 'TRUST_PROXY',
      'LINK_TTL_HOURS', 'ARGON2_MEMORY_KIB', 'ARGON2_TIME_COST', 'ARGON2_PARALLELISM', 'PUBLIC_TAXII', 'DEFAULT_TLP',
      'TAXII_MAX_CONTENT_LENGTH',
    ];
    expect(problems).toHaveLength(named.length);
    for (const name of named) expect(problems.filter((p) => p.startsWith(`${name} `))).toHaveLength(1);
    expect(problems.find((p) => p.startsWith('REQUIRE_TOTP_FOR'))).toContain('root');
    expect(problems.find((p) => p.startsWith('PORT'))).toContain('"80a"');
  });

  it('puts every problem into the one error message', () => {
    let message = '';
    try {
      loadConfig({ PORT: '70000', LOG_LEVEL: 'loud' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration:\n/);
    expect(message).toContain('  - PORT must be an integer from 0 to 65535 (got "70000")');
    expect(message).toContain('  - LOG_LEVEL must be one of');
  });

  it('checks the bounds of numbers inclusively', () => {
    expect(loadConfig({ PORT: '0' }).port).toBe(0);
    expect(loadConfig({ PORT: '65535' }).port).toBe(65535);
    expect(problemsOf({ PORT: '65536' })).toHaveLength(1);
    expect(problemsOf({ ARGON2_MEMORY_KIB: '1023' })).toHaveLength(1);
  });

  it('is documented: the README table lists every variable config.ts reads', () => {
    const source = readFileSync(new URL('./config.ts', import.meta.url), 'utf8');
    const read = new Set([...source.matchAll(/(?:\b(?:int|str)\(\s*'([A-Z0-9_]+)'|\benv\.([A-Z0-9_]+)|\benv\['([A-Z0-9_]+)'\])/g)].map((m) => m[1] ?? m[2] ?? m[3]));
    expect(read.size).toBeGreaterThanOrEqual(20);
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const documented = new Set([...readme.matchAll(/^\|\s*`([A-Z0-9_]+)`\s*\|/gm)].map((m) => m[1]));
    expect([...read].filter((name) => !documented.has(name))).toEqual([]);
  });
});
