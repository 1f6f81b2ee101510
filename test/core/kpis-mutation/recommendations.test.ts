/**
 * Recommendation rules hand-worked where test/core/recommendations.test.ts leaves room (issue 23): the
 * English texts of each branch, the figures not checked there, a previous value that is not a finite
 * number, a by-format table missing, names lists at exactly five, a member without a name, and a
 * success story dated in P but after today.
 */

import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../../src/core/kpis/types';
import { type Recommendation, recommend } from '../../../src/core/recommendations';
import { ATTENDANCE_HEADER, EVENTS_HEADER, MEMBERS_HEADER, memberRows, run, tab } from '../fixtures';
import { kpiResult } from './kpi-result';

/** A KPI result with only what the rules read. */
const k = (id: string, value: number | null, extra: Partial<KpiResult> = {}) =>
  kpiResult(id, { value, ...extra });

// A club with one success story in 2026-S1: tell_a_story and relaunch_inactive stay quiet.
const quiet = () => run([tab('Succès', ['Date', 'Titre'], [['10/03/2026', 'Un contrat signé']])]);
const recs = (kpis: KpiResult[], lang: 'fr' | 'en' = 'fr'): Recommendation[] =>
  recommend({ ...quiet(), kpis, lang });

describe('English texts and figures', () => {
  it('participation_drop gives the change as a figure', () => {
    const [r] = recs([k('participation_rate', 0.4, { previous: 0.55 })]);
    // 40 % − 55 % = −15 points.
    expect(r.figures.delta).toBeCloseTo(-0.15, 12);
  });

  it('offer_sponsorship against the renewal rate, in English', () => {
    expect(recs([k('first_year_renewal_rate', 0.6), k('renewal_rate', 0.85)], 'en')[0].text).toBe(
      'Only 60.0\u00a0% of first-year members renewed, against 85.0\u00a0% of all members: offer every new member a sponsor.',
    );
    expect(recs([k('first_year_renewal_rate', 0.69)])[0].text).toBe(
      'Seuls 69,0\u00a0% des membres de première année ont renouvelé (moins de 70 %) : proposez un parrain à chaque nouveau membre.',
    );
  });

  it('call_non_renewed for one member, in English', () => {
    const renewal = k('renewal_rate', 0.5, {
      details: { term: '2026', to_call: [{ member_id: 'M1', name: 'Ana Lopez' }] },
    });
    expect(recs([renewal], 'en')[0].text).toBe('1 member did not renew for 2026: call them (Ana Lopez).');
  });

  it('more_of_format in English; a satisfaction without its by-format table, or without a value, fires nothing', () => {
    const satisfaction = (overall: number | null, details: Record<string, unknown>) =>
      k('event_satisfaction', overall, { unit: 'mean_1_5', details });
    const table = { by_format: [{ format: 'workshop', mean: 4.5, n: 6 }] };
    expect(recs([satisfaction(4, table)], 'en')[0].text).toBe(
      'The "workshop" format scores 4.50 / 5 satisfaction on 6 answers, against a mean of 4.00 / 5: run more of it.',
    );
    // A format the schema does not know is shown as typed.
    expect(recs([satisfaction(4, { by_format: [{ format: 'yoga', mean: 4.6, n: 5 }] })])[0].text).toMatch(
      /^Le format « yoga » obtient 4,60 \/ 5/,
    );
    expect(recs([satisfaction(4, {})])).toEqual([]);
    expect(recs([satisfaction(null, table)])).toEqual([]);
  });

  it('collect_hot_feedback names the fall in English', () => {
    const nps = k('nps', 10, { unit: 'nps', previous: 25 });
    expect(recs([nps], 'en')[0].text).toBe(
      'NPS at +10 (−15\u00a0pts on the previous period): collect hot feedback after every event.',
    );
  });

  it('a previous value that is not a finite number is no previous value', () => {
    // Participation 40 % after "infinity": no drop to speak of.
    expect(recs([k('participation_rate', 0.4, { previous: Number.POSITIVE_INFINITY })])).toEqual([]);
    expect(recs([k('participation_rate', 0.4, { previous: Number.NaN })])).toEqual([]);
  });
});

