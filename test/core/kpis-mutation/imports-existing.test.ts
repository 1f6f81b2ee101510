/**
 * What the workbook already holds, as an import sees it (src/core/imports/existing.ts),
 * hand-worked (issue 23): members matched by email in any case or by name either way round, two
 * namesakes with their own addresses kept apart, the next free member ID per prefix, events, the
 * source references of `Référence source` and `Note` columns, and the natural key of each tab
 * (dues terms read by the Settings' first month of the fiscal year). Each expected value is worked
 * out in a comment.
 */

import { describe, expect, it } from 'vitest';
import { Existing, MemberIndex } from '../../../src/core/imports/existing';
import type { Tabs } from '../imports/helpers';

const member = (id: string, email = '', firstName = '', lastName = '') => ({
  id,
  email,
  firstName,
  lastName,
});

describe('members by email or name', () => {
  const index = (): MemberIndex => {
    const m = new MemberIndex();
    m.add(member('M001', 'Anne@Example.org', 'Anne', 'Ancien'));
    m.add(member('M007', ' bob@example.org ', 'Bob', 'Durand'));
    // Two Jean Dupont, each with an address.
    m.add(member('M011', 'jean.dupont@cabinet.fr', 'Jean', 'Dupont'));
    m.add(member('M012', 'jdupont@menuiserie.fr', 'Jean', 'Dupont'));
    // A member known by name only.
    m.add(member('M020', '', 'Élise', 'Lefèvre'));
    return m;
  };

  it('finds by email whatever its case and spaces', () => {
    const m = index();
    expect(m.find(' ANNE@example.ORG ', '', '')).toEqual({ id: 'M001' });
    expect(m.find('bob@example.org', 'Robert', 'D.')).toEqual({ id: 'M007' });
  });

  it('finds by name, first-last or last-first, accents and case aside', () => {
    const m = index();
    expect(m.find('', 'elise', 'LEFEVRE')).toEqual({ id: 'M020' });
    expect(m.find('', 'Lefèvre', 'Élise')).toEqual({ id: 'M020' });
    expect(m.find('', 'Bob', 'Durand')).toEqual({ id: 'M007' });
    // An email nobody has, and a name that is known: the name decides, as the member has no email.
    expect(m.find('elise.l@free.fr', 'Élise', 'Lefèvre')).toEqual({ id: 'M020' });
  });

  it('never matches by name two people whose addresses differ', () => {
    const m = index();
    // Bob Durand of the workbook is bob@example.org: another Bob Durand is someone else.
    expect(m.find('bob.durand@autre.fr', 'Bob', 'Durand')).toEqual({ none: true });
    expect(m.find('', 'Jean', 'Dupont')).toEqual({ ambiguous: true });
    expect(m.find('', 'Zoé', 'Klein')).toEqual({ none: true });
    expect(m.find('', ' ', '')).toEqual({ none: true });
  });

  it('keeps the first member of an ID or an email, and ignores a member without ID', () => {
    const m = index();
    m.add(member('M001', 'autre@example.org', 'Autre', 'Personne'));
    m.add(member('', 'sans.id@example.org', 'Sans', 'Identifiant'));
    m.add(member('M030', 'anne@example.org', 'Anne', 'Nouvelle'));
    expect(m.find('autre@example.org', '', '')).toEqual({ none: true });
    expect(m.find('', 'Autre', 'Personne')).toEqual({ none: true });
    expect(m.find('sans.id@example.org', 'Sans', 'Identifiant')).toEqual({ none: true });
    expect(m.find('anne@example.org', '', '')).toEqual({ id: 'M001' });
    // M030 is still known by name.
    expect(m.find('', 'Anne', 'Nouvelle')).toEqual({ id: 'M030' });
    // A member without names is known by email only.
    m.add(member('M031', 'contact@asso.fr', '', ''));
    expect(m.find('contact@asso.fr', '', '')).toEqual({ id: 'M031' });
    expect(m.resolve('M031')).toEqual({ id: 'M031' });
    // … and a blank reference is no one, not the member without a name.
    expect(m.resolve('')).toEqual({ none: true });
    // A member with one name only (first or last) is found by it.
    m.add(member('M032', '', 'Aïcha', ''));
    m.add(member('M033', '', '', 'Ndiaye'));
    expect(m.find('', 'aicha', '')).toEqual({ id: 'M032' });
    expect(m.find('', '', 'NDIAYE')).toEqual({ id: 'M033' });
  });

  it('reads a reference typed in a tab: ID, else email, else name', () => {
    const m = index();
    expect(m.resolve(' M007 ')).toEqual({ id: 'M007' });
    expect(m.resolve('BOB@example.org')).toEqual({ id: 'M007' });
    expect(m.resolve('nobody@example.org')).toEqual({ none: true });
    expect(m.resolve('Durand Bob')).toEqual({ id: 'M007' });
    expect(m.resolve('jean dupont')).toEqual({ ambiguous: true });
    expect(m.resolve('Zoé Klein')).toEqual({ none: true });
  });

  it('counts a person by member ID, else email, else name', () => {
    const m = index();
    expect(m.personKey('Bob Durand')).toBe('m:M007');
    expect(m.personKey(' Zoe@Klein.FR ')).toBe('e:zoe@klein.fr');
    expect(m.personKey('  Zoé   KLEIN ')).toBe('n:zoe klein');
    expect(m.personKey('Jean Dupont')).toBe('n:jean dupont');
  });
});

