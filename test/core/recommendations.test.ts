/**
 * Recommendations (SPEC §5, §12): each rule fires exactly at its threshold and not just on the other
 * side, names its figures in French and English, never fires on a disabled or no-data KPI, and the
 * list comes most severe first, then in SPEC §12's order. KPI-based rules are fed hand-made
 * KpiResults; relaunch_inactive and tell_a_story are worked out on small clubs through the report.
 */

import { describe, expect, it } from 'vitest';
import { reportToJson } from '../../src/core/compute';
import type { Lang } from '../../src/core/i18n';
import type { KpiResult } from '../../src/core/kpis/types';
import { recommend } from '../../src/core/recommendations';
import { ATTENDANCE_HEADER, EVENTS_HEADER, MEMBERS_HEADER, memberRows, run, tab } from './fixtures';

/** A KPI result with only what the rules read. */
function k(id: string, value: number | null, extra: Partial<KpiResult> = {}): KpiResult {
  return {
    id,
    family: 'engagement',
    label: id,
    unit: 'ratio',
    display: 'ratio',
    value,
    previous: null,
    delta: null,
    n: 10,
    target: null,
    benchmark: null,
    status: null,
    formula: '',
    lowerIsBetter: false,
    good: 'up',
    previousYear: null,
    deltaYear: null,
    previousN: 10,
    previousYearN: 10,
    yearly: false,
    details: {},
    issueCount: 0,
    ...extra,
  };
}

// A club with one success story in 2026-S1 and nothing else: tell_a_story and relaunch_inactive stay quiet.
const quiet = run([tab('Succès', ['Date', 'Titre'], [['10/03/2026', 'Un contrat signé']])]);

function recs(kpis: KpiResult[], lang: Lang = 'fr') {
  return recommend({ ...quiet, kpis, lang });
}
const ids = (kpis: KpiResult[]) => recs(kpis).map((r) => r.id);