describe('rules on rows', () => {
  const members = tab('Membres', MEMBERS_HEADER, [
    ...memberRows(5, '01/01/2025'),
    ['M006', '', '', '', '01/01/2025', '', ''], // no name: shown by id
    ['M007', '', 'Seul', '', '01/01/2025', '', ''], // last name only
  ]);
  const events = tab('Événements', EVENTS_HEADER, [['E1', '02/04/2026', 'atelier', '']]);
  const story = tab('Succès', ['Date', 'Titre'], [['30/06/2026', 'Un contrat']]);

  it('relaunch_inactive names members without a name by id, a lone last name trimmed, in both languages', () => {
    // Nobody attended E1: all seven are inactive; five names shown, then 2 more.
    const attendance = tab('Participations', ATTENDANCE_HEADER, [['E1', 'M001', 'oui', 'non', '']]);
    const report = run([members, events, attendance, story]);
    const fr = report.recommendations.find((r) => r.id === 'relaunch_inactive')!;
    expect(fr.text).toBe(
      '7 membres n’ont eu aucune activité depuis le 01/04/2026 : relancez-les (Prenom1 Nom1, Prenom2 Nom2, Prenom3 Nom3, Prenom4 Nom4, Prenom5 Nom5 et 2 autres).',
    );
    const en = recommend({ ...report, lang: 'en' }).find((r) => r.id === 'relaunch_inactive')!;
    expect(en.text).toBe(
      '7 members have had no activity since 01/04/2026: reach out to them (Prenom1 Nom1, Prenom2 Nom2, Prenom3 Nom3, Prenom4 Nom4, Prenom5 Nom5 and 2 more).',
    );
  });

  it('exactly five names are listed whole; one member in both languages', () => {
    // M001 and M002 attended: five inactive, all named (M006 by its id, M007 by its last name).
    const attendance = tab('Participations', ATTENDANCE_HEADER, [
      ['E1', 'M001', 'oui', 'oui', ''],
      ['E1', 'M002', 'oui', 'oui', ''],
    ]);
    const report = run([members, events, attendance, story]);
    expect(report.recommendations.find((r) => r.id === 'relaunch_inactive')?.text).toBe(
      '5 membres n’ont eu aucune activité depuis le 01/04/2026 : relancez-les (Prenom3 Nom3, Prenom4 Nom4, Prenom5 Nom5, M006, Seul).',
    );
    const one = tab(
      'Participations',
      ATTENDANCE_HEADER,
      ['M001', 'M002', 'M003', 'M004', 'M005', 'M006'].map((m) => ['E1', m, 'oui', 'oui', '']),
    );
    const single = run([members, events, one, story]);
    expect(single.recommendations.find((r) => r.id === 'relaunch_inactive')?.text).toBe(
      '1 membre n’a eu aucune activité depuis le 01/04/2026 : relancez-le (Seul).',
    );
    expect(recommend({ ...single, lang: 'en' }).find((r) => r.id === 'relaunch_inactive')?.text).toBe(
      '1 member has had no activity since 01/04/2026: reach out to them (Seul).',
    );
    // Everyone attended: nobody to relaunch.
    const all = tab(
      'Participations',
      ATTENDANCE_HEADER,
      ['M001', 'M002', 'M003', 'M004', 'M005', 'M006', 'M007'].map((m) => ['E1', m, 'oui', 'oui', '']),
    );
    expect(run([members, events, all, story]).recommendations.map((r) => r.id)).not.toContain(
      'relaunch_inactive',
    );
  });

  it('tell_a_story: a story dated in P but after today does not count yet; its figures and English text', () => {
    // 2026-S2 seen on 15 September: a story dated 1 October is ahead.
    const ahead = tab('Succès', ['Date', 'Titre'], [['01/10/2026', 'Prévu']]);
    const report = run([ahead], { period: '2026-S2' });
    const r = report.recommendations.find((x) => x.id === 'tell_a_story')!;
    expect(r.figures).toEqual({ stories: 0, period: '2026-S2' });
    expect(recommend({ ...report, lang: 'en' }).find((x) => x.id === 'tell_a_story')?.text).toBe(
      'No success story for 2026-S2: tell one in the Stories tab to show what the network brings.',
    );
  });
});
