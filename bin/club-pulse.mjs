#!/usr/bin/env node
// The club-pulse command: runs the built CLI (dist/local/cli.mjs); `npm run build` makes it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'local', 'cli.mjs');
if (!existsSync(cli)) {
  console.error('Club Pulse is not built: run `npm run build` in its folder first.');
  process.exit(1);
}
const { main } = await import(pathToFileURL(cli).href);
process.exit(await main(process.argv.slice(2)));