describe('each rule at its threshold', () => {
  it('participation_drop: a fall of exactly 10 points fires (50 % → 40 %), 9.9 points does not', () => {
    // 0.5 − 0.4 is 0.0999… in binary: the rule still reads it as 10 points.
    const [r] = recs([k('participation_rate', 0.4, { previous: 0.5 })]);
    expect(r).toMatchObject({ id: 'participation_drop', severity: 3 });
    expect(r.text).toBe(
      'La participation est passée de 50,0\u00a0% à 40,0\u00a0% (−10,0\u00a0pts) : sondez les membres sur leurs mini-formats préférés (petit-déjeuner, webinaire, binômes express) et changez la formule.',
    );
    expect(r.figures).toMatchObject({ participation_rate: 0.4, previous: 0.5 });
    expect(ids([k('participation_rate', 0.401, { previous: 0.5 })])).toEqual([]);
    // No previous value: nothing to compare.
    expect(ids([k('participation_rate', 0.1)])).toEqual([]);
    expect(recs([k('participation_rate', 0.4, { previous: 0.5 })], 'en')[0].text).toMatch(
      /^Participation fell from 50\.0\u00a0% to 40\.0\u00a0% \(−10\.0\u00a0pts\)/,
    );
  });

  it('more_of_format: 4.3 on 5 answers above the mean fires; 4.29, 4 answers or not above the mean do not', () => {
    const satisfaction = (overall: number, byFormat: Array<{ format: string; mean: number; n: number }>) =>
      k('event_satisfaction', overall, { unit: 'mean_1_5', details: { by_format: byFormat } });
    const fired = recs([
      satisfaction(4.0, [
        { format: 'webinar', mean: 4.29, n: 10 }, // just below 4.3
        { format: 'breakfast', mean: 4.3, n: 5 }, // exactly at both thresholds
        { format: 'afterwork', mean: 4.8, n: 4 }, // one answer short
        { format: 'workshop', mean: 4.5, n: 6 },
      ]),
    ]);
    // Both fire, the better format first.
    expect(fired.map((r) => r.id)).toEqual(['more_of_format:workshop', 'more_of_format:breakfast']);
    expect(fired[1]).toMatchObject({
      severity: 1,
      figures: { format: 'breakfast', satisfaction: 4.3, answers: 5 },
    });
    expect(fired[1].text).toBe(
      'Le format « petit-déjeuner » obtient 4,30 / 5 de satisfaction sur 5 réponses, pour une moyenne de 4,00 / 5 : organisez-en davantage.',
    );
    // 4.3 but the mean is 4.3 too: not above the mean.
    expect(ids([satisfaction(4.3, [{ format: 'breakfast', mean: 4.3, n: 5 }])])).toEqual([]);
    // Answers naming no event are no format to run more of.
    expect(ids([satisfaction(3, [{ format: 'unknown', mean: 5, n: 9 }])])).toEqual([]);
  });

  it('offer_sponsorship: first-year renewal more than 10 points under renewal, or under 70 %', () => {
    const run2 = (first: number, renewal?: number) =>
      ids([
        k('first_year_renewal_rate', first),
        ...(renewal === undefined ? [] : [k('renewal_rate', renewal)]),
      ]);
    // 90 % − 10 points = 80 %: 80 % is not below it, 79 % is.
    expect(run2(0.8, 0.9)).toEqual([]);
    expect(run2(0.79, 0.9)).toEqual(['offer_sponsorship']);
    // Renewal 75 %: 70 % is neither under 65 % nor under 70 %; 69.9 % is under 70 %.
    expect(run2(0.7, 0.75)).toEqual([]);
    expect(run2(0.699, 0.75)).toEqual(['offer_sponsorship']);
    const [r] = recs([k('first_year_renewal_rate', 0.6), k('renewal_rate', 0.85)]);
    expect(r).toMatchObject({ severity: 2, figures: { first_year_renewal_rate: 0.6, renewal_rate: 0.85 } });
    expect(r.text).toBe(
      'Seuls 60,0\u00a0% des membres de première année ont renouvelé, contre 85,0\u00a0% de l’ensemble : proposez un parrain à chaque nouveau membre.',
    );
    // renewal_rate disabled: the 70 % condition alone.
    expect(run2(0.69)).toEqual(['offer_sponsorship']);
    expect(recs([k('first_year_renewal_rate', 0.69)], 'en')[0].text).toBe(
      'Only 69.0\u00a0% of first-year members renewed (below 70%): offer every new member a sponsor.',
    );
  });

  it('call_non_renewed: any member on the to-call list, named in the text', () => {
    const toCall = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ member_id: `M${i + 1}`, name: `Membre ${i + 1}` }));
    const renewal = (n: number) => k('renewal_rate', 0.5, { details: { term: '2026', to_call: toCall(n) } });
    expect(ids([renewal(0)])).toEqual([]);
    const [one] = recs([renewal(1)]);
    expect(one).toMatchObject({
      id: 'call_non_renewed',
      severity: 3,
      figures: { count: 1, members: ['M1'] },
    });
    expect(one.text).toBe('1 membre n’a pas renouvelé pour 2026 : appelez-le (Membre 1).');
    // Six members: five names and "1 autre".
    expect(recs([renewal(6)])[0].text).toBe(
      '6 membres n’ont pas renouvelé pour 2026 : appelez-les (Membre 1, Membre 2, Membre 3, Membre 4, Membre 5 et 1 autre).',
    );
    expect(recs([renewal(7)], 'en')[0].text).toBe(
      '7 members did not renew for 2026: call them (Membre 1, Membre 2, Membre 3, Membre 4, Membre 5 and 2 more).',
    );
  });

  it('personalise_reminders, complete_profiles, remind_before_events, qualify_referrals, shorter_surveys: strictly below', () => {
    const cases: Array<[string, string, number, 1 | 2 | 3]> = [
      ['email_open_rate', 'personalise_reminders', 0.25, 1],
      ['profile_completion_rate', 'complete_profiles', 0.6, 1],
      ['show_up_rate', 'remind_before_events', 0.7, 2],
      ['referral_conversion_rate', 'qualify_referrals', 0.25, 2],
      ['survey_response_rate', 'shorter_surveys', 0.3, 1],
    ];
    for (const [kpiId, rule, threshold, severity] of cases) {
      expect(ids([k(kpiId, threshold)]), rule).toEqual([]);
      const fired = recs([k(kpiId, threshold - 0.001)]);
      expect(
        fired.map((r) => [r.id, r.severity]),
        rule,
      ).toEqual([[rule, severity]]);
      expect(fired[0].figures, rule).toEqual({ [kpiId]: threshold - 0.001 });
    }
    expect(recs([k('show_up_rate', 0.65)])[0].text).toBe(
      'Seuls 65,0\u00a0% des inscrits sont venus (sous 70 %) : envoyez un rappel la veille de chaque événement.',
    );
    expect(recs([k('email_open_rate', 0.2)], 'en')[0].text).toBe(
      'Email open rate of 20.0\u00a0% (below 25%): personalise reminders (subject, sender, first paragraph).',
    );
  });

  it('collect_hot_feedback: NPS below 0, or down by 15 points or more', () => {
    const nps = (value: number, previous: number | null = null) => k('nps', value, { unit: 'nps', previous });
    expect(ids([nps(0)])).toEqual([]);
    expect(ids([nps(-1)])).toEqual(['collect_hot_feedback']);
    // +10 after +25: down exactly 15 → fires; after +24: down 14 → does not.
    const [r] = recs([nps(10, 25)]);
    expect(r).toMatchObject({ severity: 3, figures: { nps: 10, previous: 25, delta: -15 } });
    expect(r.text).toBe(
      'NPS à +10 (−15\u00a0pts sur la période précédente) : recueillez un avis à chaud après chaque événement.',
    );
    expect(ids([nps(10, 24)])).toEqual([]);
    expect(recs([nps(-20)], 'en')[0].text).toBe('NPS at -20: collect hot feedback after every event.');
  });
});