describe('the next free member ID', () => {
  it('is M001 in an empty workbook', () => {
    expect(new MemberIndex().nextId()).toBe('M001');
  });

  it('follows the highest number of the most used prefix, with its widest digits', () => {
    const m = new MemberIndex();
    // Prefix M: M001, M002, M010 (3 IDs, highest 10); prefix ADH-: ADH-0001, ADH-0002 (2 IDs).
    // `Président` and `M900bis` do not end with a number: not counted.
    for (const id of ['M002', 'ADH-0001', 'M010', 'ADH-0002', 'M001', 'Président', 'M900bis'])
      m.add(member(id));
    expect(m.nextId()).toBe('M011');
    // Three more ADH- IDs: ADH- is now the most used (5 against 3), width 4 → ADH-0006.
    for (const id of ['ADH-0003', 'ADH-0004', 'ADH-0005']) m.add(member(id));
    expect(m.nextId()).toBe('ADH-0006');
  });

  it('keeps the prefix met first when two are used as often', () => {
    const m = new MemberIndex();
    m.add(member('ADH-0001'));
    m.add(member('M001'));
    expect(m.nextId()).toBe('ADH-0002');
  });

  it('keeps at least three digits, more when the IDs have more', () => {
    const short = new MemberIndex();
    short.add(member('7'));
    short.add(member('8'));
    // Prefix '' (2 IDs) beats the default M: 9 on three digits.
    expect(short.nextId()).toBe('009');
    const wide = new MemberIndex();
    wide.add(member('M00098'));
    wide.add(member('M99'));
    // Highest 99, widest 5 digits.
    expect(wide.nextId()).toBe('M00100');
  });

  it('counts the members added during the import', () => {
    const m = new MemberIndex();
    m.add(member('M001'));
    m.add(member('M002'));
    expect(m.nextId()).toBe('M003');
    m.add(member(m.nextId(), 'new@example.org'));
    expect(m.nextId()).toBe('M004');
  });
});

const clubTabs = (): Tabs => [
  {
    name: 'Membres',
    values: [
      ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion"],
      ['M001', 'Anne', 'Ancien', 'anne@example.org', '01/01/2020'],
      ['M007', 'Bob', 'Durand', 'Bob.Durand@Example.org', '01/09/2024'],
    ],
  },
  {
    name: 'Événements',
    values: [
      ['ID événement', 'Date', 'Titre', 'Référence source'],
      ['EV-1', '14/03/2026', 'Soirée de gala', 'helloasso:event:EV-1'],
      ['EV-2', '20/03/2026', 'Afterwork', 'meetup:event:EV-2'],
      ['EV-1', '15/03/2026', 'Doublon', ''],
      ['EV-3', '02/04/2026', 'afterwork', '  '],
      ['EV-4', '09/04/2026', '—', ''],
    ],
  },
  {
    name: 'Cotisations',
    values: [
      ['ID membre', 'Période', 'Montant', 'Payé le', 'Réf. source'],
      ['M001', '2025-2026', '50', '15/09/2025', ' helloasso:123 '],
      ['bob.durand@example.org', '2026', '50', '10/01/2026', ''],
    ],
  },
  {
    name: 'Participations',
    values: [
      ['ID événement', 'Membre', 'Inscrit', 'Présent'],
      ['EV-1', 'Anne Ancien', 'oui', 'oui'],
      ['EV-1', 'zoe@klein.fr', 'oui', 'non'],
    ],
  },
  {
    name: 'Recommandations',
    values: [
      ['Date', 'Donneur', 'Bénéficiaire', 'Type', 'Note'],
      ['10/03/2026', 'M001', 'M007', 'recommandation', 'palms:2026-01-01:2026-03-31:M001:rgi:1'],
    ],
  },
];

