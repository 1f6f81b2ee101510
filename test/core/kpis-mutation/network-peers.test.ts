/**
 * Peer benchmarks in the club (src/core/network/peers.ts), hand-worked (issue 23): numbers as a
 * sheet or benchmarks.csv gives them, the tab's header in ids, French or English labels, every
 * reason a line is left out, the tab read back (blank, header only, bad lines among good ones), the
 * quartile at the 12-significant-digit tolerance, and which KPIs get a place and a colour. Every
 * table and KPI line is built inside its test.
 */

import { describe, expect, it } from 'vitest';
import {
  applyPeers,
  NETWORK_TAB_NAME,
  numberCell,
  PEER_COLUMNS,
  type PeerRow,
  peerColumnsOf,
  peerKey,
  peerRowOf,
  quartileOf,
  readPeerTab,
} from '../../../src/core/network/peers';
import { defaultSettings } from '../../../src/core/settings';
import { kpiResult } from './kpi-result';

const IDS = ['kpi', 'period', 'band', 'clubs', 'p25', 'median', 'p75'];
const ids = () => new Map(IDS.map((id, i) => [id, i]));
const line = (...cells: unknown[]) => peerRowOf(cells, ids());
const reasonOf = (...cells: unknown[]) => {
  const read = line(...cells);
  return read.ok ? 'ok' : read.reason;
};

describe('numberCell', () => {
  it('reads numbers, decimal commas, exponents and padded text, and nothing else', () => {
    expect(numberCell(12)).toBe(12);
    expect(numberCell(Number.NaN)).toBeNull();
    expect(numberCell(Number.POSITIVE_INFINITY)).toBeNull();
    expect(numberCell(' 12 ')).toBe(12);
    expect(numberCell('0,4')).toBe(0.4);
    expect(numberCell('-3.25')).toBe(-3.25);
    expect(numberCell('1e5')).toBe(100000);
    expect(numberCell('2.5E12')).toBe(2.5e12);
    expect(numberCell('4e-3')).toBe(0.004);
    for (const bad of ['x12', '12x', '1.', '.5', '1e', '1ex', '12 %', '']) expect(numberCell(bad)).toBeNull();
    expect(numberCell(true)).toBeNull();
    expect(numberCell(null)).toBeNull();
    expect(numberCell(undefined)).toBeNull();
  });
});

describe('peerColumnsOf', () => {
  it('finds columns by id, French or English label, the first of a column given twice', () => {
    const english = PEER_COLUMNS.map((c) => c.label.en);
    expect(peerColumnsOf(english).get('band')).toBe(3);
    expect(peerColumnsOf(english).get('median')).toBe(6);
    expect(peerColumnsOf(english).get('p90')).toBe(15);
    const header = ['Médiane', 'KPI', 'median', null, 'Indicateur', 'Club size'];
    expect([...peerColumnsOf(header)]).toEqual([
      ['median', 0],
      ['kpi', 1],
      ['band', 5],
    ]);
  });
});

