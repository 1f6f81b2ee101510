/**
 * Hand-worked tests for reading the tracking tabs (src/core/read.ts), written against the survivors
 * of its mutation run (issue 23): tabs that are not tracking tabs, near-miss headers at the length
 * limits, headers typed with spaces or twice, the Settings tab with a club's comment column, the raw
 * text and time of day a row keeps for later issues, scale / number / month columns, a required
 * date that keeps its row, and the cut of a long quoted value. Every tab is built as Apps Script's
 * getValues gives it (strings as typed, numbers, Date objects), inside each test.
 */

import { describe, expect, it } from 'vitest';
import { cellLocaleOf } from '../../../src/core/cells';
import { isoOf } from '../../../src/core/dates';
import { IssueLog } from '../../../src/core/issues';
import { ISSUE_VALUE_MAX, issueValue, type RawTab, readTabs } from '../../../src/core/read';
import { sheetDate, tab } from '../fixtures';

function read(tabs: RawTab[], lang: 'fr' | 'en' = 'fr') {
  const log = new IssueLog(lang);
  const result = readTabs(tabs, {
    lang,
    locale: cellLocaleOf(lang === 'fr' ? 'fr_FR' : 'en_GB', 'Europe/Paris'),
    fyStartMonth: 1,
    issues: log,
  });
  return { result, issues: log.issues };
}

describe('issueValue: the quoted value of an issue', () => {
  it('keeps a value of exactly 200 characters and cuts one of 201 to 199 characters and an ellipsis', () => {
    expect(ISSUE_VALUE_MAX).toBe(200);
    const exact = 'é'.repeat(200);
    // 200 ≤ 200: unchanged.
    expect(issueValue(exact)).toBe(exact);
    // 201 > 200: the first 199 characters, then `…` — 200 characters in all.
    const long = `${'a'.repeat(199)}bc`;
    expect(issueValue(long)).toBe(`${'a'.repeat(199)}…`);
    expect(issueValue(long)).toHaveLength(200);
  });

  it('cuts the value a bad cell is quoted with, and the raw text of a row', () => {
    const huge = `x${'9'.repeat(299)}`; // 300 characters, not a date
    const { result, issues } = read([
      tab(
        'Membres',
        ['ID membre', "Date d'adhésion", 'Entreprise'],
        [
          ['M001', huge, 'Dupont SARL'],
          ['M002', '15/01/2025', huge],
        ],
      ),
    ]);
    // Row 2: the bad required date is reported (the row stays: joined_on keeps its row), quoted cut.
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 2, column: "Date d'adhésion", code: 'bad_date' });
    expect(issues[0].value).toBe(`x${'9'.repeat(198)}…`);
    // Row 3: the company is read whole, its raw text for later issues is cut the same way.
    const row3 = result.get('members')!.rows[1];
    expect(row3.v.company).toBe(huge);
    expect(row3.raw('company')).toBe(`x${'9'.repeat(198)}…`);
  });
});

describe('tabs', () => {
  it('passes over sheets that are not tracking tabs, before and after the tracking ones', () => {
    const { result, issues } = read([
      tab('Notes du bureau', ['Qui', 'Quoi'], [['Anne', 'relancer']]),
      tab('Membres', ['ID membre', "Date d'adhésion"], [['M001', '15/01/2025']]),
      tab('Feuille 3', []),
    ]);
    expect(issues).toEqual([]);
    expect(result.get('members')!.found).toBe(true);
    expect(result.get('members')!.rows.map((r) => r.v.member_id)).toEqual(['M001']);
  });
});

