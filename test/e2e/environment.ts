import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// What the end-to-end suite needs from the machine: the system Chromium and the built web UI.
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const CHROMIUM_SKIP_REASON = `no Chromium at ${CHROMIUM_PATH}`;
export const hasChromium = (): boolean => existsSync(CHROMIUM_PATH);

const WEB_INDEX = fileURLToPath(new URL('../../web/dist/index.html', import.meta.url));
export const webUiBuilt = (): boolean => existsSync(WEB_INDEX);
export const WEB_UI_MISSING = `The web UI is not built (${WEB_INDEX} is missing): run "npm run build:web" before the end-to-end tests.`;
