/**
 * The network roll-up benchmark (issue 22): `npm run bench:network [-- --clubs 50000 --periods 4]`,
 * also run at the end of `npm run bench` (unless `--no-network`).
 *
 * Generates N clubs × P periods snapshot files (every numeric KPI of the catalogue, seeded random
 * values, size bands drawn like a real network: most clubs small) in a temporary folder, then runs
 * the roll-up of `club-pulse network rollup` (src/local/network.ts: read each file, check it, fold
 * it in, write network.xlsx and benchmarks.csv) in its own Node process, whose peak resident memory
 * (`process.resourceUsage().maxRSS`) is its own. Prints the time and peak memory and writes
 * bench/NETWORK.md; with fewer clubs than 50,000 the table says so and extrapolates, clearly
 * labelled. Nothing asserts time.
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { SIZE_BANDS } from '../src/core/network/bands';
import { SNAPSHOT_KPIS, SNAPSHOT_VERSION } from '../src/core/network/snapshot';
import { rollupSnapshots } from '../src/local/network';
import { formatMarkdown } from './markdown';

const TARGET_CLUBS = 50_000;
const PERIODS = ['2025-S1', '2025-S2', '2026-S1', '2026-S2', '2027-S1', '2027-S2'];

/** A small seeded generator (mulberry32): the same snapshots on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Writes clubs × periods snapshot files; returns the bytes written. */
export function generateSnapshots(folder: string, clubs: number, periods: number): number {
  const next = random(22);
  let bytes = 0;
  for (let c = 0; c < clubs; c++) {
    const r = next();
    const band = SIZE_BANDS[r < 0.55 ? 0 : r < 0.85 ? 1 : r < 0.97 ? 2 : 3];
    const clubId = `bench-club-${String(c).padStart(6, '0')}`;
    for (const period of PERIODS.slice(0, periods)) {
      const kpis = SNAPSHOT_KPIS.map((def) => {
        const value =
          def.unit === 'ratio' ? next() : def.unit === 'nps' ? Math.round(next() * 200 - 100) : next() * 500;
        return { id: def.id, value, n: 1 + Math.floor(next() * 300), unit: def.unit };
      });
      const text = JSON.stringify({
        schema_version: SNAPSHOT_VERSION,
        club_id: clubId,
        network_id: 'bench-network',
        size_band: band,
        period,
        currency: 'EUR',
        kpis,
      });
      writeFileSync(join(folder, `${clubId}-${period}.json`), text);
      bytes += text.length;
    }
  }
  return bytes;
}

/** The child process: the roll-up alone, then its time and peak memory as one JSON line. */
export async function child(folder: string, out: string): Promise<void> {
  const started = performance.now();
  const silent = { out: () => {}, err: () => {} };
  const report = await rollupSnapshots(folder, { out, lang: 'fr' }, silent, (m) => new Error(m));
  const ms = performance.now() - started;
  const usage = process.resourceUsage();
  console.log(
    JSON.stringify({
      ms,
      peakRssMb: usage.maxRSS / 1024,
      read: report.read,
      accepted: report.accepted,
      rejected: report.rejected.length,
      rows: report.rows.length,
      withheld: report.withheld,
    }),
  );
}

interface ChildResult {
  ms: number;
  peakRssMb: number;
  read: number;
  accepted: number;
  rejected: number;
  rows: number;
  withheld: number;
}

