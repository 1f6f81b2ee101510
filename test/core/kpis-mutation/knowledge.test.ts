/**
 * Knowledge KPIs, hand-worked on a small club (issue 23: knowledge.ts scored 61 % before these tests,
 * its only tests computing their report at collection time). Period 2026-S1, today 2026-09-15.
 * Reports are computed inside each test, never at collection time: Stryker activates a mutant per test
 * and counts coverage per test, so a report computed while collecting would never see the mutant.
 */

import { describe, expect, it } from 'vitest';
import { profileColumns } from '../../../src/core/kpis/knowledge';
import { kpi, run, tab } from '../fixtures';

const MEMBERS = [
  'ID membre',
  "Date d'adhésion",
  'Date de départ',
  'Téléphone',
  'Site web',
  'LinkedIn',
  'Bio',
];
const members = tab('Membres', MEMBERS, [
  ['M001', '01/01/2025', '', '0601', '   ', 'in/ana', ''], // phone, LinkedIn (spaces are empty)
  ['M002', '01/01/2025', '', '', '', '', 'bio'], // none of phone, website, LinkedIn
  ['M003', '01/01/2026', '', '0603', 'c.fr', 'in/c', 'bio'], // all three
  ['M004', '01/01/2025', '15/03/2026', '0604', 'd.fr', 'in/d', 'bio'], // left in S1: not active on 30 June
  ['M005', '01/01/2025', '', '0605', 'e.fr', 'in/e', 'bio'], // active: 3 of 3
]);
const CONTENTS = ['Date', 'Auteur', 'Titre', 'Thème', 'Réactions'];
// Topics first typed in an order other than the ranking, so that a ranking rule that went missing
// would show: Fiscalité, Export, Conseil, Droit, Marketing, Banque... in order of first appearance.
const contents = tab('Contenus', CONTENTS, [
  ['05/01/2026', 'M001', 'a', 'Fiscalité', 0],
  ['06/01/2026', 'M001', 'b', 'Export', 0],
  ['07/01/2026', 'M002', 'c', 'Conseil', 1],
  ['08/01/2026', 'M003', 'd', 'Droit', 0],
  ['09/01/2026', 'M003', 'e', 'Marketing', 0],
  ['10/02/2026', 'M001', 'f', 'Banque', 4],
  ['11/02/2026', 'M002', 'g', 'marketing', 0], // same topic as Marketing, grouped leniently
  ['12/02/2026', 'M002', 'h', 'Banque', 5],
  ['13/03/2026', 'M003', 'i', 'Conseil', 1],
  ['14/03/2026', 'M003', 'j', 'MARKETING ', 2],
  ['15/04/2026', 'M001', 'k', '', 50], // no topic: a content, but no topic to rank
  ['10/07/2026', 'M001', 'l', 'Export', 30], // S2: outside the period
  ['10/07/2026', 'M001', 'm', 'Export', 30], // S2
  ['20/12/2025', 'M002', 'n', 'Droit', 40], // previous period
]);
const settings = (fields: string) => tab('Paramètres', ['Clé', 'Valeur'], [['profile_fields', fields]]);

describe('contents', () => {
  it('contents_shared counts the contents dated in the period, topic or not', () => {
    // 11 rows dated January to April 2026; the two July rows and the December one are out of S1.
    expect(kpi(run([members, contents]), 'contents_shared')).toMatchObject({ value: 11, n: 11 });
  });

  it('contents_per_member divides by the members active at the period end', () => {
    // Active on 30 June: M001, M002, M003, M005 (M004 left in March) → 11 ÷ 4 = 2.75.
    expect(kpi(run([members, contents]), 'contents_per_member')).toMatchObject({
      value: 2.75,
      n: 11,
      details: { contents: 11, active_members: 4 },
    });
  });

  it('a period without contents gives 0, a missing or empty tab gives no data', () => {
    const r = run([members, contents], { period: '2025-S1' });
    expect(kpi(r, 'contents_shared')).toMatchObject({ value: 0, n: 0 });
    // 0 contents ÷ 4 members active on 30 June 2025 (M003 had not joined yet: 4 = M001, M002, M004, M005).
    expect(kpi(r, 'contents_per_member')).toMatchObject({ value: 0, details: { active_members: 4 } });
    for (const tabs of [[members], [members, tab('Contenus', CONTENTS)]]) {
      const none = run(tabs);
      for (const id of ['contents_shared', 'contents_per_member', 'top_topics'])
        expect(kpi(none, id), id).toMatchObject({ value: null, n: 0 });
    }
    // Contents without a Members tab: no one to divide by.
    expect(kpi(run([contents]), 'contents_per_member')).toMatchObject({ value: null, n: 0 });
    expect(kpi(run([contents]), 'contents_shared').value).toBe(11);
  });
});