describe('what never fires, and the order', () => {
  it('a KPI without data or disabled fires nothing', () => {
    const none = [
      'participation_rate',
      'event_satisfaction',
      'first_year_renewal_rate',
      'renewal_rate',
      'email_open_rate',
      'profile_completion_rate',
      'nps',
      'show_up_rate',
      'referral_conversion_rate',
      'survey_response_rate',
    ].map((id) => k(id, null, { previous: 0.9, details: { to_call: [{ member_id: 'M1', name: 'A' }] } }));
    expect(ids(none)).toEqual([]);
    expect(ids([])).toEqual([]);
  });

  it('sorts most severe first, then in SPEC §12 order', () => {
    const all = [
      k('survey_response_rate', 0.1),
      k('referral_conversion_rate', 0.1),
      k('show_up_rate', 0.1),
      k('nps', -50, { unit: 'nps' }),
      k('profile_completion_rate', 0.1),
      k('email_open_rate', 0.1),
      k('renewal_rate', 0.5, { details: { term: '2026', to_call: [{ member_id: 'M1', name: 'A' }] } }),
      k('first_year_renewal_rate', 0.1),
      k('event_satisfaction', 3, { details: { by_format: [{ format: 'visit', mean: 5, n: 5 }] } }),
      k('participation_rate', 0.1, { previous: 0.9 }),
    ];
    const fired = recommend({ ...run([]), kpis: all, lang: 'fr' });
    expect(fired.map((r) => `${r.severity} ${r.id}`)).toEqual([
      '3 participation_drop',
      '3 call_non_renewed',
      '3 collect_hot_feedback',
      '2 offer_sponsorship',
      '2 remind_before_events',
      '2 qualify_referrals',
      '1 more_of_format:visit',
      '1 personalise_reminders',
      '1 complete_profiles',
      '1 tell_a_story',
      '1 shorter_surveys',
    ]);
  });
});

