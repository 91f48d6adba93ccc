// Says once, visibly, whether the PostgreSQL half of the suite runs.
export default function setup(): void {
  if (!process.env.TEST_DATABASE_URL) {
    process.stdout.write('\n[anshin] PostgreSQL tests are SKIPPED: TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/postgres).\n\n');
  } else {
    process.stdout.write(`\n[anshin] PostgreSQL tests run against ${process.env.TEST_DATABASE_URL.replace(/\/\/[^@]*@/, '//***@')}\n\n`);
  }
}
