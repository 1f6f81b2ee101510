/**
 * Google Forms response sheets (src/core/imports/forms.ts), hand-worked where
 * test/core/imports/forms.test.ts leaves room (issue 23): the proposed mapping when a timestamp
 * is not first or appears twice, duplicate question titles, confirmed mappings that leave out the
 * timestamp, name a column twice or name no Responses column, every bound of the scales and
 * counts, answers that are only a member or a survey id, the survey id taken from the sheet, the
 * form's name from every file name Google gives, and the row reference with its hash. Sheets
 * follow reference/export-formats.md §2; each expected row is worked out in a comment.
 */

import { describe, expect, it } from 'vitest';
import { proposeMapping } from '../../../src/core/imports';
import { formNameFromFileName } from '../../../src/core/imports/forms';
import type { ImportInput } from '../../../src/core/imports/types';
import { added, clubTabs, plan } from '../imports/helpers';

const FILE = 'Enquête chaude (réponses) - Réponses au formulaire 1.csv';
// Workbook of `clubTabs()`: M001 Anne Ancien (anne@example.org), M007 Bob Durand.
const tabs = clubTabs();
const forms = (rows: string[][], options: Partial<ImportInput> = {}) =>
  plan(rows, FILE, { existing: { tabs }, source: 'google_forms', ...options });
const reasons = (p: { skipped: Array<{ line: number; reason: string }> }) =>
  p.skipped.map((s) => [s.line, s.reason]);

/** djb2 over the cells joined by U+0001, in base 36 — the reference the mapper gives a row. */
function djb2(cells: string[]): string {
  let h = 5381;
  for (const ch of cells.join('\u0001')) h = (h * 33 + ch.charCodeAt(0)) % 2 ** 32;
  return h.toString(36);
}

describe('the proposed mapping', () => {
  it('gives the timestamp to the first column only, and each title once', () => {
    // « Horodatage » second: submitted_at is taken by column 0, so it is left out.
    expect(proposeMapping(['Horodateur', 'Horodatage', 'Commentaire', 'Commentaire'])).toEqual({
      Horodateur: 'submitted_at',
      Horodatage: '',
      // The same title twice: the first column's mapping is kept (the second is left out).
      Commentaire: 'comment',
    });
  });

  it('does not take a first column that is no timestamp for one', () => {
    // « Adresse e-mail » first is the member; « Timestamp » second is still the timestamp (by rule).
    expect(proposeMapping(['Adresse e-mail', 'Timestamp', 'Note NPS'])).toEqual({
      'Adresse e-mail': 'member',
      Timestamp: 'submitted_at',
      'Note NPS': 'nps',
    });
  });

  it('does not take a first column that only mentions a timestamp', () => {
    // « Dernier horodatage » and « Horodateur (heure de Paris) » are not exactly a timestamp title.
    expect(proposeMapping(['Dernier horodatage', 'Commentaire'])).toEqual({
      'Dernier horodatage': '',
      Commentaire: 'comment',
    });
    expect(proposeMapping(['Horodateur (heure de Paris)'])).toEqual({ 'Horodateur (heure de Paris)': '' });
  });

  it('reads titles with odd spacing and accents', () => {
    expect(proposeMapping(['  HORODATEUR ', 'Votre   e-mail', 'Êtes-vous  satisfait ?'])).toEqual({
      '  HORODATEUR ': 'submitted_at',
      'Votre   e-mail': 'member',
      'Êtes-vous  satisfait ?': 'satisfaction',
    });
  });
});

describe('the form’s name from the file name', () => {
  it.each([
    ['Club survey (Responses) - Form Responses 1.csv', 'Club survey'],
    ['Enquête froide (réponses) - Réponses au formulaire 1.csv', 'Enquête froide'],
    ['Enquête (Reponses).csv', 'Enquête'],
    ['Sondage - Réponses au formulaire 2.csv', 'Sondage'],
    ['Sondage-Form Responses.csv', 'Sondage'],
    ['C:\\Téléchargements\\Sondage de mars.xlsx', 'Sondage de mars'],
    ['/tmp/exports/Sondage (responses) copie.csv', 'Sondage'],
    ['Sondage', 'Sondage'],
    // A space before the extension; a dot inside the name; no space before « (réponses) ».
    ['Sondage .csv', 'Sondage'],
    ['Sondage v2.1 final.csv', 'Sondage v2.1 final'],
    ['Sondage(réponses).csv', 'Sondage'],
  ])('« %s » → « %s »', (file, name) => {
    expect(formNameFromFileName(file)).toBe(name);
  });

  it('files answers of a form without a usable name under GF-form', () => {
    const p = plan(
      [
        ['Horodateur', 'Commentaire'],
        ['10/03/2026 18:00:01', 'Bien'],
      ],
      '(réponses).csv',
      { source: 'google_forms' },
    );
    expect(added(p, 'responses').map((r) => r.survey_id)).toEqual(['GF-form']);
    expect(p.notes).toContain('Les réponses sont rangées sous l’enquête « GF-form ».');
  });
});

