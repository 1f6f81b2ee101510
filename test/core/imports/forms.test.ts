/**
 * Google Forms response sheets → Responses, with the proposed column mapping. The two files are
 * hand-made fixtures built from reference/export-formats.md §2 (test/fixtures/imports/), not real
 * exports: the English one as a Sheet download (CRLF records, an LF inside a quoted answer, US
 * timestamps), the French one with Club Pulse's own cold-survey questions (SPEC §9).
 */

import { describe, expect, it } from 'vitest';
import { proposeMapping } from '../../../src/core/imports';
import { added, fixtureRows, plan, type Tabs, write } from './helpers';

const EN = 'Club survey (Responses) - Form Responses 1.csv';
const FR = 'Enquête froide (réponses) - Réponses au formulaire 1.csv';

const tabs: Tabs = [
  {
    name: 'Membres',
    values: [
      ['ID membre', 'Prénom', 'Nom', 'E-mail', "Date d'adhésion"],
      ['M003', 'Alice', 'Martin', 'Alice.Martin@example.org', '01/01/2024'],
    ],
  },
];

describe('proposeMapping', () => {
  it('maps English question titles', () => {
    expect(proposeMapping(fixtureRows(EN)[0])).toEqual({
      Timestamp: 'submitted_at',
      'Email address': 'member',
      'How likely are you to recommend the club to a friend?': 'nps',
      'How satisfied were you with the event?': 'satisfaction',
      'How many new contacts did you make?': 'contacts_made',
      'How many of them are promising contacts?': 'decisive_contacts',
      'What brought you the most?': 'most_valuable',
      'Any other comment?': 'comment',
      'Rate the venue [Room]': '',
    });
  });

  it('maps French question titles, Club Pulse’s own cold survey included', () => {
    expect(proposeMapping(fixtureRows(FR)[0])).toEqual({
      Horodateur: 'submitted_at',
      'Adresse e-mail': 'member',
      'Recommanderiez-vous ce réseau à un proche ?': 'nps',
      "Qu'avez-vous retiré de plus bénéfique sur les 3 derniers mois ?": 'most_valuable',
      "Qu'attendez-vous lorsque vous payez votre cotisation ?": 'expectations',
      "Sentiment d'appartenance (1 à 5)": 'belonging',
      'Entraide entre membres (1 à 5)': 'mutual_help',
      'Formats préférés': 'preferred_formats',
      Commentaire: 'comment',
    });
  });

  it('gives each Responses column to one export column only, and maps hot-survey wording', () => {
    expect(
      proposeMapping([
        'Horodatage',
        'Code membre',
        'Êtes-vous satisfait de cet événement ?',
        'Satisfaction globale',
        'Valeur de la rencontre la plus utile',
        'Combien de contacts avez-vous noués ?',
        'Dont combien de contacts prometteurs ?',
      ]),
    ).toEqual({
      Horodatage: 'submitted_at',
      'Code membre': 'member',
      'Êtes-vous satisfait de cet événement ?': 'satisfaction',
      'Satisfaction globale': '',
      'Valeur de la rencontre la plus utile': 'connection_value',
      'Combien de contacts avez-vous noués ?': 'contacts_made',
      'Dont combien de contacts prometteurs ?': 'decisive_contacts',
    });
  });
});