describe('peerRowOf', () => {
  it('reads a good line, trimming the KPI and the period', () => {
    expect(line(' nps ', ' 2026-S1 ', 'Overall', '5', '10', '10', '10')).toEqual({
      ok: true,
      row: { kpi: 'nps', period: '2026-S1', band: 'all', clubs: 5, p25: 10, median: 10, p75: 10 },
    });
  });

  it('gives the reason of each bad line', () => {
    expect(reasonOf('top_topics', '2026-S1', 'all', 9, 1, 2, 3)).toBe('kpi');
    expect(reasonOf('nope', '2026-S1', 'all', 9, 1, 2, 3)).toBe('kpi');
    expect(reasonOf('nps', '2026-S7', 'all', 9, 1, 2, 3)).toBe('period');
    expect(reasonOf('nps', '2026-S1', 'huge', 9, 1, 2, 3)).toBe('band');
    expect(reasonOf('nps', '2026-S1', 'all', 'neuf', 1, 2, 3)).toBe('clubs');
    expect(reasonOf('nps', '2026-S1', 'all', '9.5', 1, 2, 3)).toBe('clubs');
    expect(reasonOf('nps', '2026-S1', 'all', 4, 1, 2, 3)).toBe('fewClubs');
    expect(reasonOf('nps', '2026-S1', 'all', 5, 1, 2, 3)).toBe('ok');
    expect(reasonOf('nps', '2026-S1', 'all', 9, 'x', 2, 3)).toBe('quartiles');
    expect(reasonOf('nps', '2026-S1', 'all', 9, 1, '', 3)).toBe('quartiles');
    expect(reasonOf('nps', '2026-S1', 'all', 9, 1, 2)).toBe('quartiles');
    expect(reasonOf('nps', '2026-S1', 'all', 9, 3, 2, 4)).toBe('order');
    expect(reasonOf('nps', '2026-S1', 'all', 9, 1, 5, 4)).toBe('order');
    expect(reasonOf('nps', '2026-S1', 'all', 9, 2, 2, 4)).toBe('ok');
    expect(reasonOf('nps', '2026-S1', 'all', 9, 1, 4, 4)).toBe('ok');
  });

  it('leaves out a line whose KPI, period or band column is missing', () => {
    const read = peerRowOf(['2026-S1'], new Map([['period', 0]]));
    expect(read).toEqual({ ok: false, reason: 'kpi' });
    // Without a period or band column: the period, then the band, is the reason.
    expect(peerRowOf(['nps'], new Map([['kpi', 0]]))).toEqual({ ok: false, reason: 'period' });
    expect(
      peerRowOf(
        ['nps', '2026'],
        new Map([
          ['kpi', 0],
          ['period', 1],
        ]),
      ),
    ).toEqual({ ok: false, reason: 'band' });
  });
});

describe('readPeerTab', () => {
  const header = [
    'Indicateur',
    'Période',
    'Taille de club',
    'Clubs',
    '1er quartile',
    'Médiane',
    '3e quartile',
  ];

  it('reads the good lines of the tab under either name, leaving out the bad ones', () => {
    for (const name of [NETWORK_TAB_NAME.fr, 'network BENCHMARKS']) {
      const table = readPeerTab([
        { name: 'Membres', values: [['ID membre']] },
        {
          name,
          values: [
            header,
            ['nps', '2026-S1', 'all', 12, 10, 20, 30],
            ['nope', '2026-S1', 'all', 12, 10, 20, 30],
            ['participation_rate', '2026-S1', '50 à 149 membres', 7, '0,2', '0,4', '0,5'],
          ],
        },
      ]);
      expect([...table.keys()]).toEqual(['2026-S1|nps|all', '2026-S1|participation_rate|50-149']);
      expect(table.get(peerKey('2026-S1', 'participation_rate', '50-149'))).toEqual({
        kpi: 'participation_rate',
        period: '2026-S1',
        band: '50-149',
        clubs: 7,
        p25: 0.2,
        median: 0.4,
        p75: 0.5,
      });
    }
  });

  it('is empty without the tab, with an empty tab, or with its header alone', () => {
    expect(readPeerTab([]).size).toBe(0);
    expect(readPeerTab([{ name: 'Repères réseau', values: [] }]).size).toBe(0);
    expect(readPeerTab([{ name: 'Repères réseau', values: [header] }]).size).toBe(0);
    const one = readPeerTab([
      { name: 'Repères réseau', values: [header, ['nps', '2026', 'all', 5, 1, 2, 3]] },
    ]);
    expect(one.size).toBe(1);
  });
});