describe('scales and counts', () => {
  const HEADER = [
    'Horodateur',
    'Recommanderiez-vous le club ?',
    'Êtes-vous satisfait ?',
    'Combien de nouveaux contacts ?',
    'Dont combien de contacts prometteurs ?',
  ];

  it('keeps numbers inside their range and writes the rest as typed', () => {
    const p = forms([
      HEADER,
      // Line 2: the bounds: NPS 0, satisfaction 1, 0 contacts, 0 promising → all numbers.
      ['10/03/2026 18:00:01', '0', '1', '0', '0'],
      // Line 3: NPS 10, satisfaction 5, 120 contacts (no upper bound), 3 → numbers.
      ['10/03/2026 18:00:02', '10', '5', '120', '3'],
      // Line 4: NPS 11, satisfaction 0, −1 contacts, 2,5 promising → all as typed.
      ['10/03/2026 18:00:03', '11', '0', '-1', '2,5'],
      // Line 5: NPS −1, satisfaction 6, « trois » → as typed; 7,5 is no whole number.
      ['10/03/2026 18:00:04', '-1', '6', 'trois', '7,5'],
    ]);
    expect(
      added(p, 'responses').map((r) => [r.nps, r.satisfaction, r.contacts_made, r.decisive_contacts]),
    ).toEqual([
      [0, 1, 0, 0],
      [10, 5, 120, 3],
      ['11', '0', '-1', '2,5'],
      ['-1', '6', 'trois', '7,5'],
    ]);
  });

  it('reads the scales of belonging, mutual help and connection value from 1 to 5', () => {
    const p = forms([
      ['Horodateur', "Sentiment d'appartenance", 'Entraide entre membres', 'Valeur des rencontres'],
      ['10/03/2026 18:00:01', '1', '5', '3'],
      ['10/03/2026 18:00:02', '0', '6', '5,5'],
    ]);
    expect(added(p, 'responses').map((r) => [r.belonging, r.mutual_help, r.connection_value])).toEqual([
      [1, 5, 3],
      ['0', '6', '5,5'],
    ]);
  });
});

describe('answers', () => {
  it('skips a row whose only values are the member, the survey, its kind or its event', () => {
    const p = forms([
      ['Horodateur', 'Adresse e-mail', 'ID enquête', "Type d'enquête", 'Événement', 'Commentaire'],
      // Line 2: member, survey, kind and event but no answer → skipped.
      ['10/03/2026 18:00:01', 'anne@example.org', 'S-1', 'chaude', 'E-1', ''],
      // Line 3: a comment → one row, Anne as M001, the survey from its column.
      ['10/03/2026 18:00:02', 'anne@example.org', 'S-1', 'chaude', 'E-1', 'Bien'],
      // Line 4: blank (spaces) → passed over silently.
      ['  ', '', '', '', '', ''],
      // Line 5: an unknown e-mail is kept as typed, no survey id → the form's own.
      ['10/03/2026 18:00:05', 'x@example.org', '', '', '', 'Top'],
    ]);
    expect(
      added(p, 'responses').map((r) => [
        r.submitted_at,
        r.survey_id,
        r.kind,
        r.event_id,
        r.member,
        r.comment,
      ]),
    ).toEqual([
      ['2026-03-10', 'S-1', 'chaude', 'E-1', 'M001', 'Bien'],
      ['2026-03-10', 'GF-enquete-chaude', '', '', 'x@example.org', 'Top'],
    ]);
    expect(reasons(p)).toEqual([[2, 'réponse sans aucune valeur à importer.']]);
    // A survey id column: no note about the survey the answers are filed under.
    expect(p.notes).toEqual([
      'Correspondance des colonnes proposée d’après l’intitulé des questions : vérifiez-la avant d’importer.',
    ]);
  });

  it('skips a row with an unreadable timestamp, naming the column', () => {
    const p = forms([
      ['Horodateur', 'Commentaire'],
      ['hier soir', 'Bien'],
      ['', 'Bien'],
    ]);
    expect(reasons(p)).toEqual([
      [2, 'date illisible « hier soir » dans « Horodateur ».'],
      [3, 'date illisible «  » dans « Horodateur ».'],
    ]);
  });

  it('reads a short row’s missing cells as empty, and trims answers and timestamps', () => {
    const p = forms([
      ['Horodateur', 'Commentaire', 'Suggestion'],
      // Line 2: only the timestamp (a CSV row cut short) → no answer.
      ['10/03/2026 18:00:01'],
      // Line 3: answers of spaces only → no answer.
      ['10/03/2026 18:00:02', '   ', ' '],
      // Line 4: padded timestamp and answer → trimmed, in the row and in its reference.
      [' 10/03/2026 18:00:03 ', '  Bien  '],
    ]);
    expect(added(p, 'responses').map((r) => [r.submitted_at, r.comment, r.source_ref])).toEqual([
      [
        '2026-03-10',
        'Bien',
        `gforms:GF-enquete-chaude:10/03/2026 18:00:03:${djb2([' 10/03/2026 18:00:03 ', '  Bien  '])}`,
      ],
    ]);
    expect(reasons(p)).toEqual([
      [2, 'réponse sans aucune valeur à importer.'],
      [3, 'réponse sans aucune valeur à importer.'],
    ]);
  });

  it('reads a missing timestamp cell as empty when the timestamp is not the first column', () => {
    const p = forms([['Avis', 'Envoyé'], ['Bien'], ['Top', ' hier ']], {
      mapping: { Avis: 'comment', Envoyé: 'submitted_at' },
    });
    expect(reasons(p)).toEqual([
      [2, 'date illisible «  » dans « Envoyé ».'],
      [3, 'date illisible « hier » dans « Envoyé ».'],
    ]);
  });

  it('refers to a row by survey, timestamp and a hash of its cells', () => {
    // djb2 checked by hand on one cell: « a » → 5381 × 33 + 97 = 177670 = « 3t3a » in base 36.
    expect(djb2(['a'])).toBe('3t3a');
    const row = ['10/03/2026 18:00:01', 'Bien'];
    const p = forms([['Horodateur', 'Commentaire'], row]);
    expect(added(p, 'responses').map((r) => r.source_ref)).toEqual([
      `gforms:GF-enquete-chaude:10/03/2026 18:00:01:${djb2(row)}`,
    ]);
  });

  it('hashes long rows without overflowing 32 bits', () => {
    const long = 'Une réponse très longue, '.repeat(40);
    const row = ['10/03/2026 18:00:01', long];
    const p = forms([['Horodateur', 'Commentaire'], row]);
    const ref = String(added(p, 'responses')[0].source_ref);
    expect(ref).toBe(`gforms:GF-enquete-chaude:10/03/2026 18:00:01:${djb2(row)}`);
    expect(Number.parseInt(ref.split(':').at(-1) ?? '', 36)).toBeLessThan(2 ** 32);
  });
});

