/**
 * What every import mapper shares (src/core/imports/common.ts), hand-worked (issue 23): finding an
 * export's columns by their header however it is spelt (HelloAsso's trailing spaces, accents, case,
 * blank spacer columns, a column named twice), writing a person, matching or creating a member,
 * the event's title from the export's file name, and finding or creating that event. Each expected
 * value is worked out in a comment.
 */

import { describe, expect, it } from 'vitest';
import { PlanBuilder } from '../../../src/core/imports/builder';
import {
  attendeeRef,
  Columns,
  type Context,
  displayDate,
  ensureEvent,
  ensureMember,
  fullName,
  latest,
  slug,
  titleFromFileName,
} from '../../../src/core/imports/common';
import { Existing } from '../../../src/core/imports/existing';
import type { ImportEvent } from '../../../src/core/imports/types';
import { added, type Tabs } from '../imports/helpers';

const members = (): Tabs => [
  {
    name: 'Membres',
    values: [
      ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion"],
      ['M001', 'Anne', 'Ancien', 'anne@example.org', '01/01/2020'],
      ['M007', 'Bob', 'Durand', 'Bob.Durand@Example.org', '01/09/2024'],
      ['M011', 'Jean', 'Dupont', 'jean.dupont@cabinet.fr', '01/06/2025'],
      ['M012', 'Jean', 'Dupont', 'jdupont@menuiserie.fr', '01/09/2025'],
    ],
  },
  {
    name: 'Événements',
    values: [
      ['ID événement', 'Date', 'Titre'],
      ['EV-12', '14/03/2026', 'Soirée de gala'],
      ['HA-course-parents-enfants', '05/04/2026', 'Course des familles'],
    ],
  },
];

function contextOf(tabs: Tabs, event?: ImportEvent, lang: 'fr' | 'en' = 'fr'): Context {
  const existing = new Existing(tabs, 'Europe/Paris');
  return {
    input: {
      rows: [],
      fileName: 'export.csv',
      lang,
      locale: lang === 'fr' ? 'fr_FR' : 'en_US',
      existing: { tabs },
      event,
    },
    builder: new PlanBuilder(lang, existing),
    existing,
    timeZone: 'Europe/Paris',
  };
}

describe('columns found by their header', () => {
  // A HelloAsso header: trailing spaces, accents, a blank spacer column and `Email` written twice.
  // Built inside each test (a Columns built at collection time escapes the mutation run).
  const columns = () => new Columns(['Nom ', 'Prénom', '', 'Email', 'Montant (€)', 'E-MAIL']);
  const row = ['  Durand ', 'Bob', 'x', ' bob.durand@example.org ', '35,00'];

  it('finds a column whatever its case, accents, spaces and punctuation', () => {
    const cols = columns();
    expect(cols.index('nom')).toBe(0);
    expect(cols.index('PRENOM')).toBe(1);
    expect(cols.index('montant €')).toBe(4);
    // Two headers read `email`: the first one counts.
    expect(cols.index('e-mail')).toBe(3);
  });

  it('takes the first of several spellings that is present', () => {
    const cols = columns();
    expect(cols.index('Mail', 'Courriel', 'Email', 'Nom')).toBe(3);
    expect(cols.index('Ville', 'Town')).toBe(-1);
    // A blank spacer column has no name: a label that is only punctuation finds nothing.
    expect(cols.index('—')).toBe(-1);
    expect(cols.has('—')).toBe(false);
    expect(cols.has('Ville', 'prenom')).toBe(true);
    expect(cols.has('Ville')).toBe(false);
  });

  it('gives a cell trimmed, and empty when the column or the cell is missing', () => {
    const cols = columns();
    expect(cols.get(row, 'Nom')).toBe('Durand');
    expect(cols.get(row, 'Email')).toBe('bob.durand@example.org');
    expect(cols.get(row, 'Ville')).toBe('');
    // A short row (a CSV line cut after its first cell): the missing cell reads as empty.
    expect(cols.get(['Durand'], 'Prénom')).toBe('');
  });

  it('lists the labels that are missing', () => {
    const cols = columns();
    expect(cols.missing(['Nom', 'Ville', 'Montant (€)', 'Statut du paiement'])).toEqual([
      'Ville',
      'Statut du paiement',
    ]);
    expect(cols.missing([])).toEqual([]);
  });
});

