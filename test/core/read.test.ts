/**
 * Reading the tracking tabs (SPEC §1, §12): tab and header matching in French and English, near
 * misses, missing required columns, duplicate tabs, blank rows, bad required and optional values,
 * and the issue fields (tab, 1-based row, header as typed, raw value, message in the language).
 */

import { describe, expect, it } from 'vitest';
import { cellLocaleOf } from '../../src/core/cells';
import { isoOf } from '../../src/core/dates';
import { type DataIssue, IssueLog } from '../../src/core/issues';
import { type RawTab, readTabs } from '../../src/core/read';
import { run, sheetDate, tab } from './fixtures';

function read(tabs: RawTab[], lang: 'fr' | 'en' = 'fr', locale = 'fr_FR') {
  const log = new IssueLog(lang);
  const result = readTabs(tabs, {
    lang,
    locale: cellLocaleOf(locale, 'Europe/Paris'),
    fyStartMonth: 1,
    issues: log,
  });
  return { result, issues: log.issues };
}

describe('headers', () => {
  it('matches labels whatever the accents, case and punctuation, in French or English, and column ids', () => {
    const { result, issues: found } = read([
      tab('MEMBRES', [
        'id membre',
        'PRENOM',
        'last name',
        'e mail',
        'DATE D ADHESION',
        'date_de_depart',
        'status',
      ]),
      tab('Events', ['event_id', 'date', 'Titre']),
    ]);
    expect(found).toEqual([]);
    const members = result.get('members')!;
    expect(members.usable).toBe(true);
    expect([...members.headers.keys()]).toEqual([
      'member_id',
      'first_name',
      'last_name',
      'email',
      'joined_on',
      'left_on',
      'status',
    ]);
    // The header as typed is kept for issues.
    expect(members.headers.get('joined_on')).toBe('DATE D ADHESION');
    expect(result.get('events')!.headers.get('event_id')).toBe('event_id');
  });

  it('reports a near-miss header naming the label it probably meant, and then the missing column', () => {
    const { result, issues: found } = read([
      tab('Membres', ['ID membre', "Date d'adhsion"], [['M001', '01/01/2025']]),
    ]);
    expect(found).toEqual([
      expect.objectContaining({
        tab: 'Membres',
        row: 1,
        column: "Date d'adhsion",
        value: "Date d'adhsion",
        code: 'unknown_header',
      }),
      expect.objectContaining({
        tab: 'Membres',
        row: null,
        column: "Date d'adhésion",
        code: 'missing_column',
      }),
    ]);
    expect(found[0].message).toContain("« Date d'adhésion »");
    expect(result.get('members')!.usable).toBe(false);
    expect(result.get('members')!.rows).toEqual([]);
  });

  it('ignores unknown columns silently', () => {
    const { result, issues: found } = read([
      tab(
        'Membres',
        ['ID membre', 'Commentaire interne du bureau', "Date d'adhésion", 'Couleur préférée'],
        [['M001', 'très actif', '01/01/2025', 'bleu']],
      ),
    ]);
    expect(found).toEqual([]);
    expect(result.get('members')!.rows[0].v).toEqual({ member_id: 'M001', joined_on: expect.any(Number) });
  });

  it('makes a tab without a required column unusable with one issue for the tab', () => {
    const { result, issues: found } = read([
      tab('Événements', ['ID événement', 'Titre'], [['E1', 'Petit-déj']]),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      tab: 'Événements',
      row: null,
      column: 'Date',
      value: '',
      code: 'missing_column',
    });
    expect(result.get('events')!).toMatchObject({ found: true, usable: false, rows: [] });
  });
});

describe('tabs', () => {
  it('reads the leftmost of a tab present in French and English and reports the other', () => {
    const { result, issues: found } = read([
      tab('Members', ['Member ID', 'Joined on'], [['M001', '01/01/2025']]),
      tab(
        'Membres',
        ['ID membre', "Date d'adhésion"],
        [
          ['X', '01/01/2025'],
          ['Y', '01/01/2025'],
        ],
      ),
    ]);
    expect(result.get('members')!.name).toBe('Members');
    expect(result.get('members')!.rows.map((r) => r.v.member_id)).toEqual(['M001']);
    expect(found).toEqual([
      expect.objectContaining({ tab: 'Membres', row: null, value: 'Membres', code: 'duplicate_tab' }),
    ]);
    expect(found[0].message).toContain('« Members »');
  });

  it('matches tab names leniently', () => {
    const { result } = read([tab('evenements', ['ID', 'event id', 'date'])]);
    expect(result.get('events')!.found).toBe(true);
  });

  it('reports absent tabs as not found', () => {
    const { result } = read([]);
    expect(result.get('referrals')!).toMatchObject({ found: false, usable: false, name: 'Recommandations' });
  });
});