describe('confirmed mappings', () => {
  it('takes column 0 as the timestamp when the mapping names none, and the first of two columns', () => {
    const mapping = { Quand: '', Avis: 'comment', Autre: 'comment', Divers: 'pas-une-colonne' };
    const p = forms(
      [
        ['Quand', 'Avis', 'Autre', 'Divers'],
        ['10/03/2026 18:00:01', 'Bien', 'Ignoré', 'Ignoré aussi'],
      ],
      { mapping },
    );
    expect(p.mapping).toEqual({ columns: mapping, confirmed: true });
    expect(added(p, 'responses').map((r) => [r.submitted_at, r.comment])).toEqual([['2026-03-10', 'Bien']]);
    // Confirmed: only the survey note.
    expect(p.notes).toEqual(['Les réponses sont rangées sous l’enquête « GF-enquete-chaude ».']);
  });

  it('reads the timestamp from the column the mapping names, in the file’s own date order', () => {
    // « Envoyé » (column 1) is the timestamp; 13/03/2026 shows the file is day first, so
    // 03/04/2026 is 3 April even for a US spreadsheet.
    const mapping = { Avis: 'comment', Envoyé: 'submitted_at' };
    const p = forms(
      [
        ['Avis', 'Envoyé'],
        ['Bien', '03/04/2026 10:00:00'],
        ['Top', '13/03/2026 10:00:00'],
      ],
      { mapping, locale: 'en_US', lang: 'en' },
    );
    expect(added(p, 'responses').map((r) => [r.submitted_at, r.comment])).toEqual([
      ['2026-04-03', 'Bien'],
      ['2026-03-13', 'Top'],
    ]);
  });

  it('reads ambiguous timestamps in the spreadsheet’s locale', () => {
    const rows = [
      ['Horodateur', 'Commentaire'],
      ['03/04/2026 10:00:00', 'Bien'],
    ];
    expect(added(forms(rows), 'responses')[0].submitted_at).toBe('2026-04-03');
    expect(added(forms(rows, { locale: 'en_US' }), 'responses')[0].submitted_at).toBe('2026-03-04');
  });

  it('skips the same answer twice in the file', () => {
    const row = ['10/03/2026 18:00:01', 'anne@example.org', 'Bien'];
    const p = forms([['Horodateur', 'Adresse e-mail', 'Commentaire'], row, [...row]]);
    expect(added(p, 'responses')).toHaveLength(1);
    expect(reasons(p)).toEqual([
      [
        3,
        `doublon d’une ligne précédente du fichier (référence gforms:GF-enquete-chaude:10/03/2026 18:00:01:${djb2(row)}).`,
      ],
    ]);
  });
});