describe('people', () => {
  it('writes a full name with single spaces', () => {
    expect(fullName({ email: '', firstName: '  Jean ', lastName: ' de  La Fontaine ' })).toBe(
      'Jean de La Fontaine',
    );
    expect(fullName({ email: '', firstName: '', lastName: 'Durand' })).toBe('Durand');
  });

  it('writes an attendee as member ID, else email, else name', () => {
    const ctx = contextOf(members());
    // Known by email, whatever its case.
    expect(attendeeRef(ctx, { email: 'bob.durand@example.org', firstName: 'Robert', lastName: 'D.' })).toBe(
      'M007',
    );
    // Known by name only.
    expect(attendeeRef(ctx, { email: '', firstName: 'Anne', lastName: 'Ancien' })).toBe('M001');
    // Unknown: the email, trimmed; without one, the name.
    expect(attendeeRef(ctx, { email: ' zoe@klein.fr ', firstName: 'Zoé', lastName: 'Klein' })).toBe(
      'zoe@klein.fr',
    );
    expect(attendeeRef(ctx, { email: '  ', firstName: 'Zoé', lastName: ' Klein' })).toBe('Zoé Klein');
  });
});

describe('members matched or created', () => {
  it('matches a known member, and refuses to pick between two of the same name', () => {
    const ctx = contextOf(members());
    expect(
      ensureMember(ctx, { email: 'anne@example.org', firstName: '', lastName: '' }, '2026-01-01', 'r1'),
    ).toEqual({
      id: 'M001',
      created: false,
    });
    expect(
      ensureMember(ctx, { email: '', firstName: 'Jean', lastName: 'Dupont' }, '2026-01-01', 'r2'),
    ).toEqual({
      ambiguous: true,
    });
    expect(ctx.builder.rowCount('members')).toBe(0);
  });

  it('creates no one without a joining date or without email and name', () => {
    const ctx = contextOf(members());
    expect(
      ensureMember(ctx, { email: 'zoe@klein.fr', firstName: 'Zoé', lastName: 'Klein' }, null, 'r1'),
    ).toEqual({
      none: true,
    });
    expect(ensureMember(ctx, { email: ' ', firstName: ' ', lastName: '' }, '2026-01-01', 'r2')).toEqual({
      none: true,
    });
    expect(ctx.builder.rowCount('members')).toBe(0);
  });

  it('creates a member with the next ID, trimmed cells, and knows them from then on', () => {
    const ctx = contextOf(members());
    // Highest M number is 12 → M013.
    const person = {
      email: ' zoe@klein.fr ',
      firstName: ' Zoé ',
      lastName: 'Klein ',
      company: ' Klein SARL ',
      phone: ' 06 12 34 56 78 ',
    };
    expect(ensureMember(ctx, person, '2026-02-01', 'helloasso:1234')).toEqual({ id: 'M013', created: true });
    // Someone with a name only: no company, no phone → empty cells.
    expect(
      ensureMember(ctx, { email: '', firstName: 'Léa', lastName: 'Roux' }, '2026-02-02', 'helloasso:1235'),
    ).toEqual({
      id: 'M014',
      created: true,
    });
    const plan = ctx.builder.build('helloasso_memberships');
    expect(
      added(plan, 'members').map((m) =>
        'member_id first_name last_name email company phone joined_on source_ref'.split(' ').map((c) => m[c]),
      ),
    ).toEqual([
      [
        'M013',
        'Zoé',
        'Klein',
        'zoe@klein.fr',
        'Klein SARL',
        '06 12 34 56 78',
        '2026-02-01',
        'helloasso:1234',
      ],
      ['M014', 'Léa', 'Roux', '', '', '', '2026-02-02', 'helloasso:1235'],
    ]);
    // The same person again (by email, another case) is the member just created.
    expect(
      ensureMember(ctx, { email: 'ZOE@klein.fr', firstName: '', lastName: '' }, '2026-03-01', 'helloasso:9'),
    ).toEqual({
      id: 'M013',
      created: false,
    });
  });

  it('creates no one when the row is refused (its reference already in the workbook)', () => {
    const tabs = members();
    tabs[0].values[0].push('Référence source');
    tabs[0].values[1].push('helloasso:1234');
    const ctx = contextOf(tabs);
    expect(
      ensureMember(
        ctx,
        { email: 'zoe@klein.fr', firstName: 'Zoé', lastName: 'Klein' },
        '2026-02-01',
        'helloasso:1234',
      ),
    ).toEqual({
      none: true,
    });
    // Not remembered as a member either.
    expect(ctx.existing.members.find('zoe@klein.fr', '', '')).toEqual({ none: true });
  });
});