describe('near-miss headers at the length limits', () => {
  it('reports a 4-letter header one edit from a spelling (« Emai » → E-mail)', () => {
    // normalizeLabel('Emai') = 'emai', 4 letters: the near-miss search runs; 'email' is 1 edit away.
    const { issues } = read([tab('Membres', ['ID membre', "Date d'adhésion", 'Emai'])]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 1, column: 'Emai', code: 'unknown_header' });
    expect(issues[0].message).toContain('« E-mail »');
  });

  it('does not guess for a 3-letter header (« Mai » is 1 edit from « mail » but too short)', () => {
    const { result, issues } = read([
      tab('Membres', ['ID membre', "Date d'adhésion", 'Mai'], [['M001', '15/01/2025', 'x']]),
    ]);
    expect(issues).toEqual([]);
    expect([...result.get('members')!.headers.keys()]).toEqual(['member_id', 'joined_on']);
  });

  it('does not suggest a spelling under 4 letters (« Télé » is 1 edit from « tel »)', () => {
    // 'tele' has 4 letters, but its only spelling within two edits is 'tel' (Téléphone's alias),
    // too short to be suggested: the column is ignored silently.
    const { issues } = read([tab('Membres', ['ID membre', "Date d'adhésion", 'Télé'])]);
    expect(issues).toEqual([]);
  });

  it('suggests a spelling of exactly 4 letters (« Sitte » → « site », Site web)', () => {
    const { issues } = read([tab('Membres', ['ID membre', "Date d'adhésion", 'Sitte'])]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ column: 'Sitte', code: 'unknown_header' });
    expect(issues[0].message).toContain('« Site web »');
  });
});

describe('headers as typed', () => {
  it('keeps the header trimmed of the spaces typed around it', () => {
    const { result } = read([tab('Membres', ['  ID membre ', " Date d'adhésion  ", '\tE-mail '])]);
    const headers = result.get('members')!.headers;
    expect(headers.get('member_id')).toBe('ID membre');
    expect(headers.get('joined_on')).toBe("Date d'adhésion");
    expect(headers.get('email')).toBe('E-mail');
  });

  it('reads the first of two columns that name the same field and reports the second', () => {
    // 'E-mail' (column C) and 'Courriel' (column E, an alias) both name email: C is read.
    const { result, issues } = read([
      tab(
        'Membres',
        ['ID membre', "Date d'adhésion", 'E-mail', 'Prénom', 'Courriel'],
        [['M001', '15/01/2025', 'anne@club.fr', 'Anne', 'ancienne@club.fr']],
      ),
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      tab: 'Membres',
      row: 1,
      column: 'Courriel',
      value: 'Courriel',
      code: 'duplicate_column',
    });
    expect(issues[0].message).toBe('Colonne « Courriel » en double : seule la première est lue.');
    const members = result.get('members')!;
    expect(members.headers.get('email')).toBe('E-mail');
    expect(members.rows[0].v.email).toBe('anne@club.fr');
    expect(members.rows[0].v.first_name).toBe('Anne');
  });
});

describe('Settings: header row optional', () => {
  it('takes row 1 as a header when one of its cells names a column, even beside a comment column', () => {
    // 'Clé' and 'Valeur' name the columns, 'Commentaire' does not: row 1 is a header, so the only
    // setting is on sheet row 2.
    const { result } = read([
      tab('Paramètres', ['Clé', 'Valeur', 'Commentaire'], [['objectif.adherents', '120', 'voté en AG']]),
    ]);
    const rows = result.get('settings')!.rows;
    expect(rows.map((r) => [r.row, r.v.key, r.v.value])).toEqual([[2, 'objectif.adherents', '120']]);
  });
});

describe('what a row keeps for later issues', () => {
  it('gives the raw text of each read column, empty for a blank cell or an absent column', () => {
    const { result } = read([
      tab(
        'Membres',
        ['ID membre', "Date d'adhésion", 'E-mail', 'Téléphone'],
        [['M001', sheetDate('2025-01-15'), 'anne@club.fr', '']],
      ),
    ]);
    const row = result.get('members')!.rows[0];
    expect(row.raw('member_id')).toBe('M001');
    // A Date cell as its ISO day in the sheet's zone.
    expect(row.raw('joined_on')).toBe('2025-01-15');
    expect(row.raw('email')).toBe('anne@club.fr');
    // A blank cell and a column the tab does not have.
    expect(row.raw('phone')).toBe('');
    expect(row.raw('website')).toBe('');
    // Only Responses rows give a time of day: here even a date column's is null.
    expect(row.time('joined_on')).toBeNull();
  });

  it('gives a Responses row the time of day of its timestamp, null for an absent column', () => {
    // 12 March 2026 14:30 in Paris (UTC+1 before the end of March): 14 × 3600 + 30 × 60 = 52,200 s.
    const { result } = read([
      tab(
        'Réponses',
        ['Horodatage', 'ID enquête', 'NPS'],
        [[new Date('2026-03-12T13:30:00Z'), 'COLD-2026-S1', 9]],
      ),
    ]);
    const row = result.get('responses')!.rows[0];
    expect(isoOf(row.v.submitted_at as number)).toBe('2026-03-12');
    expect(row.time!('submitted_at')).toBe(52_200);
    expect(row.time!('event_id')).toBeNull();
  });
});

