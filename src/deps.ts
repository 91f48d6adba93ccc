import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Mailer } from './modules/mail/mail.service.js';

// What services need besides the database: passed as an argument, never imported as a singleton.
export interface AppDeps {
  readonly config: Config;
  readonly mailer: Mailer;
  readonly secretKey: Buffer;
  readonly log: FastifyBaseLogger;
}