describe('the workbook as an import sees it', () => {
  it('knows the members and the events (first row of an ID, date as ISO)', () => {
    const e = new Existing(clubTabs(), 'Europe/Paris');
    expect(e.members.find('bob.durand@example.org', '', '')).toEqual({ id: 'M007' });
    expect([...e.events.values()]).toEqual([
      { id: 'EV-1', date: '2026-03-14', title: 'Soirée de gala' },
      { id: 'EV-2', date: '2026-03-20', title: 'Afterwork' },
      { id: 'EV-3', date: '2026-04-02', title: 'afterwork' },
      { id: 'EV-4', date: '2026-04-09', title: '—' },
    ]);
  });

  it('finds an event by its title only when one event has it', () => {
    const e = new Existing(clubTabs(), 'Europe/Paris');
    expect(e.eventByTitle('SOIRÉE DE GALA')?.id).toBe('EV-1');
    // Two events are called Afterwork.
    expect(e.eventByTitle('Afterwork')).toBeNull();
    expect(e.eventByTitle('Assemblée générale')).toBeNull();
    // A title of punctuation only finds nothing, not the event titled `—`.
    expect(e.eventByTitle(' - ')).toBeNull();
  });

  it('collects the source references of `Référence source`, `Réf. source` and `Note` columns, trimmed', () => {
    const e = new Existing(clubTabs(), 'Europe/Paris');
    expect(e.hasRef('events', 'helloasso:event:EV-1')).toBe(true);
    expect(e.hasRef('events', 'meetup:event:EV-2')).toBe(true);
    // The header itself is no reference.
    expect(e.hasRef('events', 'Référence source')).toBe(false);
    expect(e.hasRef('dues', 'helloasso:123')).toBe(true);
    expect(e.hasRef('referrals', 'palms:2026-01-01:2026-03-31:M001:rgi:1')).toBe(true);
    // Blank cells are no reference; other columns are not read; other tabs hold nothing.
    expect(e.hasRef('events', '')).toBe(false);
    expect(e.hasRef('events', 'Soirée de gala')).toBe(false);
    expect(e.hasRef('members', 'helloasso:123')).toBe(false);
  });

  it('reads the English spellings of the reference column too, and dates as ISO in the keys', () => {
    const tabs: Tabs = [
      {
        name: 'Members',
        values: [['Member ID', 'First name', 'Last name', 'Email', 'Joined on', 'source_ref']],
      },
      {
        name: 'Events',
        values: [
          ['Event ID', 'Date', 'Title', 'Source reference'],
          ['EB-1', '2026-03-14', 'Spring gala', 'eventbrite:event:EB-1'],
        ],
      },
      {
        name: 'Communications',
        values: [
          ['Date', 'Campaign', 'Type', 'Recipients', 'Source ref'],
          ['2026-03-02', 'March letter!', 'newsletter', '120', 'mailchimp:2026-03-02:march-letter'],
        ],
      },
    ];
    const e = new Existing(tabs, 'Europe/Paris');
    expect(e.hasRef('events', 'eventbrite:event:EB-1')).toBe(true);
    expect(e.hasRef('communications', 'mailchimp:2026-03-02:march-letter')).toBe(true);
    // The date cell is read as a day and keyed as ISO, the campaign by its normalised name.
    expect(e.hasKey('communications', '2026-03-02|marchletter')).toBe(true);
    expect(e.naturalKey('communications', { date: '2026-03-02', campaign: 'March Letter' })).toBe(
      '2026-03-02|marchletter',
    );
  });

  it('keys the rows already there: dues per member and fiscal year, attendance per event and person', () => {
    const e = new Existing(clubTabs(), 'Europe/Paris');
    // Anne's 2025-2026 term (fiscal year 2025); Bob's 2026, typed by his email.
    expect(e.hasKey('dues', 'm:M001|2025')).toBe(true);
    expect(e.hasKey('dues', 'm:M007|2026')).toBe(true);
    expect(e.hasKey('dues', 'm:M007|2025')).toBe(false);
    expect(e.hasKey('attendance', 'EV-1|m:M001')).toBe(true);
    expect(e.hasKey('attendance', 'EV-1|e:zoe@klein.fr')).toBe(true);
    expect(e.hasKey('events', 'id:EV-2')).toBe(true);
    expect(e.hasKey('members', 'e:bob.durand@example.org')).toBe(true);
    expect(e.hasKey('communications', 'x')).toBe(false);
    expect(e.fyStartMonth).toBe(1);
  });

  it('reads dues terms by the Settings’ first month of the fiscal year', () => {
    // Fiscal years from September: a term starting 15/03/2026 belongs to 2025-2026 (FY 2025);
    // from January it would be 2026.
    const tabs = clubTabs();
    tabs[2].values.push(['M007', '15/03/2026', '50', '15/03/2026', '']);
    tabs.push({
      name: 'Paramètres',
      values: [
        ['Clé', 'Valeur'],
        ['fiscal_year_start_month', '9'],
      ],
    });
    const september = new Existing(tabs, 'Europe/Paris');
    expect(september.fyStartMonth).toBe(9);
    expect(september.hasKey('dues', 'm:M007|2025')).toBe(true);
    expect(september.naturalKey('dues', { member_id: 'Bob Durand', term: '01/10/2025' })).toBe('m:M007|2025');
    const january = new Existing(clubTabs().concat(), 'Europe/Paris');
    expect(january.naturalKey('dues', { member_id: 'Bob Durand', term: '01/10/2025' })).toBe('m:M007|2025');
    expect(january.naturalKey('dues', { member_id: 'Bob Durand', term: '15/03/2026' })).toBe('m:M007|2026');
    expect(september.naturalKey('dues', { member_id: 'Bob Durand', term: '15/03/2026' })).toBe('m:M007|2025');
  });
});