describe('names from the file', () => {
  it('slugs a title: lower case, no accents, dashes, at most 40 characters', () => {
    expect(slug('Course Parents - Enfants')).toBe('course-parents-enfants');
    expect(slug('  Soirée d’été 2026 !')).toBe('soiree-d-ete-2026');
    // 44 characters cut at 40, inside a word.
    expect(slug('Assemblée générale annuelle de l’association')).toBe(
      'assemblee-generale-annuelle-de-l-associa',
    );
    expect(slug('Rencontre des dirigeants du bassin de Lyon')).toBe(
      'rencontre-des-dirigeants-du-bassin-de-ly',
    );
    // Cut at 40 just after `septembre-`: the trailing dash goes (39 characters left).
    expect(slug('Réunion mensuelle des membres, septembre - octobre')).toBe(
      'reunion-mensuelle-des-membres-septembre',
    );
    // Dashes and spaces at both ends go.
    expect(slug(' - Apéro réseau - ')).toBe('apero-reseau');
    expect(slug('!!!')).toBe('');
  });

  it('reads the event’s title from the export’s file name', () => {
    // HelloAsso's ticketing export, downloaded on Windows, with its date range.
    expect(
      titleFromFileName('C:\\Users\\club\\Downloads\\export-billetterie-gala-2026-04_05_2024-09_05_2024.csv'),
    ).toBe('gala 2026');
    expect(titleFromFileName('/home/club/export_participants_Course_des_familles_1-6-2026.xlsx')).toBe(
      'Course des familles',
    );
    expect(titleFromFileName('HelloAsso.Soiree de gala.csv')).toBe('Soiree de gala');
    expect(titleFromFileName('EXPORT-EVENEMENT-Afterwork.CSV')).toBe('Afterwork');
    expect(titleFromFileName('export-Afterwork 12_09_2026.csv')).toBe('Afterwork');
    // No prefix, no date: only the extension goes.
    expect(titleFromFileName('Petit-déjeuner réseau.csv')).toBe('Petit déjeuner réseau');
    // A date range at the start or in the middle is part of the title.
    expect(titleFromFileName('01_02_2026 bilan.csv')).toBe('01 02 2026 bilan');
    expect(titleFromFileName('Gala-01_02_2026-photos.csv')).toBe('Gala 01 02 2026 photos');
    // Runs of separators become one space; spaces left at the ends go.
    expect(titleFromFileName('export-billetterie-course--parents__enfants.csv')).toBe(
      'course parents enfants',
    );
    expect(titleFromFileName('HelloAsso.Soirée de gala .csv')).toBe('Soirée de gala');
    expect(titleFromFileName('export-_Gala_.csv')).toBe('Gala');
  });

  it('writes ISO dates the French way in French, as they are in English', () => {
    expect(displayDate('2026-04-03', 'fr')).toBe('03/04/2026');
    expect(displayDate('2026-04-03', 'en')).toBe('2026-04-03');
  });

  it('gives the latest of ISO dates, blanks ignored', () => {
    expect(latest([null, '2026-01-02', '2025-12-31', '2026-03-01', '2026-02-28'])).toBe('2026-03-01');
    expect(latest(['2026-03-01', null, '2026-01-02'])).toBe('2026-03-01');
    expect(latest([null, null])).toBeNull();
    expect(latest([])).toBeNull();
  });
});

