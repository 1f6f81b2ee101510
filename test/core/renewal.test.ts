/**
 * The renewal season's planner (issue 20), worked out by hand.
 *
 * Terms are fiscal years (Settings `fiscal_year_start_month`, January here): term 2026 runs from
 * 01/01/2026 to 31/12/2026. With 4 weeks before, statements go from 31/12/2026 − 28 days =
 * 03/12/2026 (a Thursday) to 31/12/2026; the reminder 7 days into term 2027, on 08/01/2027 (a
 * Friday), and stays due until 08/01/2027 + 60 days = 09/03/2027.
 *
 * Members (all joined 10/01/2025 unless said):
 *   M1 Alice  a@x.fr — 2026 dues 300 paid 15/12/2025 (in advance), 2027 dues paid 20/12/2026: a payer.
 *   M2 Bruno  b@x.fr — 2026 dues 300 paid 15/01/2026, nothing for 2027: a non-payer.
 *   M3 Chloé  no address.          M4 David  erased (« Effacé le » set), no address either.
 *   M5 Emma   « Pas d'e-mail » = oui.   M6 Farid left 30/06/2026.   M7 Gaëlle a prospect.
 *   M8 Hugo   h@x.fr joined 02/01/2027 (a member of the new term only, never chased for it).
 * Events: E1 10/03/2026 and E2 20/11/2026, M2 came to both, M1 to E1.
 * Referral: 01/05/2026 M1 → M2, won 4 500 €, closed 01/06/2026.
 *
 * M2's statement of 2026: events 2, given 0, received 1, business received 4 500 €, brought 0 €,
 * contents 0, dues 300 € → 4 500 ÷ 300 = 15,00 € per euro.
 * M1's: events 1, given 1, received 0, received 0 €, brought 4 500 €, dues 300 € (the 2026 row paid
 * in 2025 counts, the 2027 row paid in December 2026 does not) → 0,00 €.
 */

import { describe, expect, it } from 'vitest';
import { readClubTabs } from '../../src/core/club-tabs';
import { dayFromIso, isoOf } from '../../src/core/dates';
import { readMailMemory } from '../../src/core/mail-log';
import { renderMail } from '../../src/core/mail-templates';
import { buildClub } from '../../src/core/model';
import type { RawTab } from '../../src/core/read';
import { planRenewalMails, renewalWindow, termEnd } from '../../src/core/renewal';
import { isRenewalLink } from '../../src/core/renewal-settings';
import { defaultSettings } from '../../src/core/settings';
import { statementText } from '../../src/core/statement-words';
import { issues, MEMBERS_HEADER, run, tab } from './fixtures';

const day = (iso: string) => dayFromIso(iso)!;

const SETTINGS = [
  ['automatisation', 'oui'],
  ['renouvellement', 'oui'],
  ['renouvellement_lien', 'https://club.example/renouveler'],
];