describe('rules on rows, through the report', () => {
  it('relaunch_inactive: no activity from 01/04/2026 to 30/06/2026 among members who joined before 01/04', () => {
    // 2026-S1 ends 30/06/2026; the 3 months before it run from 01/04/2026.
    //   M001 attended E2 on 01/04 (the first day)            → active
    //   M002 attended E1 on 31/03 only                       → inactive
    //   M003 joined 01/04/2026, nothing                      → not 3 months a member: left out
    //   M004 joined 31/03/2026, nothing                      → inactive
    //   M005 gave a referral on 30/06 (the last day)         → active
    //   M006 left on 01/05/2026                              → not active at the end: left out
    //   M007 answered a survey signed on 15/05               → active
    //   M008 registered for E2 but did not come, anonymous answer → inactive
    const report = run([
      tab('Membres', MEMBERS_HEADER, [
        ...memberRows(2, '01/01/2025'),
        ['M003', 'Prenom3', 'Nom3', '', '01/04/2026', '', ''],
        ['M004', 'Prenom4', 'Nom4', '', '31/03/2026', '', ''],
        ...memberRows(1, '01/01/2025', 5),
        ['M006', 'Prenom6', 'Nom6', '', '01/01/2025', '01/05/2026', ''],
        ...memberRows(2, '01/01/2025', 7),
      ]),
      tab('Événements', EVENTS_HEADER, [
        ['E1', '31/03/2026', 'atelier', ''],
        ['E2', '01/04/2026', 'atelier', ''],
      ]),
      tab('Participations', ATTENDANCE_HEADER, [
        ['E1', 'M002', 'oui', 'oui', ''],
        ['E2', 'M001', 'oui', 'oui', ''],
        ['E2', 'M008', 'oui', 'non', ''],
      ]),
      tab('Recommandations', ['Date', 'Donneur', 'Bénéficiaire'], [['30/06/2026', 'M005', 'Client X']]),
      tab(
        'Réponses',
        ['Horodatage', 'ID enquête', 'Membre', 'NPS'],
        [
          ['15/05/2026', 'COLD-2026-S1', 'M007', 9],
          ['16/05/2026', 'COLD-2026-S1', '', 9],
        ],
      ),
      tab('Succès', ['Date', 'Titre'], [['30/06/2026', 'Un contrat']]),
    ]);
    const relaunch = report.recommendations.find((r) => r.id === 'relaunch_inactive')!;
    expect(relaunch).toMatchObject({
      severity: 2,
      figures: { count: 3, since: '2026-04-01', members: ['M002', 'M004', 'M008'] },
    });
    expect(relaunch.text).toBe(
      '3 membres n’ont eu aucune activité depuis le 01/04/2026 : relancez-les (Prenom2 Nom2, Prenom4 Nom4, Prenom8 Nom8).',
    );
    // The story of 30/06 is in 2026-S1: no tell_a_story.
    expect(report.recommendations.map((r) => r.id)).not.toContain('tell_a_story');
  });

  it('relaunch_inactive needs some activity tracked: members alone fire nothing', () => {
    const report = run([tab('Membres', MEMBERS_HEADER, memberRows(3))]);
    // Empty directory cards (0 % < 60 %) and no story do fire; nobody is called inactive.
    expect(report.recommendations.map((r) => r.id)).toEqual(['complete_profiles', 'tell_a_story']);
  });

  it('tell_a_story: a story dated the day after P does not count; --json lists what fires', () => {
    const report = run([tab('Succès', ['Date', 'Titre'], [['01/07/2026', 'Trop tard']])]);
    const json = reportToJson(report);
    expect(json.recommendations).toEqual([
      {
        id: 'tell_a_story',
        severity: 1,
        text: 'Aucune histoire de succès sur 2026-S1 : racontez-en une dans l’onglet Succès pour montrer ce que le réseau apporte.',
      },
    ]);
  });

  it('a KPI switched off in Settings fires no rule', () => {
    // Show-up 1 of 2 = 50 % would fire remind_before_events, but only nps is enabled.
    const tabs = [
      tab('Membres', MEMBERS_HEADER, memberRows(2)),
      tab('Événements', EVENTS_HEADER, [['E1', '10/03/2026', 'atelier', '']]),
      tab('Participations', ATTENDANCE_HEADER, [
        ['E1', 'M001', 'oui', 'oui', ''],
        ['E1', 'M002', 'oui', 'non', ''],
      ]),
      tab('Succès', ['Date', 'Titre'], [['10/03/2026', 'Un contrat']]),
    ];
    expect(run(tabs).recommendations.map((r) => r.id)).toContain('remind_before_events');
    const off = run([...tabs, tab('Paramètres', ['Clé', 'Valeur'], [['enabled_kpis', 'nps']])]);
    expect(off.recommendations.map((r) => r.id)).not.toContain('remind_before_events');
  });
});
