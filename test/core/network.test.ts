/**
 * Issue 22, the pure part: quartiles worked by hand, the snapshot schema's refusals, the roll-up's
 * withholding of small bands and refusal of duplicates, the benchmarks import plan, and the peer
 * line and colours on a computed report.
 */

import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/core/imports/index';
import { bandFromText, sizeBandOf } from '../../src/core/network/bands';
import { peerLine, quartileOf } from '../../src/core/network/peers';
import { mergeSorted, quantileSorted } from '../../src/core/network/quantiles';
import { benchmarkCells, Rollup, type RollupRow } from '../../src/core/network/rollup';
import { buildSnapshot, type Snapshot, validateSnapshot } from '../../src/core/network/snapshot';
import { kpi, MEMBERS_HEADER, memberRows, run, tab } from './fixtures';

function snapshot(club: string, values: Record<string, number>, extra: Partial<Snapshot> = {}): Snapshot {
  const units: Record<string, Snapshot['kpis'][number]['unit']> = {
    participation_rate: 'ratio',
    active_members: 'count',
    nps: 'nps',
    business_generated: 'money',
  };
  return {
    schema_version: 1,
    club_id: club,
    network_id: 'reseau-test',
    size_band: '50-149',
    period: '2026-S1',
    currency: 'EUR',
    kpis: Object.entries(values).map(([id, value]) => ({ id, value, n: 40, unit: units[id] })),
    ...extra,
  };
}

const rowsOf = (rollup: Rollup): RollupRow[] => rollup.rows().rows;
const find = (rows: RollupRow[], kpiId: string, band: string) =>
  rows.find((r) => r.kpi === kpiId && r.band === band);

