#!/usr/bin/env node
// The `anshin` command (also `npx anshin`): runs the compiled CLI in dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write('anshin: dist/main.js is missing: run npm run build first\n');
  process.exit(1);
}
await import(main.href);