describe('required values', () => {
  it('keeps a member row whose date of joining is empty, with one issue', () => {
    // joined_on is required but keeps its row (a member is still resolved by the other tabs).
    const { result, issues } = read([
      tab(
        'Membres',
        ['ID membre', "Date d'adhésion"],
        [
          ['M001', ''],
          ['M002', '03/02/2025'],
        ],
      ),
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      row: 2,
      column: "Date d'adhésion",
      value: '',
      code: 'missing_required',
    });
    const rows = result.get('members')!.rows;
    expect(rows.map((r) => [r.row, r.v.member_id, r.v.joined_on === null])).toEqual([
      [2, 'M001', true],
      [3, 'M002', false],
    ]);
  });
});

describe('columns by kind', () => {
  it('reads survey scales within their bounds: NPS 0–10, satisfaction 1–5', () => {
    const { result, issues } = read([
      tab(
        'Réponses',
        ['Horodatage', 'ID enquête', 'NPS', 'Satisfaction'],
        [
          ['12/03/2026', 'HOT-E1', 10, 5], // both at their top: kept
          ['12/03/2026', 'HOT-E1', 0, 1], // both at their bottom: kept
          ['12/03/2026', 'HOT-E1', 11, 0], // 11 > 10, 0 < 1: both reported, read as empty
          ['12/03/2026', 'HOT-E1', '7,5', 6], // not whole, 6 > 5: both reported
        ],
      ),
    ]);
    const rows = result.get('responses')!.rows;
    expect(rows.map((r) => [r.v.nps, r.v.satisfaction])).toEqual([
      [10, 5],
      [0, 1],
      [null, null],
      [null, null],
    ]);
    expect(issues.map((i) => [i.row, i.column, i.value, i.code])).toEqual([
      [4, 'NPS', '11', 'out_of_range'],
      [4, 'Satisfaction', '0', 'out_of_range'],
      [5, 'NPS', '7,5', 'out_of_range'],
      [5, 'Satisfaction', '6', 'out_of_range'],
    ]);
    expect(issues[0].message).toContain('0–10');
    expect(issues[1].message).toContain('1–5');
  });

  it('refuses a negative amount of dues but takes zero, French decimals and an empty cell', () => {
    const { result, issues } = read([
      tab(
        'Cotisations',
        ['ID membre', 'Période', 'Montant'],
        [
          ['M001', '2026', '-50'], // below the minimum 0: reported, row kept, amount empty
          ['M002', '2026', 0], // exactly the minimum: kept
          ['M003', '2026', '1 250,50'], // 1250.5
          ['M004', '2026', ''], // empty: no issue
        ],
      ),
    ]);
    expect(result.get('dues')!.rows.map((r) => [r.v.member_id, r.v.amount])).toEqual([
      ['M001', null],
      ['M002', 0],
      ['M003', 1250.5],
      ['M004', null],
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ row: 2, column: 'Montant', value: '-50', code: 'out_of_range' });
    expect(issues[0].message).toBe('Valeur « -50 » hors limites dans « Montant » (attendu : ≥ 0).');
  });

  it('reads the month of a challenge typed 03/2026 or 2026-04', () => {
    const { result, issues } = read([
      tab(
        'Défis',
        ['Mois', 'Défi'],
        [
          ['03/2026', 'amener un invité'],
          ['2026-04', 'Amener un invité'],
        ],
      ),
    ]);
    expect(issues).toEqual([]);
    expect(result.get('challenges')!.rows.map((r) => [isoOf(r.v.month as number), r.v.kind])).toEqual([
      ['2026-03-01', 'guest'],
      ['2026-04-01', 'guest'],
    ]);
  });
});
