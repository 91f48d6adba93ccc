// The periodic checks `anshin serve` runs beside the server: reporting-deadline reminders and mutual-aid escalations.
// Each runs once at start — a deadline or a breached target must not wait out an interval after a restart — and then
// every DEADLINE_REMINDER_INTERVAL_MS / AID_ESCALATION_INTERVAL_MS. Each reminder and escalation goes out once,
// whichever process sends it, so several processes may run these.
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.js';
import type { Database } from '../db/database.js';
import { runAidEscalations } from '../modules/aid/aid-escalation.service.js';
import { createMailer } from '../modules/mail/mail.service.js';
import { runDeadlineReminders } from '../modules/reports/deadlines.service.js';

export interface BackgroundJobs {
  /** Settles when the checks run at start have finished (their errors are logged, not thrown). */
  readonly started: Promise<void>;
  stop(): void;
}

export function startBackgroundJobs(db: Database, config: Config, log: FastifyBaseLogger): BackgroundJobs {
  const deps = { config, mailer: createMailer(config.smtpUrl, config.mailFrom, log) };
  const jobs = [
    { name: 'deadline reminder check', run: () => runDeadlineReminders(db, deps), everyMs: config.deadlineReminderIntervalMs },
    { name: 'aid escalation check', run: () => runAidEscalations(db, deps), everyMs: config.aidEscalationIntervalMs },
  ];
  const once = (job: (typeof jobs)[number]) => job.run().then(() => undefined, (error: unknown) => log.error({ err: error }, `${job.name} failed`));
  const started = Promise.all(jobs.map(once)).then(() => undefined);
  const timers = jobs.map((job) => setInterval(() => void once(job), job.everyMs));
  for (const timer of timers) timer.unref();
  return { started, stop: () => timers.forEach((timer) => clearInterval(timer)) };
}
