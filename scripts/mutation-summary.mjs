// Prints the mutation score per file from Stryker JSON reports (mutation-testing-report-schema), and
// the same score counting the equivalent mutants listed in reports/mutation/EQUIVALENT.md as killed.
// Usage: node scripts/mutation-summary.mjs [report.json ...]  (default reports/mutation/mutation.json;
// with several reports, a file's result comes from the last report that has it, so per-file runs can be
// merged; `--markdown` prints a Markdown table instead). Equivalent entries are lines `- \`path:line:column\` MutatorName: reason`.
import { existsSync, readFileSync } from 'node:fs';

const markdown = process.argv.includes('--markdown');
const reports = process.argv.slice(2).filter((a) => a !== '--markdown');
if (reports.length === 0) reports.push('reports/mutation/mutation.json');

const files = new Map();
for (const path of reports) {
  const report = JSON.parse(readFileSync(path, 'utf8'));
  for (const [file, result] of Object.entries(report.files)) files.set(file, result.mutants);
}

const equivalentPath = 'reports/mutation/EQUIVALENT.md';
const equivalent = new Set();
if (existsSync(equivalentPath)) {
  for (const match of readFileSync(equivalentPath, 'utf8').matchAll(/^- `([^`]+:\d+:\d+)` (\w+)/gm)) {
    equivalent.add(`${match[1]} ${match[2]}`);
  }
}

const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const rows = [];
const total = { detected: 0, equivalent: 0, undetected: 0 };
for (const [file, mutants] of [...files.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  const row = { file, detected: 0, equivalent: 0, undetected: 0 };
  for (const m of mutants) {
    const key = `${file}:${m.location.start.line}:${m.location.start.column} ${m.mutatorName}`;
    if (DETECTED.has(m.status)) row.detected++;
    else if (UNDETECTED.has(m.status)) {
      if (equivalent.has(key)) row.equivalent++;
      else row.undetected++;
    }
  }
  for (const k of Object.keys(total)) total[k] += row[k];
  rows.push(row);
}

const pct = (r) => {
  const valid = r.detected + r.equivalent + r.undetected;
  return valid === 0 ? '   n/a' : `${((100 * (r.detected + r.equivalent)) / valid).toFixed(1).padStart(5)} %`;
};
const all = [...rows, { file: 'all files', ...total }];
if (markdown) {
  console.log(
    '| file | score | killed | equivalent | survived |\n| ---- | ----: | -----: | ---------: | -------: |',
  );
  for (const r of all)
    console.log(
      `| ${r.file === 'all files' ? r.file : `\`${r.file}\``} | ${pct(r).trim()} | ${r.detected} | ${r.equivalent} | ${r.undetected} |`,
    );
} else {
  const width = Math.max(4, ...rows.map((r) => r.file.length));
  console.log(`${'file'.padEnd(width)}  score    killed  equiv  survived`);
  for (const r of all) {
    console.log(
      `${r.file.padEnd(width)}  ${pct(r)}  ${String(r.detected).padStart(6)}  ${String(r.equivalent).padStart(5)}  ${String(r.undetected).padStart(8)}`,
    );
  }
}