describe('the event an export is about', () => {
  it('takes the event the user named when the workbook has it', () => {
    const ctx = contextOf(members(), { id: 'EV-12', title: 'Autre titre' });
    expect(ensureEvent(ctx, 'helloasso', 'HA', 'Gala', '2026-03-01')).toBe('EV-12');
    const plan = ctx.builder.build('helloasso_tickets');
    expect(plan.additions).toEqual([]);
    expect(plan.notes).toEqual([]);
  });

  it('reuses the one event of the same title, saying so', () => {
    // `soirée DE GALA` is `Soirée de gala` once case and accents are set aside.
    const ctx = contextOf(members());
    expect(ensureEvent(ctx, 'helloasso', 'HA', 'soirée DE GALA', '2026-03-01')).toBe('EV-12');
    const plan = ctx.builder.build('helloasso_tickets');
    expect(plan.additions).toEqual([]);
    expect(plan.notes).toEqual(['Participations rattachées à l’événement existant « EV-12 ».']);
  });

  it('reuses the event whose ID the title gives, saying so', () => {
    // Not the same title (`Course des familles`), but `HA-` + slug is that event's ID.
    const ctx = contextOf(members(), undefined, 'en');
    expect(ensureEvent(ctx, 'helloasso', 'HA', 'Course Parents - Enfants', null)).toBe(
      'HA-course-parents-enfants',
    );
    expect(ctx.builder.build('helloasso_tickets').notes).toEqual([
      'Attendance attached to the existing event “HA-course-parents-enfants”.',
    ]);
  });

  it('creates the event on the last order’s day, and says the date is a guess', () => {
    const ctx = contextOf(members());
    expect(ensureEvent(ctx, 'helloasso', 'HA', 'Afterwork de printemps', '2026-04-18')).toBe(
      'HA-afterwork-de-printemps',
    );
    const plan = ctx.builder.build('helloasso_tickets');
    expect(added(plan, 'events')).toMatchObject([
      {
        event_id: 'HA-afterwork-de-printemps',
        date: '2026-04-18',
        title: 'Afterwork de printemps',
        source_ref: 'helloasso:event:HA-afterwork-de-printemps',
      },
    ]);
    expect(plan.notes).toEqual([
      'L’export ne donne pas la date de l’événement « Afterwork de printemps » : il est daté du 18/04/2026 (dernière commande). Corrigez-la au besoin.',
    ]);
  });

  it('creates the event with the ID, title and date the user typed, the French way', () => {
    // 05/06/2026 in a French workbook is 5 June; the user's title wins over the file's.
    const ctx = contextOf(members(), { id: ' EV-20 ', title: ' Gala d’été ', date: ' 05/06/2026 ' });
    expect(ensureEvent(ctx, 'eventbrite', 'EB', 'export', '2026-05-30')).toBe('EV-20');
    const plan = ctx.builder.build('eventbrite');
    expect(added(plan, 'events')).toMatchObject([
      { event_id: 'EV-20', date: '2026-06-05', title: 'Gala d’été', source_ref: 'eventbrite:event:EV-20' },
    ]);
    expect(plan.notes).toEqual([]);
  });

  it('creates the event the user named even when another has its title', () => {
    // EV-30 is new; `Soirée de gala` is EV-12's title, but the user asked for EV-30.
    const ctx = contextOf(members(), { id: 'EV-30', date: '2026-03-14' });
    expect(ensureEvent(ctx, 'helloasso', 'HA', 'Soirée de gala', null)).toBe('EV-30');
    const plan = ctx.builder.build('helloasso_tickets');
    expect(added(plan, 'events')).toMatchObject([
      { event_id: 'EV-30', date: '2026-03-14', title: 'Soirée de gala' },
    ]);
    expect(plan.notes).toEqual([]);
  });

  it('reads the typed date by its own day and month first, in an English workbook too', () => {
    // 13/05/2026: 13 cannot be a month, so it is 13 May even where dates are month first.
    const ctx = contextOf(members(), { title: 'Spring gala', date: '13/05/2026' }, 'en');
    expect(ensureEvent(ctx, 'eventbrite', 'EB', 'export', null)).toBe('EB-spring-gala');
    const plan = ctx.builder.build('eventbrite');
    expect(added(plan, 'events')).toMatchObject([
      { event_id: 'EB-spring-gala', date: '2026-05-13', title: 'Spring gala' },
    ]);
    expect(plan.notes).toEqual([]);
  });

  it('uses the file’s date when the user gave only a title', () => {
    const ctx = contextOf(members(), { title: 'Apéro de rentrée' });
    expect(ensureEvent(ctx, 'meetup', 'MU', 'export', '2026-09-10')).toBe('MU-apero-de-rentree');
    const plan = ctx.builder.build('meetup');
    expect(added(plan, 'events')).toMatchObject([{ event_id: 'MU-apero-de-rentree', date: '2026-09-10' }]);
    expect(plan.notes).toEqual([
      'L’export ne donne pas la date de l’événement « Apéro de rentrée » : il est daté du 10/09/2026 (dernière commande). Corrigez-la au besoin.',
    ]);
  });

  it('falls back on the file’s title and date when the user typed blanks or a bad date', () => {
    // A blank title → the file's; `bientôt` is no date → the last order's day, and the guess is noted.
    const ctx = contextOf(members(), { title: '  ', date: 'bientôt' });
    expect(ensureEvent(ctx, 'meetup', 'MU', '', '2026-01-15')).toBe('MU-event');
    const plan = ctx.builder.build('meetup');
    expect(added(plan, 'events')).toMatchObject([{ event_id: 'MU-event', date: '2026-01-15', title: '' }]);
    expect(plan.notes).toHaveLength(1);
  });

  it('gives up without a date from the user or the file', () => {
    const ctx = contextOf(members());
    expect(ensureEvent(ctx, 'meetup', 'MU', 'Apéro réseau', null)).toBeNull();
    expect(ctx.builder.build('meetup').additions).toEqual([]);
  });
});