describe('rows', () => {
  it('skips entirely empty rows silently and keeps the sheet row number', () => {
    const { result, issues: found } = read([
      tab(
        'Membres',
        ['ID membre', "Date d'adhésion"],
        [['', ''], ['M001', '01/01/2025'], ['  ', ''], [], ['M002', '02/01/2025']],
      ),
    ]);
    expect(found).toEqual([]);
    // Header is row 1; M001 is on row 3, M002 on row 6.
    expect(result.get('members')!.rows.map((r) => [r.row, r.v.member_id])).toEqual([
      [3, 'M001'],
      [6, 'M002'],
    ]);
  });

  it('leaves out a row with a bad or missing required value, keeps a row with a bad optional value', () => {
    const { result, issues: found } = read([
      tab(
        'Événements',
        ['ID événement', 'Date', 'Capacité'],
        [
          ['E1', '31/02/2026', 20],
          ['', '10/02/2026', 20],
          ['E3', '10/03/2026', 'vingt'],
        ],
      ),
    ]);
    expect(found.map((i) => [i.row, i.column, i.value, i.code])).toEqual([
      [2, 'Date', '31/02/2026', 'bad_date'],
      [3, 'ID événement', '', 'missing_required'],
      [4, 'Capacité', 'vingt', 'bad_number'],
    ]);
    const rows = result.get('events')!.rows;
    expect(rows.map((r) => r.v.event_id)).toEqual(['E3']);
    expect(rows[0].v.capacity).toBeNull();
  });

  it('keeps a member row with a bad joined_on (it still resolves references)', () => {
    const { result, issues: found } = read([
      tab('Membres', ['ID membre', "Date d'adhésion"], [['M001', 'hier']]),
    ]);
    expect(found[0]).toMatchObject({ row: 2, code: 'bad_date', value: 'hier' });
    expect(result.get('members')!.rows[0].v).toEqual({ member_id: 'M001', joined_on: null });
  });

  it('writes a Date cell in an issue as its ISO day in the sheet time zone', () => {
    const { issues: found } = read([
      tab(
        'Événements',
        ['ID événement', 'Date', 'Capacité'],
        [['E1', sheetDate('2026-03-15'), sheetDate('2026-03-15')]],
      ),
    ]);
    expect(found).toEqual([
      expect.objectContaining({ row: 2, column: 'Capacité', value: '2026-03-15', code: 'bad_number' }),
    ]);
  });

  it('reads Settings with or without a header row', () => {
    const withHeader = read([tab('Paramètres', ['Clé', 'Valeur'], [['hourly_value', 30]])]).result.get(
      'settings',
    )!;
    expect(withHeader.rows.map((r) => [r.row, r.v.key, r.v.value])).toEqual([[2, 'hourly_value', '30']]);
    const without = read([
      {
        name: 'Settings',
        values: [
          ['hourly_value', 30],
          ['club_name', 'Club'],
        ],
      },
    ]).result.get('settings')!;
    expect(without.rows.map((r) => [r.row, r.v.key])).toEqual([
      [1, 'hourly_value'],
      [2, 'club_name'],
    ]);
  });
});

const rowIssuesOf = (report: { issues: DataIssue[] }) => ({
  issues: report.issues.filter((i) => i.code !== 'missing_tab'),
});

describe('issue fields through computeReport', () => {
  const tabs = [
    tab(
      'Membres',
      ['ID membre', 'Prénom', 'Nom', "Date d'adhésion"],
      [['M001', 'Ana', 'Lopez', '31/02/2026']],
    ),
    tab('Événements', ['ID événement', 'Date'], [['E1', sheetDate('2026-03-15')]]),
    tab('Participations', ['ID événement', 'Membre', 'Présent'], [['E9', 'M001', 'oui']]),
  ];

  it('gives tab, row, column as typed, raw value and a French message for fr_FR', () => {
    // Row issues only: the tabs this workbook lacks are reported too (missing_tab, tested apart).
    const report = rowIssuesOf(run(tabs));
    expect(report.issues.map(({ message, ...rest }) => rest)).toEqual([
      { tab: 'Membres', row: 2, column: "Date d'adhésion", value: '31/02/2026', code: 'bad_date' },
      { tab: 'Participations', row: 2, column: 'ID événement', value: 'E9', code: 'unknown_event' },
    ]);
    expect(report.issues[0].message).toBe(
      "Date illisible « 31/02/2026 » dans « Date d'adhésion » (attendu : jj/mm/aaaa).",
    );
    expect(report.issues[1].message).toContain('Événement « E9 » introuvable');
  });

  it('gives English messages for en_GB', () => {
    const full = run(tabs, { locale: 'en_GB', timeZone: 'Europe/London' });
    expect(full.lang).toBe('en');
    const report = rowIssuesOf(full);
    expect(report.issues[0].message).toBe(
      'Unreadable date "31/02/2026" in "Date d\'adhésion" (expected: dd/mm/yyyy).',
    );
    expect(report.issues[1].message).toBe('Event "E9" not found in the events tab: the row is left out.');
  });

  it('reads dates in en_US month first', () => {
    const report = run(
      [
        tab('Members', ['Member ID', 'Joined on'], [['M001', '03/04/2026']]),
        tab('Settings', ['Key', 'Value'], []),
      ],
      { locale: 'en_US', timeZone: 'America/New_York' },
    );
    expect(isoOf(report.club.members[0].joinedOn!)).toBe('2026-03-04');
  });
});
