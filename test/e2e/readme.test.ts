// The README runs as written: every command line of its ```sh blocks is run, in order, as a user
// would from the repository (`npx club-pulse` is the built bin; `examples/` is the repository's), on
// the demo workbook that its `init` line makes. `npm ci` and `npm run test:all` are not run here
// (installing, and this very gate); `npm start` is its script after the build (global setup).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const BIN = join(ROOT, 'bin/club-pulse.mjs');

/** The command lines of the README's ```sh blocks, trailing `# comments` removed. */
function readmeCommands(markdown: string): string[] {
  const lines: string[] = [];
  for (const block of markdown.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of block[1]!.split('\n')) {
      const line = raw.replace(/\s+#\s.*$/, '').trim();
      if (line) lines.push(line);
    }
  }
  return lines;
}

const commands = readmeCommands(readFileSync(join(ROOT, 'README.md'), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'club-pulse-readme-'));
symlinkSync(join(ROOT, 'examples'), join(dir, 'examples'));

/** English words and internal keys that must never show in French output. */
const NOT_FRENCH =
  /\b(?:line|lines|row|rows|Dry run|data issues?|Saved|Answers go|Invalid response|submitted|refused|French business|median|survey of|nonprofits|Period|Benchmark)\b|active_min_events|!!/i;
const cliOutput: string[] = [];

function shell(line: string) {
  return line.replace(/^npx club-pulse\b/, `"${process.execPath}" "${BIN}"`);
}

describe('the README runs as written', () => {
  it('shows the two commands and the club-pulse lines, including the survey and its answers', () => {
    expect(commands).toContain('npm ci && npm start');
    expect(commands).toContain('npm ci && npm run test:all');
    const cli = commands.filter((c) => c.startsWith('npx club-pulse '));
    expect(cli.length).toBeGreaterThanOrEqual(8);
    expect(cli.some((c) => c.includes(' answer '))).toBe(true);
  });

  it('npm start (after the build) refreshes the demo workbook', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts/start.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('Retour sur investissement');
  });

  const cliLines = commands.filter((c) => c.startsWith('npx club-pulse ') && !c.includes(' dev '));
  for (const line of cliLines) {
    it(`runs: ${line}`, () => {
      const r = spawnSync('sh', ['-c', shell(line)], { cwd: dir, encoding: 'utf8' });
      expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);
      cliOutput.push(r.stdout);
      // Nothing refused by a README example: no skipped survey answer, no unknown column.
      expect(r.stdout).not.toMatch(/refusées : [1-9]|colonnes ignorées/);
    }, 60_000);
  }

  it('the files the lines write are there', () => {
    for (const f of ['club.xlsx', 'kpis.json', 'dashboard.html', 'result.xlsx'])
      expect(existsSync(join(dir, f)), f).toBe(true);
  });

  it('says nothing in English on a French workbook (CLI output, dashboard cells and HTML)', async () => {
    const { loadWorkbook } = await import('../../src/local/workbook/xlsx');
    const model = await loadWorkbook(join(dir, 'result.xlsx'));
    const dashboard = model.sheets.find((s) => s.name === 'Tableau de bord')!;
    const cells = dashboard.values.flat().map(String);
    const html = readFileSync(join(dir, 'dashboard.html'), 'utf8')
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<[^>]+>/g, ' ');
    // The KPI table's lines are the club's own labels; their English names never show.
    const texts = [...cliOutput.join('\n').split('\n'), ...cells, ...html.split('\n')];
    const english = texts.filter((t) => NOT_FRENCH.test(t));
    expect(english).toEqual([]);
    // The check itself would catch each of the sentences once printed.
    for (const old of [
      '3 data issue(s)',
      '  - line 2: x',
      'Dry run: nothing written.',
      'N = active_min_events',
    ])
      expect(NOT_FRENCH.test(old), old).toBe(true);
  });

  const dev = commands.find((c) => c.startsWith('npx club-pulse dev '));
  it(`runs: ${dev} (until it serves the sidebar)`, async () => {
    expect(dev).toBeDefined();
    // Port 0 instead of the README's 8765, so that a busy port on the test machine cannot fail it.
    const child = spawn('sh', ['-c', `exec ${shell(dev!.replace('--port 8765', '--port 0'))}`], { cwd: dir });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (d) => {
          out += String(d);
          const m = /on (http:\/\/\S+)/.exec(out);
          if (m) resolve(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`dev exited with ${code}: ${out}`)));
      });
      const page = await fetch(url);
      expect(page.status).toBe(200);
    } finally {
      child.kill();
    }
  }, 60_000);
});
