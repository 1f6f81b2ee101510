// Issue 22 end to end, as a club and its network's coordinator run it: the club's anonymous
// snapshot (nothing from the Members tab in it, the same random club id every time), the roll-up of
// a folder of snapshots refusing malformed ones and duplicates with one line each and withholding a
// band of fewer than 5 clubs, then benchmarks.csv imported into the club, whose dashboard places
// its KPIs among the network's clubs.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/core/imports/csv';
import { validateSnapshot } from '../../src/core/network/snapshot';
import { loadWorkbook } from '../../src/local/workbook/xlsx';

const BIN = join(process.cwd(), 'bin/club-pulse.mjs');
const TODAY = '2026-11-27';
let dir = '';
let club = '';
let snaps = '';

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

interface SnapshotJson {
  club_id: string;
  size_band: string;
  kpis: Array<{ id: string; value: number; n: number; unit: string }>;
  [key: string]: unknown;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'club-pulse-network-'));
  club = join(dir, 'club.xlsx');
  snaps = join(dir, 'snapshots');
  mkdirSync(snaps);
  expect(cli(['init', club, '--demo', '--today', TODAY]).code).toBe(0);
});

describe('club-pulse network', () => {
  let own: SnapshotJson;

  it('writes an anonymous snapshot: no string of the Members tab, the same club id each time', {
    timeout: 240_000,
  }, async () => {
    const first = join(snaps, 'club.snapshot.json');
    const r = cli(['network', 'snapshot', club, '--out', first, '--period', '2026-S1', '--today', TODAY]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Instantané 2026-S1');
    const text = readFileSync(first, 'utf8');
    own = JSON.parse(text);
    expect(validateSnapshot(own, 'fr').ok).toBe(true);
    expect(own.period).toBe('2026-S1');
    expect(own.kpis.length).toBeGreaterThan(20);

    const model = await loadWorkbook(club);
    const members = model.sheets.find((s) => s.name === 'Membres');
    const strings = new Set<string>();
    for (const row of members?.values ?? [])
      for (const cell of row ?? []) if (typeof cell === 'string' && cell.length >= 4) strings.add(cell);
    expect(strings.size).toBeGreaterThan(100);
    for (const s of strings) expect(text.includes(s), s).toBe(false);

    // The id was kept in the workbook: a second export, from the saved file, has the same one.
    const again = join(dir, 'again.json');
    expect(cli(['network', 'snapshot', club, '--out', again, '--today', TODAY]).code).toBe(0);
    expect(JSON.parse(readFileSync(again, 'utf8')).club_id).toBe(own.club_id);
  });

  it('rolls up a folder, one line per refused file, small bands withheld, benchmarks.csv beside it', {
    timeout: 120_000,
  }, async () => {
    const value = own.kpis.find((k) => k.id === 'participation_rate')!.value;
    // Five peers of the same band around the club's participation rate.
    [0.5, 0.8, 1.2, 1.4, 1.6].forEach((f, i) => {
      const peer = {
        ...own,
        club_id: `peer-club-${i}`,
        kpis: own.kpis.map((k) => (k.id === 'participation_rate' ? { ...k, value: value * f } : k)),
      };
      writeFileSync(join(snaps, `peer${i}.json`), JSON.stringify(peer));
    });
    // Two small clubs: their band (fewer than 5 clubs) is withheld.
    for (const i of [1, 2]) {
      const small = {
        ...own,
        club_id: `small-club-${i}`,
        size_band: 'lt50',
        kpis: [{ id: 'active_members', value: 20 + i, n: 20 + i, unit: 'count' }],
      };
      writeFileSync(join(snaps, `small${i}.json`), JSON.stringify(small));
    }
    writeFileSync(join(snaps, 'broken.json'), '{"schema_version": 1, "club_id": ');
    writeFileSync(
      join(snaps, 'names.json'),
      JSON.stringify({ ...own, club_id: 'leaky-club', members: ['Alice'] }),
    );
    copyFileSync(join(snaps, 'club.snapshot.json'), join(snaps, 'zz-copy.json'));

    const out = join(dir, 'coordinator', 'network.xlsx');
    mkdirSync(join(dir, 'coordinator'));
    const r = cli(['network', 'rollup', snaps, '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines.filter((l) => l.startsWith('Refusé'))).toEqual([
      'Refusé broken.json : ce n’est pas du JSON lisible.',
      'Refusé names.json : champ inattendu « members » (un instantané ne contient rien d’autre que ses champs prévus).',
      `Refusé zz-copy.json : doublon : le club ${own.club_id} a déjà un instantané pour 2026-S1 (club.snapshot.json).`,
    ]);
    expect(r.out).toContain('Instantanés lus : 11 ; retenus : 8 ; refusés : 3.');

    const csv = parseCsvText(readFileSync(join(dir, 'coordinator', 'benchmarks.csv'), 'utf8'));
    expect(csv[0]).toEqual([
      'kpi',
      'period',
      'band',
      'clubs',
      'p25',
      'median',
      'p75',
      'p10',
      'p20',
      'p30',
      'p40',
      'p60',
      'p70',
      'p80',
      'p90',
    ]);
    const rows = csv.slice(1).filter((row) => row.length > 1);
    expect(rows.some((row) => row[2] === 'lt50')).toBe(false);
    const active = rows.find((row) => row[0] === 'active_members' && row[2] === 'all');
    expect(active?.[3]).toBe('8');
    const rate = rows.find((row) => row[0] === 'participation_rate' && row[2] === '50-149')!;
    // 0.5 0.8 1 1.2 1.4 1.6 (× the club's rate): p25 h = 1.25 → 0.85; median 1.1; p75 h = 3.75 → 1.35.
    expect(rate[3]).toBe('6');
    expect(Number(rate[4])).toBeCloseTo(value * 0.85, 9);
    expect(Number(rate[5])).toBeCloseTo(value * 1.1, 9);
    expect(Number(rate[6])).toBeCloseTo(value * 1.35, 9);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Synthèse', 'Refusés']);
    expect(String(workbook.getWorksheet('Synthèse')!.getCell('A1').value)).toBe('Repères du réseau');
    expect(workbook.getWorksheet('Refusés')!.rowCount).toBe(4);
  });

  it('imports benchmarks.csv into the club, whose dashboard shows its place among its peers', {
    timeout: 240_000,
  }, async () => {
    const csv = join(dir, 'coordinator', 'benchmarks.csv');
    const preview = cli(['import', club, csv, '--dry-run']);
    expect(preview.code).toBe(0);
    expect(preview.out).toContain('remplaceraient le contenu de l’onglet Repères réseau');
    expect(cli(['import', club, csv]).code).toBe(0);
    const model = await loadWorkbook(club);
    const tab = model.sheets.filter((s) => s.name === 'Repères réseau');
    expect(tab).toHaveLength(1);

    const html = join(dir, 'dashboard.html');
    const r = cli(['refresh', club, '--period', '2026-S1', '--today', TODAY, '--html', html]);
    expect(r.code).toBe(0);
    expect(existsSync(html)).toBe(true);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('2e quartile des 6 clubs du réseau de 50 à 149 membres');
    // active_members: all clubs together (8), its band having the club and its 5 peers.
    expect(page).toContain('des 6 clubs du réseau');
  });
});