describe('quartileOf', () => {
  const row = (p25: number, median: number, p75: number): PeerRow => ({
    kpi: 'business_generated',
    period: '2026',
    band: 'all',
    clubs: 20,
    p25,
    median,
    p75,
  });

  it('allows 1e-9 of the quartile (at least 1e-9) for the digits benchmarks.csv keeps', () => {
    // Around 0, the tolerance is 1e-9 exactly: 1e-9 is at p25, 1.5e-9 above it.
    expect(quartileOf(1e-9, row(0, 1, 2))).toBe(1);
    expect(quartileOf(1.5e-9, row(0, 1, 2))).toBe(2);
    // Around 1,000,000, the tolerance is 1e-3: 1,000,000.0005 is at p25, 1,000,000.002 above it.
    expect(quartileOf(1_000_000.0005, row(1e6, 2e6, 3e6))).toBe(1);
    expect(quartileOf(1_000_000.002, row(1e6, 2e6, 3e6))).toBe(2);
    // Around 0.5 the tolerance stays 1e-9 (not 0.5e-9): 0.5 + 0.8e-9 is at p25.
    expect(quartileOf(0.5 + 0.8e-9, row(0.5, 1, 2))).toBe(1);
    // Below 0 the size of the quartile counts: −999,999.9995 is at p25 = −1,000,000.
    expect(quartileOf(-999_999.9995, row(-1e6, 0, 1))).toBe(1);
  });
});

describe('applyPeers', () => {
  const table = () =>
    new Map<string, PeerRow>([
      [
        peerKey('2026-S1', 'nps', 'all'),
        { kpi: 'nps', period: '2026-S1', band: 'all', clubs: 40, p25: 10, median: 20, p75: 30 },
      ],
      [
        peerKey('2026-S1', 'nps', '50-149'),
        { kpi: 'nps', period: '2026-S1', band: '50-149', clubs: 12, p25: 0, median: 5, p75: 15 },
      ],
      [
        peerKey('2026-S1', 'participation_rate', 'all'),
        {
          kpi: 'participation_rate',
          period: '2026-S1',
          band: 'all',
          clubs: 40,
          p25: 0.2,
          median: 0.4,
          p75: 0.6,
        },
      ],
    ]);
  const settings = (networkColours: boolean) => ({ ...defaultSettings(), networkColours });

  it('places each KPI with a number in its size band, else among all clubs', () => {
    const nps = kpiResult('nps', { unit: 'nps', value: 12, n: 30 });
    const rate = kpiResult('participation_rate', { value: 0.5, n: 30 });
    const empty = kpiResult('participation_rate', { value: null, n: 0 });
    const other = kpiResult('renewal_rate', { value: 0.9, n: 30 });
    applyPeers([nps, rate, empty, other], table(), {
      period: '2026-S1',
      band: '50-149',
      settings: settings(false),
      lang: 'fr',
    });
    expect(nps.peer).toEqual({ ...table().get('2026-S1|nps|50-149'), quartile: 3 });
    expect(rate.peer).toMatchObject({ band: 'all', quartile: 3 });
    // No number, or no row for the KPI: no place.
    expect(empty.peer).toBeUndefined();
    expect(other.peer).toBeUndefined();
    // Without network_colours nothing else changes.
    expect([nps.benchmark, nps.status]).toEqual([null, null]);
  });

  it('with network_colours, colours a KPI without target against the median, and leaves a target alone', () => {
    const below = kpiResult('participation_rate', { value: 0.25, n: 30 });
    const targeted = kpiResult('nps', { unit: 'nps', value: 40, n: 30, target: 50, status: 'amber' });
    applyPeers([below, targeted], table(), {
      period: '2026-S1',
      band: 'lt50',
      settings: settings(true),
      lang: 'en',
    });
    expect(below.benchmark).toEqual({ value: 0.4, source: 'median of 40 clubs in the network' });
    expect(below.status).toBe('red');
    expect(targeted.peer).toMatchObject({ clubs: 40, quartile: 4 });
    expect([targeted.benchmark, targeted.status]).toEqual([null, 'amber']);
  });

  it('does nothing for another period', () => {
    const nps = kpiResult('nps', { unit: 'nps', value: 12, n: 30 });
    applyPeers([nps], table(), { period: '2026-S2', band: '50-149', settings: settings(true), lang: 'fr' });
    expect(nps.peer).toBeUndefined();
    expect(nps.benchmark).toBeNull();
  });
});