export async function main(argv: string[], root: string): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      clubs: { type: 'string', default: String(TARGET_CLUBS) },
      periods: { type: 'string', default: '4' },
      work: { type: 'string' },
      keep: { type: 'boolean', default: false },
    },
  });
  const clubs = Number(values.clubs);
  const periods = Math.min(PERIODS.length, Number(values.periods));
  if (!Number.isInteger(clubs) || clubs < 1 || !Number.isInteger(periods) || periods < 1)
    throw new Error('--clubs and --periods: whole numbers ≥ 1');
  const work = values.work ?? mkdtempSync(join(tmpdir(), 'club-pulse-network-bench-'));
  const folder = join(work, 'snapshots');
  mkdirSync(folder, { recursive: true });
  const kpis = SNAPSHOT_KPIS.length;
  console.error(
    `Network roll-up: generating ${clubs} clubs × ${periods} periods × ${kpis} KPIs in ${folder}…`,
  );
  const genStarted = performance.now();
  const bytes = generateSnapshots(folder, clubs, periods);
  const genMs = performance.now() - genStarted;
  console.error(
    `  generated in ${(genMs / 1000).toFixed(1)} s (${(bytes / 1e6).toFixed(0)} MB); rolling up…`,
  );
  const script = `import(${JSON.stringify(pathToFileURL(join(root, 'dist/bench/network.mjs')).href)}).then((m) => m.child(${JSON.stringify(folder)}, ${JSON.stringify(join(work, 'network.xlsx'))}))`;
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  const result = JSON.parse(output.trim().split('\n').pop() ?? '{}') as ChildResult;
  const values_ = clubs * periods * kpis;
  const scale = TARGET_CLUBS / clubs;
  const lines = [
    `snapshots ${result.read} (${clubs} clubs × ${periods} periods), ${kpis} KPIs each: ${values_.toLocaleString('en')} values`,
    `roll-up ${(result.ms / 1000).toFixed(1)} s, peak RSS ${result.peakRssMb.toFixed(0)} MB; ${result.rows} benchmark rows, ${result.withheld} withheld, ${result.rejected} rejected`,
    `values kept in memory: ${((values_ * 8) / 1e6).toFixed(0)} MB of 8-byte floats`,
  ];
  if (clubs < TARGET_CLUBS)
    lines.push(
      `EXTRAPOLATED (not measured) to ${TARGET_CLUBS} clubs: roll-up ≈ ${((result.ms * scale) / 1000).toFixed(0)} s (linear), values ≈ ${((values_ * scale * 8) / 1e6).toFixed(0)} MB`,
    );
  for (const line of lines) console.log(line);
  writeResults(root, { clubs, periods, kpis, genMs, bytes, result });
  if (!values.keep && !values.work) rmSync(work, { recursive: true, force: true });
}

function writeResults(
  root: string,
  f: { clubs: number; periods: number; kpis: number; genMs: number; bytes: number; result: ChildResult },
): void {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const values = f.clubs * f.periods * f.kpis;
  const measured = f.clubs >= TARGET_CLUBS;
  const scale = TARGET_CLUBS / f.clubs;
  const text = [
    '# Network roll-up benchmark',
    '',
    `Written by \`npm run bench:network\` (club-pulse ${version}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB).`,
    'Snapshot files generated in a temporary folder, then `club-pulse network rollup` (read, check, fold,',
    'write network.xlsx and benchmarks.csv) in its own process. The machine is shared: times vary.',
    '',
    '| clubs | periods | KPIs | snapshots | values | files MB | generation s | roll-up s | peak RSS MB | values MB | rows | withheld |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${f.clubs} | ${f.periods} | ${f.kpis} | ${f.result.read} | ${values} | ${(f.bytes / 1e6).toFixed(0)} | ${(f.genMs / 1000).toFixed(1)} | ${(f.result.ms / 1000).toFixed(1)} | ${f.result.peakRssMb.toFixed(0)} | ${((values * 8) / 1e6).toFixed(0)} | ${f.result.rows} | ${f.result.withheld} |`,
    '',
    measured
      ? 'Measured at the full size of the issue (50,000 clubs).'
      : `**Extrapolated, not measured**: ${f.clubs} clubs were run; at 50,000 clubs the roll-up would take about ${((f.result.ms * scale) / 1000).toFixed(0)} s (linear in the files read) and keep about ${((values * scale * 8) / 1e6).toFixed(0)} MB of values.`,
    '',
  ].join('\n');
  const file = join(root, 'bench/NETWORK.md');
  writeFileSync(file, text);
  formatMarkdown(root, file);
}