describe('the natural key of a row to add', () => {
  const e = () => new Existing(clubTabs(), 'Europe/Paris');

  it('keys members by email, lower case; none without one', () => {
    expect(e().naturalKey('members', { email: ' Zoe@Klein.FR ' })).toBe('e:zoe@klein.fr');
    expect(e().naturalKey('members', { email: '  ', first_name: 'Zoé' })).toBeNull();
    expect(e().naturalKey('members', { email: null })).toBeNull();
    expect(e().naturalKey('members', { first_name: 'Zoé' })).toBeNull();
  });

  it('keys dues by person and fiscal year, from a number or a text term; none for a bad term', () => {
    expect(e().naturalKey('dues', { member_id: 'M001', term: 2026 })).toBe('m:M001|2026');
    expect(e().naturalKey('dues', { member_id: 'anne@example.org', term: '2026/27' })).toBe('m:M001|2026');
    expect(e().naturalKey('dues', { member_id: 'Zoé Klein', term: 'FY2024' })).toBe('n:zoe klein|2024');
    expect(e().naturalKey('dues', { member_id: 'M001', term: '2025-2027' })).toBeNull();
    expect(e().naturalKey('dues', { member_id: 'M001', term: '' })).toBeNull();
    expect(e().naturalKey('dues', { member_id: 'M001' })).toBeNull();
  });

  it('keys events by ID, attendance by event and person, communications by date and campaign', () => {
    expect(e().naturalKey('events', { event_id: ' EV-9 ', title: 'x' })).toBe('id:EV-9');
    expect(e().naturalKey('events', { event_id: '', title: 'x' })).toBeNull();
    expect(e().naturalKey('attendance', { event_id: 'EV-1', member: 'BOB.durand@example.org' })).toBe(
      'EV-1|m:M007',
    );
    expect(e().naturalKey('attendance', { event_id: 'EV-1', member: 'Visiteur 1 de Bob' })).toBe(
      'EV-1|n:visiteur 1 de bob',
    );
    expect(e().naturalKey('communications', { date: '2026-03-02', campaign: 'Lettre de Mars !' })).toBe(
      '2026-03-02|lettredemars',
    );
    // Referrals and interactions are compared by source reference only.
    expect(e().naturalKey('referrals', { date: '2026-03-02', giver: 'M001' })).toBeNull();
    expect(e().naturalKey('interactions', { date: '2026-03-02', member: 'M001' })).toBeNull();
  });

  it('keys a signed answer by its whole content, and never an anonymous one', () => {
    const answer = {
      survey_id: 'S-2026',
      submitted_at: '2026-03-02 10:15:00',
      member: 'anne@example.org',
      event_id: 'EV-1',
      nps: 9,
      comment: '  Très BIEN ',
    };
    const key = e().naturalKey('responses', answer);
    expect(key?.startsWith('S-2026|2026-03-02 10:15:00|m:M001|ev-1|9|')).toBe(true);
    // Answers are compared without case or accents.
    expect(key).toContain('|tres bien|');
    // Another comment is another answer.
    expect(e().naturalKey('responses', { ...answer, comment: 'Moyen' })).not.toBe(key);
    expect(e().naturalKey('responses', { ...answer, member: '' })).toBeNull();
  });
});
