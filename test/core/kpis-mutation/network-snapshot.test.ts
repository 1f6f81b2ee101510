/**
 * The anonymous network snapshot (src/core/network/snapshot.ts), hand-worked (issue 23): the
 * coordinator's gate refuses every wrong type, bound and spelling with its exact reason (the
 * values it names filled in, long names cut at 40 characters), accepts the bounds themselves, and a
 * club's snapshot leaves out KPIs without data. Every check runs inside its test.
 */

import { describe, expect, it } from 'vitest';
import { buildSnapshot, SNAPSHOT_KPIS, validateSnapshot } from '../../../src/core/network/snapshot';
import { MEMBERS_HEADER, memberRows, run, tab } from '../fixtures';

const good = () => ({
  schema_version: 1,
  club_id: 'club-ok-001',
  network_id: 'reseau-ouest',
  size_band: 'lt50',
  period: '2026-S1',
  currency: 'EUR',
  kpis: [{ id: 'nps', value: 12, n: 30, unit: 'nps' }],
});

const reasonOf = (value: unknown, lang: 'fr' | 'en' = 'fr') => {
  const check = validateSnapshot(value, lang);
  return check.ok ? 'ok' : check.reason;
};
const withField = (field: string, value: unknown) => ({ ...good(), [field]: value });
const withKpi = (kpi: unknown) => withField('kpis', [kpi]);

describe('validateSnapshot', () => {
  it('refuses what is not an object: text, null, a list', () => {
    for (const value of ['club', null, 12, [good()]])
      expect(reasonOf(value)).toBe('ce n’est pas un objet JSON d’instantané');
  });

  it('names an unexpected field, cut at 40 characters', () => {
    const long = `nom_${'x'.repeat(60)}`;
    expect(reasonOf(withField(long, 'Alice'))).toBe(
      `champ inattendu « ${long.slice(0, 40)} » (un instantané ne contient rien d’autre que ses champs prévus)`,
    );
  });

  it('refuses a club id or network id of the wrong type or length', () => {
    const clubId = 'club_id invalide (8 à 64 lettres, chiffres, - ou _)';
    expect(reasonOf(withField('club_id', 123456789))).toBe(clubId);
    expect(reasonOf(withField('club_id', 'court'))).toBe(clubId);
    const networkId = 'network_id invalide (texte de 100 caractères au plus)';
    expect(reasonOf(withField('network_id', 5))).toBe(networkId);
    expect(reasonOf(withField('network_id', 'r'.repeat(101)))).toBe(networkId);
    expect(reasonOf(withField('network_id', 'r'.repeat(100)))).toBe('ok');
    expect(reasonOf(withField('network_id', ''))).toBe('ok');
  });

  it('names the size bands it expects', () => {
    expect(reasonOf(withField('size_band', 'all'), 'en')).toBe(
      'invalid size_band (expected: lt50, 50-149, 150-499, 500+)',
    );
    expect(reasonOf(withField('size_band', ['lt50']))).toContain('size_band invalide');
  });

  it('refuses a period that is not text, or padded', () => {
    const period = 'période invalide (2026-03, 2026-Q1, 2026-S1, 2026, FY2026…)';
    expect(reasonOf(withField('period', 2026))).toBe(period);
    expect(reasonOf(withField('period', ' 2026-S1'))).toBe(period);
    expect(reasonOf(withField('period', '2026-S1 '))).toBe(period);
    expect(reasonOf(withField('period', '2026'))).toBe('ok');
  });

  it('takes a currency only as three capital letters', () => {
    const currency = 'devise invalide (code à 3 lettres, ex. EUR)';
    for (const bad of [['EUR'], 'XEUR', 'EURO', 'eur', 'EU'])
      expect(reasonOf(withField('currency', bad))).toBe(currency);
    expect(reasonOf(withField('currency', 'CHF'))).toBe('ok');
  });

  it('takes every numeric KPI of the catalogue once, and no more KPIs than that', () => {
    const all = SNAPSHOT_KPIS.map((def) => ({ id: def.id, value: 1, n: 1, unit: def.unit }));
    const check = validateSnapshot(withField('kpis', all), 'fr');
    expect(check.ok && check.snapshot.kpis.length).toBe(SNAPSHOT_KPIS.length);
    expect(reasonOf(withField('kpis', [...all, all[0]]), 'en')).toBe(
      `more than ${SNAPSHOT_KPIS.length} KPIs`,
    );
  });

  it('gives each KPI’s reason with its number or id', () => {
    expect(reasonOf(withKpi(null))).toBe('indicateur n° 1 : attendu {id, value, n, unit} et rien d’autre');
    expect(reasonOf(withField('kpis', [good().kpis[0], 'nps']))).toBe(
      'indicateur n° 2 : attendu {id, value, n, unit} et rien d’autre',
    );
    const long = `kpi_${'y'.repeat(60)}`;
    expect(reasonOf(withKpi({ id: long, value: 1, n: 1, unit: 'count' }))).toBe(
      `indicateur n° 1 : « ${long.slice(0, 40)} » n’est pas un indicateur numérique du catalogue`,
    );
    const nps = { id: 'nps', value: 1, n: 1, unit: 'nps' };
    expect(reasonOf(withField('kpis', [nps, nps]), 'en')).toBe('KPI "nps" given twice');
    expect(reasonOf(withKpi({ ...nps, value: Number.POSITIVE_INFINITY }))).toBe(
      'indicateur « nps » : valeur non numérique',
    );
    expect(reasonOf(withKpi({ ...nps, n: -1 }))).toBe('indicateur « nps » : n doit être un entier ≥ 0');
    expect(reasonOf(withKpi({ ...nps, n: 0 }))).toBe('ok');
  });
});

describe('buildSnapshot', () => {
  it('leaves out the KPIs without data and puts a club of 12 members under 50', () => {
    const report = run([tab('Membres', MEMBERS_HEADER, memberRows(12, '01/01/2025'))]);
    const s = buildSnapshot(report, 'club-0123456789');
    expect(s.size_band).toBe('lt50');
    expect(s.kpis.find((k) => k.id === 'active_members')).toEqual({
      id: 'active_members',
      value: 12,
      n: 12,
      unit: 'count',
    });
    // No answers: no NPS in the snapshot (never sent as 0).
    expect(s.kpis.find((k) => k.id === 'nps')).toBeUndefined();
    expect(s.kpis.every((k) => typeof k.value === 'number')).toBe(true);
  });
});
