/**
 * The renewal season (src/core/renewal.ts), hand-worked where test/core/renewal.test.ts leaves room
 * (issue 23): the period of the printable statement through the season, who is chased after the
 * reminder (not who left since the term ended nor who joined after it), nobody to call before the
 * reminder's day, and what makes a member erased.
 *
 * Terms are calendar years (January, the default). Term 2026 ends 31/12/2026; the reminder is due
 * 7 days into term 2027, on Friday 08/01/2027, and followed up 60 days, until 09/03/2027.
 */

import { describe, expect, it } from 'vitest';
import { readClubTabs } from '../../../src/core/club-tabs';
import { dayFromIso, isoOf } from '../../../src/core/dates';
import { readMailMemory } from '../../../src/core/mail-log';
import { buildClub, type Member } from '../../../src/core/model';
import { isErased, planRenewalMails, renewalWindow, statementPeriod } from '../../../src/core/renewal';
import { defaultSettings } from '../../../src/core/settings';
import { MEMBERS_HEADER, tab } from '../fixtures';

const day = (iso: string) => dayFromIso(iso)!;

describe('the period of the printable statement', () => {
  const period = (iso: string, fyStartMonth = 1) => {
    const s = defaultSettings();
    s.fyStartMonth = fyStartMonth;
    const p = statementPeriod(day(iso), s);
    return [p.label, p.kind, isoOf(p.start), isoOf(p.end)].join(' ');
  };

  it('is the term the renewal e-mails cover until the reminder’s follow-up ends, then the current term', () => {
    expect(period('2026-06-15')).toBe('2026 fiscal_year 2026-01-01 2026-12-31');
    // Statements of 2026 go from 03/12/2026.
    expect(period('2026-12-10')).toBe('2026 fiscal_year 2026-01-01 2026-12-31');
    // Term 2027 has started but the reminder of 08/01/2027 is not due yet: still 2026.
    expect(period('2027-01-05')).toBe('2026 fiscal_year 2026-01-01 2026-12-31');
    expect(period('2027-01-08')).toBe('2026 fiscal_year 2026-01-01 2026-12-31');
    expect(period('2027-03-09')).toBe('2026 fiscal_year 2026-01-01 2026-12-31');
    expect(period('2027-03-10')).toBe('2027 fiscal_year 2027-01-01 2027-12-31');
    // September terms: term 2026-2027 runs 01/09/2026–31/08/2027.
    expect(period('2027-05-02', 9)).toBe('2026-2027 fiscal_year 2026-09-01 2027-08-31');
  });

  it('the window’s covered term is a fiscal year', () => {
    expect(renewalWindow(day('2026-12-04'), defaultSettings()).covered.kind).toBe('fiscal_year');
  });
});

// M1 Ana a@x.fr, a non-payer of 2027 who can be written to. M2 Léa, no address, left 05/01/2027
// (after the term ended: not chased). M3 Marc, no address, joined 02/01/2027 (not a member of the
// ended term: not chased). M4 Nina, no address, a non-payer: to call at once.
function plan(today: string, ...log: unknown[][]) {
  const read = readClubTabs(
    [
      tab('Membres', MEMBERS_HEADER, [
        ['M1', 'Ana', 'Lopez', 'a@x.fr', '10/01/2025', '', ''],
        ['M2', 'Léa', 'Morel', '', '10/01/2025', '05/01/2027', 'ancien'],
        ['M3', 'Marc', 'Roy', '', '02/01/2027', '', ''],
        ['M4', 'Nina', 'Faure', '', '10/01/2025', '', ''],
      ]),
      tab(
        'Cotisations',
        ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
        [['M1', '2026', 300, '15/01/2026', 'payé']],
      ),
      tab(
        'Paramètres',
        ['Clé', 'Valeur'],
        [
          ['automatisation', 'oui'],
          ['renouvellement', 'oui'],
          ['renouvellement_lien', 'https://club.example/renouveler'],
        ],
      ),
    ],
    'fr_FR',
    'Europe/Paris',
  );
  const club = buildClub(read.tabs, day(today), read.issues);
  const header = ['Date', 'Type', 'Enquête ou relance', 'ID membre', 'E-mail', 'Résultat', 'Quota restant'];
  return planRenewalMails(club, readMailMemory([header, ...log]), day(today), read.settings);
}

describe('who is chased after the term', () => {
  it('nobody to call before the reminder’s day', () => {
    expect(plan('2027-01-07')).toMatchObject({ mails: [], toCall: [] });
  });

  it('reminds and lists only members of the ended term still members today', () => {
    const due = plan('2027-01-08');
    expect(due.mails.map((m) => `${m.member.id} ${m.kind}`)).toEqual(['M1 reminder']);
    expect(due.toCall.map((c) => `${c.member.id} ${c.reason}`)).toEqual(['M4 no_address']);
    const after = plan('2027-01-20', [
      '2027-01-08',
      'rappel',
      'RENOUVELLEMENT-2027',
      'M1',
      'a@x.fr',
      'envoyé',
      50,
    ]);
    expect(after.toCall.map((c) => [c.member.id, c.remindedOn, c.reason])).toEqual([
      ['M1', '2027-01-08', 'reminded'],
      ['M4', null, 'no_address'],
    ]);
  });
});

describe('isErased', () => {
  const member = (profile: Record<string, string>) => ({ profile }) as unknown as Member;
  it('is set by a non-blank « Effacé le », not by a blank or missing one', () => {
    expect(isErased(member({ erased_on: '2026-10-01' }))).toBe(true);
    expect(isErased(member({ erased_on: '   ' }))).toBe(false);
    expect(isErased(member({}))).toBe(false);
  });
});
