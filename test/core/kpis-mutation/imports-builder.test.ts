/**
 * Collecting an import's rows (src/core/imports/builder.ts), hand-worked (issue 23): rows in the
 * schema's column order, the source reference in the note column or in a trailing « Référence
 * source » column, a row refused when its reference or natural key is already in the workbook or
 * earlier in the file (with the sentence saying which), skipped lines sorted, notes kept once, the
 * tabs in the workbook's order and the summary sentences in both languages. Each expected value is
 * worked out in a comment.
 */

import { describe, expect, it } from 'vitest';
import { PlanBuilder } from '../../../src/core/imports/builder';
import { Existing } from '../../../src/core/imports/existing';
import { tabSpec } from '../../../src/core/schema';
import type { Tabs } from '../imports/helpers';

const workbook = (): Tabs => [
  {
    name: 'Membres',
    values: [
      ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion", 'Référence source'],
      ['M001', 'Anne', 'Ancien', 'anne@example.org', '01/01/2020', 'helloasso:100'],
    ],
  },
  {
    name: 'Événements',
    values: [
      ['ID événement', 'Date', 'Titre'],
      ['EV-1', '14/03/2026', 'Soirée de gala'],
    ],
  },
];

const builderOf = (lang: 'fr' | 'en' = 'fr', tabs: Tabs = workbook()) =>
  new PlanBuilder(lang, new Existing(tabs, 'Europe/Paris'));

describe('adding rows', () => {
  it('writes cells in the schema’s order, empty when missing, the reference in a trailing column', () => {
    const b = builderOf();
    expect(
      b.add(
        'events',
        { title: 'Afterwork', event_id: 'EV-2', date: '2026-04-02', cost: null },
        'meetup:event:EV-2',
      ),
    ).toEqual({
      added: true,
    });
    const plan = b.build('meetup');
    const events = plan.additions[0];
    // The schema declares Events' `source_ref` column (« Référence source »): the reference goes
    // there, and the column is not added a second time.
    const columns = tabSpec('events').columns.map((c) => c.id);
    expect(columns.filter((id) => id === 'source_ref')).toHaveLength(1);
    expect(events.tab).toBe('events');
    expect(events.tabName).toBe('Événements');
    expect(events.columns).toEqual(columns);
    expect(events.header).toEqual(tabSpec('events').columns.map((c) => c.label.fr));
    expect(events.header.at(-1)).toBe('Référence source');
    // Every cell but the three given and the reference is empty; `cost: null` too.
    expect(events.rows).toEqual([
      columns.map(
        (id) =>
          ({ event_id: 'EV-2', date: '2026-04-02', title: 'Afterwork', source_ref: 'meetup:event:EV-2' })[
            id
          ] ?? '',
      ),
    ]);
    expect(events.sourceRefs).toEqual(['meetup:event:EV-2']);
  });

  it('puts the reference in the note column of tabs that have one, unless a note is given', () => {
    const b = builderOf('en');
    b.add('referrals', { date: '2026-03-31', giver: 'M001', receiver: 'M007', value: 0 }, 'palms:r1');
    b.add(
      'referrals',
      { date: '2026-03-31', giver: 'M001', receiver: 'M007', note: 'Intro by phone' },
      'palms:r2',
    );
    const [referrals] = b.build('bni_palms').additions;
    expect(referrals.tabName).toBe('Referrals');
    expect(referrals.columns).not.toContain('source_ref');
    const note = referrals.columns.indexOf('note');
    const value = referrals.columns.indexOf('value');
    expect(referrals.rows.map((r) => r[note])).toEqual(['palms:r1', 'Intro by phone']);
    // A zero is a value, not an empty cell.
    expect(referrals.rows[0][value]).toBe(0);
    expect(referrals.sourceRefs).toEqual(['palms:r1', 'palms:r2']);
  });

  it('refuses a reference or a natural key already in the workbook', () => {
    const b = builderOf();
    // helloasso:100 is Anne's reference in Membres.
    expect(b.add('members', { member_id: 'M002', email: 'zoe@klein.fr' }, 'helloasso:100')).toEqual({
      added: false,
      reason: 'déjà présente dans le classeur (référence helloasso:100).',
    });
    // Anne's email (another case) is the natural key of her row.
    expect(b.add('members', { member_id: 'M002', email: 'ANNE@example.org' }, 'helloasso:101')).toEqual({
      added: false,
      reason: 'déjà présente dans le classeur (référence helloasso:101).',
    });
    // The same reference in another tab is no duplicate.
    expect(b.add('dues', { member_id: 'M001', term: '2026' }, 'helloasso:100')).toEqual({ added: true });
    expect(b.rowCount('members')).toBe(0);
    expect(b.rowCount('dues')).toBe(1);
    expect(b.knows('members', 'helloasso:100')).toBe(true);
    expect(b.knows('dues', 'helloasso:100')).toBe(true);
    expect(b.knows('dues', 'helloasso:999')).toBe(false);
    expect(b.knows('events', 'helloasso:100')).toBe(false);
  });

  it('refuses a reference or a natural key met earlier in the same file', () => {
    const b = builderOf('en');
    expect(b.add('attendance', { event_id: 'EV-1', member: 'zoe@klein.fr' }, 'eb:1')).toEqual({
      added: true,
    });
    expect(b.add('attendance', { event_id: 'EV-1', member: 'bob@example.org' }, 'eb:1')).toEqual({
      added: false,
      reason: 'duplicate of an earlier line of the file (reference eb:1).',
    });
    // The same person at the same event under another reference.
    expect(b.add('attendance', { event_id: 'EV-1', member: ' ZOE@klein.fr' }, 'eb:2')).toEqual({
      added: false,
      reason: 'duplicate of an earlier line of the file (reference eb:2).',
    });
    // Rows without a natural key (referrals) are told apart by reference only.
    expect(b.add('referrals', { date: '2026-03-31', giver: 'M001' }, 'r:1')).toEqual({ added: true });
    expect(b.add('referrals', { date: '2026-03-31', giver: 'M001' }, 'r:2')).toEqual({ added: true });
    expect(b.rowCount('attendance')).toBe(1);
    expect(b.rowCount('referrals')).toBe(2);
    expect(b.rowCount('events')).toBe(0);
  });
});