describe('Google Forms import', () => {
  // Line 2: 8/21/2026 (21 > 12: this file writes the month first, whatever the club's locale),
  //   Alice (known by email in another case → M003), NPS 9, satisfaction 5, 3 contacts, 1 promising,
  //   a checkbox answer with ", ", a comment with a newline.
  // Line 3: someone@else.org (not a member: the email is kept, the reader will report it).
  // Line 4: only a timestamp and an unmapped grid answer → skipped.
  const p = plan(fixtureRows(EN), EN, { existing: { tabs } });

  it('adds one Responses row per answer under a survey named after the form', () => {
    expect(p.source).toBe('google_forms');
    const rows = added(p, 'responses');
    expect(rows[0]).toMatchObject({
      submitted_at: '2026-08-21',
      survey_id: 'GF-club-survey',
      kind: '',
      member: 'M003',
      nps: 9,
      satisfaction: 5,
      contacts_made: 3,
      decisive_contacts: 1,
      most_valuable: 'The speed networking, the breakfast',
      comment: 'Great\nsee you soon',
    });
    expect(rows[1]).toMatchObject({
      submitted_at: '2026-08-22',
      member: 'someone@else.org',
      nps: 6,
      satisfaction: 3,
    });
    expect(rows).toHaveLength(2);
    expect(p.skipped).toEqual([{ line: 4, reason: 'réponse sans aucune valeur à importer.' }]);
  });

  it('says the mapping is only proposed until the user confirms it', () => {
    expect(p.mapping?.confirmed).toBe(false);
    expect(p.notes).toContain(
      'Correspondance des colonnes proposée d’après l’intitulé des questions : vérifiez-la avant d’importer.',
    );
    expect(p.notes).toContain('Les réponses sont rangées sous l’enquête « GF-club-survey ».');
  });

  it('follows a confirmed mapping', () => {
    const mapping = {
      ...p.mapping!.columns,
      'Any other comment?': '',
      'How satisfied were you with the event?': '',
    };
    const q = plan(fixtureRows(EN), EN, { existing: { tabs }, mapping });
    expect(q.mapping).toEqual({ columns: mapping, confirmed: true });
    expect(added(q, 'responses')[0]).toMatchObject({ comment: '', satisfaction: '', nps: 9 });
    expect(q.notes).not.toContain(p.notes[0]);
  });

  it('adds nothing when imported again', () => {
    const again = plan(fixtureRows(EN), EN, { existing: { tabs: write(tabs, p) } });
    expect(again.additions).toEqual([]);
    expect(again.skipped.map((s) => s.line)).toEqual([2, 3, 4]);
  });

  // French file: 01/10/2026 and 02/10/2026 cannot tell day from month: the club's locale decides.
  // Line 3 keeps "onze" (NPS) and 6 (belonging, out of 1–5) as typed, for the reader to report.
  it('reads ambiguous dates by the club locale and keeps unreadable scale answers as typed', () => {
    const fr = plan(fixtureRows(FR), FR);
    expect(
      added(fr, 'responses').map((r) => [
        r.submitted_at,
        r.survey_id,
        r.member,
        r.nps,
        r.belonging,
        r.mutual_help,
      ]),
    ).toEqual([
      ['2026-10-01', 'GF-enquete-froide', 'claire.petit@example.org', 10, 4, 5],
      ['2026-10-02', 'GF-enquete-froide', 'inconnu@example.org', 'onze', '6', 3],
    ]);
    expect(added(fr, 'responses')[0]).toMatchObject({
      most_valuable: 'Des clients',
      expectations: 'Du réseau',
      preferred_formats: 'Petit-déjeuner, Afterwork',
    });
    const us = plan(fixtureRows(FR), FR, { locale: 'en_US', lang: 'en' });
    expect(added(us, 'responses').map((r) => r.submitted_at)).toEqual(['2026-01-10', '2026-02-10']);
  });
});

describe('anonymous answers (issue 14)', () => {
  const header = ['Horodateur', 'Recommanderiez-vous ce réseau à un proche ?', 'Commentaire', 'Salle'];
  const FILE = 'Enquête anonyme (réponses) - Réponses au formulaire 1.csv';

  it('are never merged: alike answers of the same day, at other times or in other columns, all count', () => {
    const rows = [
      header,
      ['10/03/2026 18:00:01', '9', 'Bien', 'A'],
      ['10/03/2026 18:00:02', '9', 'Bien', 'A'],
      ['10/03/2026 21:15:00', '9', 'Bien', 'A'],
      ['10/03/2026 21:15:00', '9', 'Bien', 'B'],
    ];
    const p = plan(rows, FILE);
    expect(added(p, 'responses')).toHaveLength(4);
    expect(p.skipped).toEqual([]);
    // The same file again adds nothing: each row is known by its whole content.
    const again = plan(rows, FILE, { existing: { tabs: write([], p) } });
    expect(again.additions).toEqual([]);
    expect(again.skipped.map((s) => s.line)).toEqual([2, 3, 4, 5]);
  });

  it('are one answer only when the whole row, timestamp to the second included, is repeated', () => {
    const row = ['10/03/2026 18:00:01', '9', 'Bien', 'A'];
    const p = plan([header, row, [...row]], FILE);
    expect(added(p, 'responses')).toHaveLength(1);
    expect(p.skipped.map((s) => s.line)).toEqual([3]);
  });
});