describe('quantiles (type 7, exact)', () => {
  it('matches quartiles and deciles worked by hand', () => {
    const x = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // h = (n − 1)·p: p25 → h = 2.25 → 3 + 0.25·(4 − 3) = 3.25; median h = 4.5 → 5.5; p75 h = 6.75 → 7.75.
    expect(quantileSorted(x, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantileSorted(x, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantileSorted(x, 0.75)).toBeCloseTo(7.75, 12);
    // p10 h = 0.9 → 1.9; p90 h = 8.1 → 9.1.
    expect(quantileSorted(x, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantileSorted(x, 0.9)).toBeCloseTo(9.1, 12);
    expect(quantileSorted(Float64Array.from([7]), 0.75)).toBe(7);
    expect(() => quantileSorted(new Float64Array(0), 0.5)).toThrow();
  });

  it('merges sorted bands into one sorted list', () => {
    const merged = mergeSorted([
      Float64Array.from([1, 4, 9]),
      Float64Array.from([2, 3]),
      Float64Array.from([]),
    ]);
    expect([...merged]).toEqual([1, 2, 3, 4, 9]);
  });
});

describe('size bands', () => {
  it('cuts at 50, 150 and 500 active members', () => {
    expect([0, 49, 50, 149, 150, 499, 500, 5000].map(sizeBandOf)).toEqual([
      'lt50',
      'lt50',
      '50-149',
      '50-149',
      '150-499',
      '150-499',
      '500+',
      '500+',
    ]);
    expect(bandFromText('50 à 149 membres')).toBe('50-149');
    expect(bandFromText('500 members and more')).toBe('500+');
    expect(bandFromText('all')).toBe('all');
    expect(bandFromText('huge')).toBeNull();
  });
});

describe('roll-up', () => {
  it('gives the quartiles of five clubs worked by hand, without deciles', () => {
    const rollup = new Rollup({ lang: 'fr' });
    [0.2, 0.5, 0.3, 0.9, 0.4].forEach((v, i) => {
      expect(rollup.add(snapshot(`club-000${i}`, { participation_rate: v }), `c${i}.json`)).toBeNull();
    });
    const rows = rowsOf(rollup);
    // Sorted 0.2 0.3 0.4 0.5 0.9: p25 h = 1 → 0.3; median h = 2 → 0.4; p75 h = 3 → 0.5.
    expect(find(rows, 'participation_rate', 'all')).toEqual({
      kpi: 'participation_rate',
      period: '2026-S1',
      band: 'all',
      clubs: 5,
      p25: 0.3,
      median: 0.4,
      p75: 0.5,
      deciles: null,
    });
    expect(benchmarkCells(find(rows, 'participation_rate', '50-149')!)).toEqual([
      'participation_rate',
      '2026-S1',
      '50-149',
      5,
      0.3,
      0.4,
      0.5,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  });

  it('withholds a band of fewer than 5 clubs but publishes all clubs together, with deciles from 10', () => {
    const rollup = new Rollup({ lang: 'en' });
    for (let i = 0; i < 6; i++) rollup.add(snapshot(`big-club-${i}`, { nps: 10 * i }), `b${i}`);
    for (let i = 0; i < 4; i++)
      rollup.add(snapshot(`small-club-${i}`, { nps: -5 * i }, { size_band: 'lt50' }), `s${i}`);
    const { rows, withheld } = rollup.rows();
    expect(find(rows, 'nps', 'lt50')).toBeUndefined();
    expect(withheld).toBe(1);
    expect(find(rows, 'nps', '50-149')?.clubs).toBe(6);
    const all = find(rows, 'nps', 'all')!;
    expect(all.clubs).toBe(10);
    // −15 −10 −5 0 0 10 20 30 40 50: p10 h = 0.9 → −15 + 0.9·5 = −10.5; median h = 4.5 → 5.
    expect(all.median).toBe(5);
    expect(all.deciles?.[0]).toBeCloseTo(-10.5, 12);
    expect(all.deciles).toHaveLength(8);
  });

  it('refuses a duplicate (same club and period) and another network, naming the first file', () => {
    const rollup = new Rollup({ lang: 'fr', network: 'reseau-test' });
    expect(rollup.add(snapshot('club-dup-1', { nps: 1 }), 'a.json')).toBeNull();
    expect(rollup.add(snapshot('club-dup-1', { nps: 2 }), 'b.json')).toBe(
      'doublon : le club club-dup-1 a déjà un instantané pour 2026-S1 (a.json)',
    );
    expect(rollup.add(snapshot('club-dup-1', { nps: 2 }, { period: '2026-S2' }), 'c.json')).toBeNull();
    expect(rollup.add(snapshot('club-other', { nps: 2 }, { network_id: 'autre' }), 'd.json')).toBe(
      'réseau « autre », pas « reseau-test »',
    );
    expect(rollup.accepted).toBe(2);
  });

  it('leaves out the amounts of a snapshot in another currency', () => {
    const rollup = new Rollup({ lang: 'fr', currency: 'EUR' });
    for (let i = 0; i < 5; i++)
      rollup.add(snapshot(`club-eur-${i}`, { business_generated: 100 * (i + 1), nps: i }), `e${i}`);
    rollup.add(snapshot('club-usd-01', { business_generated: 1e9, nps: 9 }, { currency: 'USD' }), 'u');
    const rows = rowsOf(rollup);
    expect(find(rows, 'business_generated', 'all')?.clubs).toBe(5);
    expect(find(rows, 'nps', 'all')?.clubs).toBe(6);
    expect(rollup.otherCurrency).toBe(1);
  });
});

describe('snapshot schema', () => {
  const good = snapshot('club-ok-001', { participation_rate: 0.4, active_members: 80 });
  const reasonOf = (value: unknown) => {
    const check = validateSnapshot(value, 'fr');
    return check.ok ? 'ok' : check.reason;
  };

  it('accepts a well-formed snapshot', () => {
    expect(validateSnapshot(JSON.parse(JSON.stringify(good)), 'fr')).toEqual({ ok: true, snapshot: good });
  });

  it.each([
    ['a list', [], 'ce n’est pas un objet JSON d’instantané'],
    ['an extra field', { ...good, members: ['Alice'] }, 'champ inattendu « members »'],
    ['a missing field', { ...good, period: undefined }, 'champ « period » manquant'],
    ['another version', { ...good, schema_version: 2 }, 'schema_version doit valoir 1'],
    ['a club id with spaces', { ...good, club_id: 'Club de Lyon' }, 'club_id invalide'],
    ['an unknown band', { ...good, size_band: 'huge' }, 'size_band invalide'],
    ['a bad period', { ...good, period: '2026-S3' }, 'période invalide'],
    ['a bad currency', { ...good, currency: 'euros' }, 'devise invalide'],
    ['kpis not a list', { ...good, kpis: {} }, '« kpis » doit être une liste'],
    [
      'a KPI with a name in it',
      { ...good, kpis: [{ id: 'nps', value: 1, n: 1, unit: 'nps', name: 'Alice' }] },
      'indicateur n° 1 : attendu',
    ],
    ['a custom KPI', { ...good, kpis: [{ id: 'custom:x', value: 1, n: 1, unit: 'count' }] }, '« custom:x »'],
    ['a list KPI', { ...good, kpis: [{ id: 'top_topics', value: 1, n: 1, unit: 'list' }] }, '« top_topics »'],
    [
      'a text value',
      { ...good, kpis: [{ id: 'nps', value: '12', n: 1, unit: 'nps' }] },
      'valeur non numérique',
    ],
    [
      'a fractional n',
      { ...good, kpis: [{ id: 'nps', value: 1, n: 1.5, unit: 'nps' }] },
      'n doit être un entier',
    ],
    [
      'a wrong unit',
      { ...good, kpis: [{ id: 'nps', value: 1, n: 1, unit: 'ratio' }] },
      'unité attendue « nps »',
    ],
    [
      'a KPI twice',
      {
        ...good,
        kpis: [
          { id: 'nps', value: 1, n: 1, unit: 'nps' },
          { id: 'nps', value: 2, n: 1, unit: 'nps' },
        ],
      },
      'présent deux fois',
    ],
  ])('refuses %s with its reason', (_, value, reason) => {
    const clean = value && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value;
    expect(reasonOf(clean)).toContain(reason);
  });
});

describe('snapshot of a club', () => {
  it('carries the numeric KPIs, the band and the network, and nothing from the Members tab', () => {
    const members = memberRows(60, '01/01/2025');
    members[0] = ['M001', 'Zéphyrine', 'Quintavalle', 'zephyrine@secret.example', '01/01/2025', '', ''];
    const report = run([
      tab('Membres', MEMBERS_HEADER, members),
      tab(
        'Paramètres',
        ['Clé', 'Valeur'],
        [
          ['id_reseau', 'Réseau Ouest'],
          ['club_name', 'Club Très Secret'],
        ],
      ),
    ]);
    const s = buildSnapshot(report, 'club-0123456789');
    expect(s).toMatchObject({
      network_id: 'Réseau Ouest',
      size_band: '50-149',
      period: '2026-S1',
      currency: 'EUR',
    });
    expect(s.kpis.find((k) => k.id === 'active_members')).toEqual({
      id: 'active_members',
      value: 60,
      n: 60,
      unit: 'count',
    });
    expect(s.kpis.every((k) => typeof k.value === 'number' && k.unit !== 'list')).toBe(true);
    const text = JSON.stringify(s);
    for (const row of members)
      for (const cell of row)
        if (typeof cell === 'string' && cell.length >= 3) expect(text).not.toContain(cell);
    expect(text).not.toContain('Club Très Secret');
    expect(validateSnapshot(JSON.parse(text), 'fr').ok).toBe(true);
  });
});

describe('peer benchmarks in the club', () => {
  const header = ['kpi', 'period', 'band', 'clubs', 'p25', 'median', 'p75'];
  const members = (count: number) => tab('Membres', MEMBERS_HEADER, memberRows(count, '01/01/2025'));

  it('plans the Network benchmarks tab from benchmarks.csv, refusing bad lines one by one', () => {
    const result = planImport({
      rows: [
        header,
        ['active_members', '2026-S1', 'all', '148', '40', '60', '90'],
        ['active_members', '2026-S1', '50-149', '4', '40', '60', '90'],
        ['nope', '2026-S1', 'all', '148', '1', '2', '3'],
        ['active_members', '2026-S1', 'all', '148', '40', '60', '90'],
        ['nps', '2026-S1', 'all', '12', '30', '20', '40'],
      ],
      fileName: 'benchmarks.csv',
      lang: 'fr',
      locale: 'fr_FR',
      existing: { tabs: [] },
    });
    if (!result.ok) throw new Error(result.message);
    expect(result.plan.source).toBe('network_benchmarks');
    expect(result.plan.generated?.tabName).toBe('Repères réseau');
    expect(result.plan.generated?.rows).toEqual([
      [
        'active_members',
        'Membres actifs',
        '2026-S1',
        'tous les clubs',
        148,
        40,
        60,
        90,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ],
    ]);
    expect(result.plan.skipped.map((s) => [s.line, s.reason.slice(0, 20)])).toEqual([
      [3, 'moins de 5 clubs : n'],
      [4, 'indicateur inconnu'],
      [5, 'déjà donné plus haut'],
      [6, 'quartiles dans le dé'],
    ]);
    expect(result.plan.plannedSummary).toBe(
      '1 repère remplacerait le contenu de l’onglet Repères réseau, 4 ignorées.',
    );
  });

  it('places a KPI among its peers and colours it against the median when Settings says so', () => {
    const network = tab(
      'Repères réseau',
      [
        'Indicateur',
        'Libellé',
        'Période',
        'Taille de club',
        'Clubs',
        '1er quartile',
        'Médiane',
        '3e quartile',
      ],
      [
        ['active_members', 'Membres actifs', '2026-S1', '50 à 149 membres', 148, 40, 70, 90],
        ['active_members', 'Membres actifs', '2026-S1', 'tous les clubs', 300, 20, 50, 100],
        ['active_members', 'Membres actifs', '2025-S2', 'tous les clubs', 300, 1, 2, 3],
      ],
    );
    const plain = kpi(run([members(60), network]), 'active_members');
    expect(plain.peer).toMatchObject({ clubs: 148, band: '50-149', quartile: 2, median: 70 });
    expect(plain.status).toBeNull();
    expect(peerLine(plain.peer!, 'fr', String)).toBe(
      'Réseau\u00a0: 2e quartile des 148 clubs du réseau de 50 à 149 membres — médiane 70, quartiles 40 à 90',
    );
    expect(peerLine({ ...plain.peer!, band: 'all', clubs: 300 }, 'en', String)).toBe(
      'Network: 2nd quartile of 300 clubs in the network — median 70, quartiles 40 to 90',
    );
    const coloured = kpi(
      run([members(60), network, tab('Paramètres', ['Clé', 'Valeur'], [['couleurs_reseau', 'oui']])]),
      'active_members',
    );
    expect(coloured.benchmark).toEqual({ value: 70, source: 'médiane des 148 clubs du réseau' });
    expect(coloured.status).toBe('red');
    // A small club falls back on all clubs when its band has no row.
    const small = kpi(run([members(10), network]), 'active_members');
    expect(small.peer).toMatchObject({ band: 'all', clubs: 300, quartile: 1 });
  });

  it('counts a value at a quartile in the lower quartile', () => {
    const row = {
      kpi: 'nps',
      period: '2026-S1',
      band: 'all' as const,
      clubs: 9,
      p25: 10,
      median: 20,
      p75: 30,
    };
    expect([5, 10, 15, 20.0000000000001, 25, 30, 31].map((v) => quartileOf(v, row))).toEqual([
      1, 1, 2, 2, 3, 3, 4,
    ]);
  });
});
