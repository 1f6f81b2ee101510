/**
 * The import benchmark (issue 14: importing many new members was quadratic — 4,000 rows 6 s, 8,000
 * rows 19 s, 100,000 rows not done after 20 minutes while holding the workbook lock):
 * `npm run bench:import [-- --rows 4000,8000,100000]`.
 *
 * For each size, a HelloAsso memberships export of that many new people (one order each, all
 * validated) is imported into a new French workbook: the core plan alone (`planImport`, in this
 * process), then `club-pulse import` end to end as a child process (reading the .xlsx and the CSV,
 * the plan and the writes through the bundle in the emulator, saving). Figures are printed and
 * written to bench/IMPORT.md; nothing is asserted on time (test/core/imports/people.test.ts checks
 * the IDs of 20,000 new members).
 */

import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseCsvText, planImport } from '../src/core/imports';
import { formatMarkdown } from './markdown';

const HEADER =
  'Référence commande;Date de la commande;Statut de la commande;Nom adhérent;Prénom adhérent;Nom payeur;Prénom payeur;Email payeur;Tarif;Montant tarif';

/** A memberships export of `rows` new people, one validated order each. */
export function membershipsCsv(rows: number): string {
  const lines = [HEADER];
  for (let i = 0; i < rows; i++) {
    const day = String((i % 28) + 1).padStart(2, '0');
    lines.push(
      `${100_000 + i};${day}/01/2026 09:12;Validé;Nom${i};Prénom${i};Nom${i};Prénom${i};personne${i}@example.org;Adhésion 2026;40,00`,
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

interface Figure {
  rows: number;
  planMs: number;
  members: number;
  cliMs: number;
}

function measure(rows: number, root: string, work: string): Figure {
  const csv = membershipsCsv(rows);
  const file = join(work, `adhesions-${rows}.csv`);
  writeFileSync(file, csv);
  const started = performance.now();
  const result = planImport({
    rows: parseCsvText(csv),
    fileName: file,
    lang: 'fr',
    locale: 'fr_FR',
    existing: { tabs: [] },
  });
  const planMs = performance.now() - started;
  if (!result.ok) throw new Error(result.message);
  const members = result.plan.additions.find((a) => a.tab === 'members')?.rows.length ?? 0;

  const club = join(work, `club-${rows}.xlsx`);
  const bin = join(root, 'bin/club-pulse.mjs');
  execFileSync(process.execPath, [bin, 'init', club, '--lang', 'fr', '--force', '--today', '2026-11-27']);
  const cliStarted = performance.now();
  execFileSync(process.execPath, [bin, 'import', club, file, '--today', '2026-11-27'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    maxBuffer: 1 << 28,
  });
  return { rows, planMs, members, cliMs: performance.now() - cliStarted };
}

export function main(argv: string[], root: string): void {
  const { values } = parseArgs({
    args: argv,
    options: { rows: { type: 'string', default: '4000,8000,100000' }, work: { type: 'string' } },
  });
  const sizes = values.rows.split(',').map((s) => Number(s.trim()));
  const work = values.work ?? join(root, 'out/bench/import');
  mkdirSync(work, { recursive: true });
  const figures: Figure[] = [];
  console.log('rows      new members   plan (core) s   club-pulse import s');
  for (const rows of sizes) {
    const f = measure(rows, root, work);
    figures.push(f);
    console.log(
      `${String(f.rows).padEnd(10)}${String(f.members).padEnd(14)}${(f.planMs / 1000).toFixed(2).padEnd(16)}${(f.cliMs / 1000).toFixed(2)}`,
    );
  }
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
  const table = [
    '# Import benchmark',
    '',
    `Written by \`npm run bench:import\` (club-pulse ${version}, Node ${process.version}, ${cpus()[0]?.model ?? '?'}).`,
    'A HelloAsso memberships export of N new people imported into a new French workbook: the core plan',
    'alone, then `club-pulse import` end to end (read, plan, write through the bundle, save).',
    '',
    '| rows | new members | plan (core) s | club-pulse import s |',
    '| ---: | ---: | ---: | ---: |',
    ...figures.map(
      (f) =>
        `| ${f.rows} | ${f.members} | ${(f.planMs / 1000).toFixed(2)} | ${(f.cliMs / 1000).toFixed(2)} |`,
    ),
    '',
  ].join('\n');
  const file = join(root, 'bench/IMPORT.md');
  writeFileSync(file, table);
  formatMarkdown(root, file);
}