describe('top_topics', () => {
  it('ranks by contents, then reactions, then alphabetically, and keeps five', () => {
    // In S1 with a topic (10 contents): Marketing 3 (0 + 0 + 2 reactions), Banque 2 (4 + 5 = 9),
    // Conseil 2 (1 + 1 = 2), then 1 content and 0 reactions each: Droit, Export, Fiscalité.
    // Banque before Conseil by reactions; Droit, Export before Fiscalité by name; Fiscalité is 6th, cut.
    // Export's 60 reactions of July and Droit's 40 of December are outside S1.
    const r = kpi(run([members, contents]), 'top_topics');
    expect(r.value).toEqual(['Marketing', 'Banque', 'Conseil', 'Droit', 'Export']);
    expect(r.n).toBe(10);
    expect(r.details.topics).toEqual([
      { topic: 'Marketing', contents: 3, reactions: 2 },
      { topic: 'Banque', contents: 2, reactions: 9 },
      { topic: 'Conseil', contents: 2, reactions: 2 },
      { topic: 'Droit', contents: 1, reactions: 0 },
      { topic: 'Export', contents: 1, reactions: 0 },
    ]);
  });

  it('more reactions do not outrank more contents; fewer than five topics are all listed', () => {
    const few = tab('Contenus', CONTENTS, [
      ['05/01/2026', 'M001', 'a', 'Zéro déchet', 100],
      ['06/01/2026', 'M001', 'b', 'Achats', 0],
      ['07/01/2026', 'M001', 'c', 'Achats', 0],
    ]);
    // Achats 2 contents, 0 reactions; Zéro déchet 1 content, 100 reactions.
    expect(kpi(run([members, few]), 'top_topics')).toMatchObject({ value: ['Achats', 'Zéro déchet'], n: 3 });
  });
});

describe('profile_completion_rate', () => {
  it('means the share of the chosen fields filled in over the active members', () => {
    // Fields named by French label, id and English label (any case); « Fax » is no Members column and
    // « phone » repeats Téléphone: fields = phone, website, linkedin.
    // M001 2/3 (website is spaces), M002 0/3, M003 3/3, M005 3/3; M004 left → (2/3 + 0 + 1 + 1) ÷ 4 = 2/3.
    const r = kpi(
      run([members, settings('Téléphone, website, LINKEDIN, Fax, phone')]),
      'profile_completion_rate',
    );
    expect(r.value).toBeCloseTo(2 / 3, 12);
    expect(r.n).toBe(4);
    expect(r.details).toEqual({ fields: ['phone', 'website', 'linkedin'] });
  });

  it('one field: the share of active members who filled it in', () => {
    // Bio: M002, M003, M005 of the four active → 3/4.
    expect(kpi(run([members, settings(' BIO ')]), 'profile_completion_rate')).toMatchObject({
      value: 0.75,
      n: 4,
    });
  });

  it('a default field whose column the tab lacks counts as empty', () => {
    // Default fields: phone, website, linkedin, bio, expertise, photo_url; the tab has no Expertise
    // nor URL photo column. M001 2/6 (phone, LinkedIn), M002 1/6 (bio), M003 4/6, M005 4/6 → 11/24.
    expect(kpi(run([members]), 'profile_completion_rate').value).toBeCloseTo(11 / 24, 12);
  });

  it('no known field, or no active member, gives no value but says why', () => {
    expect(kpi(run([members, settings('Fax, Twitter')]), 'profile_completion_rate')).toMatchObject({
      value: null,
      n: 4,
      details: { fields: [] },
    });
    // In 2024-S1 nobody had joined yet.
    expect(kpi(run([members], { period: '2024-S1' }), 'profile_completion_rate')).toMatchObject({
      value: null,
      n: 0,
      details: { fields: ['phone', 'website', 'linkedin', 'bio', 'expertise', 'photo_url'] },
    });
    // Without a Members tab: no data, and no fields to name either.
    const noMembers = kpi(run([contents]), 'profile_completion_rate');
    expect(noMembers).toMatchObject({ value: null, n: 0 });
    expect(noMembers.details).toEqual({});
  });

  it('profileColumns matches ids and both labels leniently, once each, in the order given', () => {
    expect(profileColumns(['URL photo', 'expertise', 'Site Web', 'Photo URL', 'mobile', 'Phone'])).toEqual([
      // « mobile » is an alias of the reader, not an id or a label: left out.
      'photo_url',
      'expertise',
      'website',
      'phone',
    ]);
    expect(profileColumns([])).toEqual([]);
  });
});