function tabs(settings: unknown[][] = SETTINGS, dues: unknown[][] | null = DUES): RawTab[] {
  return [
    tab(
      'Membres',
      [...MEMBERS_HEADER, "Pas d'e-mail", 'Effacé le'],
      [
        ['M1', 'Alice', 'Martin', 'a@x.fr', '10/01/2025', '', '', '', ''],
        ['M2', 'Bruno', 'Petit', 'b@x.fr', '10/01/2025', '', '', '', ''],
        ['M3', 'Chloé', 'Durand', '', '10/01/2025', '', '', '', ''],
        ['M4', '', '', '', '10/01/2025', '', '', '', '01/10/2026'],
        ['M5', 'Emma', 'Roux', 'e@x.fr', '10/01/2025', '', '', 'oui', ''],
        ['M6', 'Farid', 'Saïd', 'f@x.fr', '10/01/2025', '30/06/2026', 'ancien', '', ''],
        ['M7', 'Gaëlle', 'Noir', 'g@x.fr', '10/01/2025', '', 'prospect', '', ''],
        ['M8', 'Hugo', 'Blanc', 'h@x.fr', '02/01/2027', '', '', '', ''],
      ],
    ),
    tab(
      'Événements',
      ['ID événement', 'Date'],
      [
        ['E1', '10/03/2026'],
        ['E2', '20/11/2026'],
      ],
    ),
    tab(
      'Participations',
      ['ID événement', 'Membre', 'Inscrit', 'Présent'],
      [
        ['E1', 'M1', 'oui', 'oui'],
        ['E1', 'M2', 'oui', 'oui'],
        ['E2', 'M2', 'oui', 'oui'],
      ],
    ),
    tab(
      'Recommandations',
      ['Date', 'Donneur', 'Bénéficiaire', 'Statut', 'Valeur', 'Date de clôture'],
      [['01/05/2026', 'M1', 'M2', 'gagné', 4_500, '01/06/2026']],
    ),
    ...(dues ? [tab('Cotisations', ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'], dues)] : []),
    tab('Paramètres', ['Clé', 'Valeur'], settings),
  ];
}

const DUES = [
  ['M1', '2026', 300, '15/12/2025', 'payé'],
  ['M1', '2027', 300, '20/12/2026', 'payé'],
  ['M2', '2026', 300, '15/01/2026', 'payé'],
];

function club(today: string, raw = tabs()) {
  const read = readClubTabs(raw, 'fr_FR', 'Europe/Paris');
  return { club: buildClub(read.tabs, day(today), read.issues), settings: read.settings };
}

const LOG_HEADER = ['Date', 'Type', 'Enquête ou relance', 'ID membre', 'E-mail', 'Résultat', 'Quota restant'];
const memory = (...rows: unknown[][]) => readMailMemory([LOG_HEADER, ...rows]);

const plan = (today: string, log = memory(), raw = tabs()) => {
  const c = club(today, raw);
  return planRenewalMails(c.club, log, day(today), c.settings);
};
const ids = (list: Array<{ member: { id: string } }>) => list.map((x) => x.member.id);

describe('the renewal settings', () => {
  it('are off by default, French keys first, English accepted; a bad value is reported and the default kept', () => {
    expect(defaultSettings().renewal).toEqual({ on: false, weeksBefore: 4, reminderDays: 7, link: '' });
    const good = run([
      tab(
        'Paramètres',
        ['Clé', 'Valeur'],
        [
          ['renouvellement', 'oui'],
          ['renewal_weeks_before', 6],
          ['Renouvellement rappel jours', 0],
          ['renewal_link', 'http://club.example:8080/renouveler?id=1#haut'],
        ],
      ),
    ]);
    expect(good.settings.renewal).toEqual({
      on: true,
      weeksBefore: 6,
      reminderDays: 0,
      link: 'http://club.example:8080/renouveler?id=1#haut',
    });
    for (const link of [
      'javascript:alert(1)',
      'https://x.fr/"><script>',
      'ftp://x.fr',
      'https://',
      'www.club.fr',
    ])
      expect(isRenewalLink(link), link).toBe(false);
    const bad = run([
      tab(
        'Paramètres',
        ['Clé', 'Valeur'],
        [
          ['renouvellement_lien', 'javascript:alert(1)'],
          ['renouvellement_semaines_avant', 0],
          ['renouvellement_rappel_jours', 'bientôt'],
        ],
      ),
    ]);
    expect(bad.settings.renewal).toEqual(defaultSettings().renewal);
    expect(issues(bad, 'bad_setting').map((i) => `${i.row} ${i.message}`)).toEqual([
      expect.stringMatching(/^2 .*lien http:\/\/ ou https:\/\/ attendu/),
      expect.stringMatching(/^3 .*entier de 1 à 26/),
      expect.stringMatching(/^4 .*nombre attendu/),
    ]);
  });
});

describe('the term and its end', () => {
  it('is the fiscal year of Settings: January by default, September when told', () => {
    expect(isoOf(termEnd(2026, 1))).toBe('2026-12-31');
    expect(isoOf(termEnd(2026, 9))).toBe('2027-08-31');
    const s = defaultSettings();
    const dec = renewalWindow(day('2026-12-04'), s);
    expect(dec).toMatchObject({ phase: 'statements', term: 2027, termLabel: '2027' });
    expect([isoOf(dec.covered.start), isoOf(dec.covered.end), isoOf(dec.opens)]).toEqual([
      '2026-01-01',
      '2026-12-31',
      '2026-12-03',
    ]);
    s.fyStartMonth = 9;
    const aug = renewalWindow(day('2027-08-03'), s);
    expect(aug).toMatchObject({ phase: 'statements', term: 2027, termLabel: '2027-2028' });
    expect(isoOf(aug.covered.end)).toBe('2027-08-31');
    expect(renewalWindow(day('2027-08-02'), s).phase).toBe('none');
  });

  it('opens N weeks before the end, reminds from the first weekday N days into the new term, then stops', () => {
    const s = defaultSettings();
    const phase = (iso: string) => renewalWindow(day(iso), s).phase;
    expect(phase('2026-12-02')).toBe('none');
    expect(phase('2026-12-03')).toBe('statements');
    expect(phase('2026-12-31')).toBe('statements');
    expect(phase('2027-01-01')).toBe('none');
    expect(phase('2027-01-07')).toBe('none');
    expect(isoOf(renewalWindow(day('2027-01-07'), s).reminderDue)).toBe('2027-01-08');
    expect(phase('2027-01-08')).toBe('reminders');
    expect(phase('2027-03-09')).toBe('reminders');
    expect(phase('2027-03-10')).toBe('none');
    // Two weeks before, reminder 0 days in: 01/01/2028 is a Saturday, so Monday 03/01/2028.
    s.renewal.weeksBefore = 2;
    s.renewal.reminderDays = 0;
    expect(phase('2027-12-16')).toBe('none');
    expect(phase('2027-12-17')).toBe('statements');
    expect(isoOf(renewalWindow(day('2028-01-02'), s).reminderDue)).toBe('2028-01-03');
  });
});

describe('planRenewalMails', () => {
  it('sends each active member their statement in the window, skips and reports the others', () => {
    expect(plan('2026-12-02').mails).toEqual([]);
    const p = plan('2026-12-03');
    expect(p.on).toBe(true);
    expect(p.mails.map((m) => `${m.member.id} ${m.kind}`)).toEqual(['M1 invitation', 'M2 invitation']);
    expect(p.skipped.map((s) => `${s.member.id} ${s.reason}`)).toEqual([
      'M3 no_address',
      'M4 erased',
      'M5 no_email',
    ]);
    expect(p.toCall).toEqual([]);
    const [alice, bruno] = p.mails.map((m) => m.statement);
    expect(statementText(bruno!, 'fr', 'EUR').split('\n')).toEqual([
      '- Événements suivis : 2',
      '- Recommandations données : 0',
      '- Recommandations reçues : 1',
      '- Affaires reçues : 4\u00a0500\u00a0€',
      '- Affaires apportées aux autres : 0\u00a0€',
      '- Contenus partagés : 0',
      '- Cotisation payée : 300\u00a0€',
      '- Affaires reçues par euro de cotisation : 15,00\u00a0€',
    ]);
    expect(alice).toMatchObject({
      eventsAttended: 1,
      referralsGiven: 1,
      businessGiven: 4_500,
      duesPaid: 300,
    });
    expect(statementText(bruno!, 'en', 'EUR')).toContain('- Business received per euro of dues: €15.00');
  });

  it('never twice: a statement logged as sent (either spelling) is not planned again', () => {
    const p = plan(
      '2026-12-10',
      memory(
        ['2026-12-03', 'invitation', 'RENOUVELLEMENT-2027', 'M1', 'a@x.fr', 'envoyé', 99],
        ['2026-12-03', 'invitation', 'RENEWAL-2027', 'M2', 'b@x.fr', 'sent', 98],
        // A refusal or another term's statement does not count as sent.
        ['2025-12-03', 'invitation', 'RENOUVELLEMENT-2026', 'M3', 'c@x.fr', 'envoyé', 97],
      ),
    );
    expect(p.mails).toEqual([]);
    expect(p.sent).toBe(2);
    expect(
      plan(
        '2026-12-10',
        memory(['2026-12-03', 'invitation', 'RENOUVELLEMENT-2027', 'M1', '', 'refusé : x', 1]),
      ).mails.map((m) => m.member.id),
    ).toEqual(['M1', 'M2']);
  });

  it('reminds the non-payer, not the payer, once the new term has started; then lists who to call', () => {
    expect(plan('2027-01-07').mails).toEqual([]);
    const due = plan('2027-01-08');
    expect(due.mails.map((m) => `${m.member.id} ${m.kind}`)).toEqual(['M2 reminder']);
    expect(due.mails[0]!.statement).toMatchObject({
      eventsAttended: 2,
      businessReceived: 4_500,
      duesPaid: 300,
    });
    expect(due.skipped.map((s) => `${s.member.id} ${s.reason}`)).toEqual(['M3 no_address', 'M5 no_email']);
    // Those who cannot be written to are to call at once; Bruno once reminded.
    expect(due.toCall.map((c) => `${c.member.id} ${c.reason}`)).toEqual(['M3 no_address', 'M5 no_email']);
    const log = memory(['2027-01-08', 'rappel', 'RENOUVELLEMENT-2027', 'M2', 'b@x.fr', 'envoyé', 50]);
    const after = plan('2027-01-20', log);
    expect(after.mails).toEqual([]);
    expect(after.sent).toBe(1);
    expect(after.toCall.map((c) => `${c.member.id} ${c.remindedOn ?? c.reason}`)).toEqual([
      'M2 2027-01-08',
      'M3 no_address',
      'M5 no_email',
    ]);
    // The list follows the payments: Bruno pays, he leaves the list; it outlives the reminder's window.
    const paid = tabs(SETTINGS, [...DUES, ['M2', '2027', 300, '25/01/2027', 'payé']]);
    expect(ids(plan('2027-05-02', log, paid).toCall)).toEqual(['M3', 'M5']);
    expect(plan('2027-05-02', log, paid).mails).toEqual([]);
  });

  it('is off unless the board turns it on, and reminds nobody without a Dues tab', () => {
    expect(plan('2026-12-03', memory(), tabs([['automatisation', 'oui']])).mails).toEqual([]);
    expect(plan('2026-12-03', memory(), tabs([['renouvellement', 'oui']])).mails).toEqual([]);
    const noDues = plan('2027-01-08', memory(), tabs(SETTINGS, null));
    expect(noDues).toMatchObject({ noDues: true, mails: [], toCall: [] });
    expect(plan('2026-12-03', memory(), tabs(SETTINGS, null)).mails).toHaveLength(2);
  });
});

describe('the renewal e-mail', () => {
  it('fills the statement, the period and the link; the HTML escapes the club’s text', () => {
    const p = plan('2026-12-03');
    const mail = renderMail(new Map(), 'renewal_statement', 'fr', {
      prenom: '<Bruno>',
      nom: 'Petit',
      lien: 'https://club.example/renouveler?a=1&b=2',
      titre: '',
      club: 'Club & Co',
      evenements: '',
      bilan: statementText(p.mails[1]!.statement, 'fr', 'EUR'),
      periode: 'du 01/01/2026 au 03/12/2026',
      saison: '2027',
    });
    expect(mail.subject).toBe('Club & Co : votre bilan avant le renouvellement 2027');
    expect(mail.body).toContain(
      'ce que le réseau vous a apporté du 01/01/2026 au 03/12/2026 :\n- Événements suivis : 2',
    );
    expect(mail.body).toContain('https://club.example/renouveler?a=1&b=2');
    expect(mail.htmlBody).toContain('Bonjour &lt;Bruno&gt;,');
    expect(mail.htmlBody).toContain('<a href="https://club.example/renouveler?a=1&amp;b=2">');
    expect(mail.htmlBody).toContain('Club &amp; Co');
    expect(mail.htmlBody).not.toContain('<Bruno>');
  });
});
