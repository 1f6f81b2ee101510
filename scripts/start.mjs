// `npm start`: refreshes a copy of the demo workbook into out/ (never the committed file) with the
// built add-on in the local runtime, and prints the KPI table. Outputs: out/demo-club.xlsx (with
// its Dashboard tab), out/kpis.json, out/dashboard.html.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DEMO_TODAY, DEMO_WORKBOOK } from './demo-config.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'out');
mkdirSync(out, { recursive: true });
const copy = join(out, 'demo-club.xlsx');
copyFileSync(join(root, DEMO_WORKBOOK), copy);
const { main } = await import(pathToFileURL(join(root, 'dist/local/cli.mjs')).href);
const code = await main([
  'refresh',
  copy,
  '--today',
  DEMO_TODAY,
  '--json',
  join(out, 'kpis.json'),
  '--html',
  join(out, 'dashboard.html'),
]);
if (code === 0)
  console.log(`\nOpen out/dashboard.html in a browser, or out/demo-club.xlsx in a spreadsheet application.`);
process.exit(code);
