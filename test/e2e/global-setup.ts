import { existsSync } from 'node:fs';
import { CHROMIUM_PATH, CHROMIUM_SKIP_REASON, WEB_UI_MISSING, webUiBuilt } from './environment.js';

// Checks once, before any browser starts, that there is something to test.
export default function setup(): void {
  if (!existsSync(CHROMIUM_PATH)) {
    process.stdout.write(`\n[anshin] End-to-end tests are SKIPPED: ${CHROMIUM_SKIP_REASON}.\n\n`);
    return;
  }
  if (!webUiBuilt()) throw new Error(WEB_UI_MISSING);
}
