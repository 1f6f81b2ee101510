// The club-pulse CLI run in this process (as bin/club-pulse.mjs runs it), then its exit code, wall
// time from process start and peak resident memory written to the file named first (bench/stages.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [result, ...args] = process.argv.slice(2);
const cli = join(process.cwd(), 'dist/local/cli.mjs');
const { main } = (await import(pathToFileURL(cli).href)) as { main: (argv: string[]) => Promise<number> };
const code = await main(args);
writeFileSync(
  result,
  JSON.stringify({ code, ms: performance.now(), peakRssMb: process.resourceUsage().maxRSS / 1024 }),
);
process.exit(code);