describe('the plan', () => {
  it('lists the tabs in the workbook’s order, without empty ones, and says nothing when nothing is added', () => {
    const b = builderOf();
    b.add('referrals', { date: '2026-03-31' }, 'r:1');
    b.add('responses', { submitted_at: '2026-03-02 10:15:00', survey_id: 'S1' }, 'f:1');
    b.add('attendance', { event_id: 'EV-1', member: 'M001' }, 'a:1');
    b.add('communications', { date: '2026-03-02', campaign: 'Lettre' }, 'c:1');
    b.add('members', { member_id: 'M002', email: 'zoe@klein.fr' }, 'm:1');
    b.add('interactions', { date: '2026-03-31', member: 'M001' }, 'i:1');
    b.add('dues', { member_id: 'M002', term: '2026' }, 'd:1');
    b.add('events', { event_id: 'EV-2', date: '2026-04-01' }, 'e:1');
    // A refused row adds no tab.
    b.add('events', { event_id: 'EV-1' }, 'e:2');
    const plan = b.build('helloasso_payments');
    // members, events, dues, attendance, communications, responses, then the others as added.
    expect(plan.additions.map((a) => a.tab)).toEqual([
      'members',
      'events',
      'dues',
      'attendance',
      'communications',
      'responses',
      'referrals',
      'interactions',
    ]);
    const empty = builderOf();
    empty.add('events', { event_id: 'EV-1' }, 'e:2');
    const nothing = empty.build('meetup');
    expect(nothing.additions).toEqual([]);
    expect(nothing.summary).toBe('Aucune ligne à ajouter.');
    expect(nothing.plannedSummary).toBe('Aucune ligne à ajouter.');
    expect(nothing.sourceLabel).toBe('Meetup — participants');
    expect('mapping' in nothing).toBe(false);
  });

  it('sorts the skipped lines and counts each line once in the summary', () => {
    const b = builderOf();
    b.skip(12, 'b');
    b.skip(3, 'a');
    b.skip(12, 'c');
    b.add('attendance', { event_id: 'EV-1', member: 'M001' }, 'a:1');
    b.add('events', { event_id: 'EV-2', date: '2026-04-01' }, 'e:1');
    b.add('events', { event_id: 'EV-3', date: '2026-04-08' }, 'e:2');
    const plan = b.build('eventbrite');
    expect(plan.skipped).toEqual([
      { line: 3, reason: 'a' },
      { line: 12, reason: 'b' },
      { line: 12, reason: 'c' },
    ]);
    // 2 events, 1 attendance row; lines 3 and 12 skipped → 2.
    expect(plan.summary).toBe(
      '2 lignes ajoutées à Événements, 1 ligne ajoutée à Participations, 2 ignorées.',
    );
    expect(plan.plannedSummary).toBe(
      '2 lignes seraient ajoutées à Événements, 1 ligne serait ajoutée à Participations, 2 ignorées.',
    );
  });

  it('writes the summary in English, one skipped line in the singular', () => {
    const b = builderOf('en');
    b.skip(4, 'x');
    b.add('members', { member_id: 'M002', email: 'zoe@klein.fr' }, 'm:1');
    const plan = b.build('google_forms', { columns: [] } as never);
    expect(plan.sourceLabel).toBe('Google Forms — responses');
    expect(plan.summary).toBe('1 row added to Members, 1 skipped.');
    expect(plan.plannedSummary).toBe('1 row would be added to Members, 1 skipped.');
    expect(plan.mapping).toEqual({ columns: [] });
    // Nothing added, one line skipped.
    const only = builderOf('en');
    only.skip(2, 'y');
    only.skip(5, 'z');
    expect(only.build('meetup').summary).toBe('No row to add, 2 skipped.');
  });

  it('keeps each note once, in the order given', () => {
    const b = builderOf();
    b.note('Première.');
    b.note('Seconde.');
    b.note('Première.');
    expect(b.build('meetup').notes).toEqual(['Première.', 'Seconde.']);
  });
});
