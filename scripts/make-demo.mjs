// Regenerates examples/demo-club.xlsx from the seeded generator through the built CLI
// (`club-pulse init --demo`). Run `npm run build` first; commit the result.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_TODAY, DEMO_WORKBOOK } from './demo-config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { main } = await import(pathToFileURL(join(root, 'dist/local/cli.mjs')).href);
process.exit(await main(['init', join(root, DEMO_WORKBOOK), '--demo', '--force', '--today', DEMO_TODAY]));
