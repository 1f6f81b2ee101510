// The renewal season (issue 20) through the built bundle in the local runtime: a club whose terms
// run September to August is replayed day by day across the statements' window and the start of
// the new term, the daily trigger firing at noon, with a quota of 3 e-mails a day. Every
// expectation below is worked out by hand.
//
// Club (Europe/Paris, fr_FR), Settings `fiscal_year_start_month` = 9: term 2026-2027 runs from
// 01/09/2026 to 31/08/2027. Statements go 4 weeks before its end, from 03/08/2027; the reminder 7
// days into term 2027-2028, on Wednesday 08/09/2027. Automation on from 01/08/2027, nudges off;
// no event after that day and the cold survey of 2027-S1 (01/07/2027) came before: nothing else goes.
// Members (joined 10/09/2025; every one paid 2026-2027 on 15/09/2026, 300 €):
//   M1 Alice pays 2027-2028 on 03/09/2027 (before the reminder)    M2 Bruno never pays
//   M3 Chloé « Pas d'e-mail » = oui, never pays                      M4 David no address, never pays
//   M5 Emma pays 2027-2028 on 20/09/2027 (after the reminder)      M6 erased (« Effacé le » 01/03/2027)
//   M7 Gaspard paid 2027-2028 in advance on 15/07/2027             M8 a hostile name, never pays
//   M9 Hugo left on 30/06/2027.
// E1 10/10/2026: Bruno and M8 came. Referral 01/02/2027 Alice → Bruno, won 4 500 €, closed 01/03/2027.
// Statements: M1, M2, M5, M7, M8 — three on 03/08 (quota), two on 04/08. Reminders on 08/09: the
// non-payers who can be written to, M2, M5, M8. Bruno's statement: 1 event, 1 referral received,
// 4 500 € received, 300 € of dues, 15,00 € per euro.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AutomationResult } from '../../src/core/api';
import { type LoadedBundle, loadBundle } from '../../src/local/runtime';
import type { CellValue, WorkbookModel } from '../../src/local/workbook/model';
import { MEMBERS_HEADER } from '../core/fixtures';
import { workbookOf } from './club-fixture';
import { d, noon, replay, sheet } from './season';

const code = readFileSync('dist/Code.js', 'utf8');
const HOSTILE_FIRST = '<img src=x onerror=alert(1)>';
const HOSTILE_LAST = '=HYPERLINK("http://evil.example")';
const LINK = 'https://club.example/adhesion?saison=2027&m=1';

function club(renewal = true): WorkbookModel {
  const joined = d('2025-09-10');
  const member = (id: string, first: string, last: string, email: string, extra: CellValue[] = []) => [
    id,
    first,
    last,
    email,
    joined,
    ...extra,
  ];
  return workbookOf(
    {
      Membres: [
        [...MEMBERS_HEADER, "Pas d'e-mail", 'Effacé le', 'Entreprise'],
        member('M1', 'Alice', 'Martin', 'alice@exemple.fr'),
        member('M2', 'Bruno', 'Petit', 'bruno@exemple.fr'),
        member('M3', 'Chloé', 'Durand', 'chloe@exemple.fr', ['', '', 'oui']),
        member('M4', 'David', 'Leroy', ''),
        member('M5', 'Emma', 'Roux', 'emma@exemple.fr'),
        member('M6', '', '', '', ['', '', '', d('2027-03-01')]),
        member('M7', 'Gaspard', 'Noir', 'gaspard@exemple.fr'),
        member('M8', HOSTILE_FIRST, HOSTILE_LAST, 'zoe@exemple.fr', ['', '', '', '', '<script>x</script>']),
        member('M9', 'Hugo', 'Blanc', 'hugo@exemple.fr', [d('2027-06-30'), 'ancien']),
      ],
      Événements: [
        ['ID événement', 'Date', 'Titre'],
        ['E1', d('2026-10-10'), 'Rentrée'],
      ],
      Participations: [
        ['ID événement', 'Membre', 'Inscrit', 'Présent'],
        ['E1', 'M2', 'oui', 'oui'],
        ['E1', 'M8', 'oui', 'oui'],
      ],
      Recommandations: [
        ['Date', 'Donneur', 'Bénéficiaire', 'Statut', 'Valeur', 'Date de clôture'],
        [d('2027-02-01'), 'M1', 'M2', 'gagné', 4500, d('2027-03-01')],
      ],
      Cotisations: [
        ['ID membre', 'Période', 'Montant', 'Payé le', 'Statut'],
        ...['M1', 'M2', 'M3', 'M4', 'M5', 'M6', 'M7', 'M8', 'M9'].map((id) => [
          id,
          '2026-2027',
          300,
          d('2026-09-15'),
          'payé',
        ]),
        ['M7', '2027-2028', 300, d('2027-07-15'), 'payé'],
      ],
      Paramètres: [
        ['Clé', 'Valeur'],
        ['club_name', 'Club Renouv'],
        ['fiscal_year_start_month', 9],
        ['relance_inactifs_semaines', 0],
        ...(renewal
          ? [
              ['renouvellement', 'oui'],
              ['renouvellement_lien', LINK],
            ]
          : []),
      ],
    },
    'Club Renouv',
  );
}

function board(model: WorkbookModel, at: { day: string }, mailDailyQuota = 3): LoadedBundle {
  return loadBundle(code, { workbook: model, userLocale: 'fr', now: () => noon(at.day), mailDailyQuota });
}

/** The Mail log's rows, as `date kind subject member outcome`. */
function logRows(model: WorkbookModel): string[] {
  const [header, ...rows] = sheet(model, 'Journal des envois').values;
  const col = (label: string) => header!.indexOf(label);
  return rows.map((r) =>
    [
      r[col('Date')],
      r[col('Type')],
      r[col('Enquête ou relance')],
      r[col('ID membre')],
      r[col('Résultat')],
    ].join(' '),
  );
}

/** Payments typed in the Dues tab during the season. */
function pay(model: WorkbookModel, day: string): void {
  const dues = sheet(model, 'Cotisations').values;
  if (day === '2027-09-03') dues.push(['M1', '2027-2028', 300, d(day), 'payé']);
  if (day === '2027-09-20') dues.push(['M5', '2027-2028', 300, d(day), 'payé']);
}

const SUBJECT = 'RENOUVELLEMENT-2027-2028';
const SENT = [
  `2027-08-03 invitation ${SUBJECT} M1 envoyé`,
  `2027-08-03 invitation ${SUBJECT} M2 envoyé`,
  `2027-08-03 invitation ${SUBJECT} M5 envoyé`,
  `2027-08-04 invitation ${SUBJECT} M7 envoyé`,
  `2027-08-04 invitation ${SUBJECT} M8 envoyé`,
  `2027-09-08 rappel ${SUBJECT} M2 envoyé`,
  `2027-09-08 rappel ${SUBJECT} M5 envoyé`,
  `2027-09-08 rappel ${SUBJECT} M8 envoyé`,
];

describe('a renewal season replayed day by day', () => {
  it('sends each active member one statement within the quota, one reminder to the non-payers only, never twice', () => {
    const model = club();
    const at = { day: '2027-08-01' };
    const bundle = board(model, at);
    const on = bundle.call('setAutomation', { on: true }) as AutomationResult;
    expect(on.ok).toBe(true);
    // The Templates tab holds the renewal texts for the board to edit.
    const templates = sheet(model, 'Modèles').values.map((r) => `${r[0]} ${r[1]}`);
    expect(templates).toContain('renewal_statement fr');
    expect(templates).toContain('renewal_reminder en');

    const mails = replay(bundle, model, at, '2027-08-01', '2027-09-30', (day) => pay(model, day));
    const log = logRows(model);
    expect(log.filter((r) => r.endsWith('envoyé'))).toEqual(SENT);
    expect(mails.map((m) => `${m.day} ${m.to}`)).toEqual([
      '2027-08-03 alice@exemple.fr',
      '2027-08-03 bruno@exemple.fr',
      '2027-08-03 emma@exemple.fr',
      '2027-08-04 gaspard@exemple.fr',
      '2027-08-04 zoe@exemple.fr',
      '2027-09-08 bruno@exemple.fr',
      '2027-09-08 emma@exemple.fr',
      '2027-09-08 zoe@exemple.fr',
    ]);
    // Skips logged once per kind; the quota noted on the day it ran out; nothing about the erased member.
    expect(log.filter((r) => !r.endsWith('envoyé'))).toEqual([
      `2027-08-03 invitation ${SUBJECT} M3 non envoyé : « pas d’e-mail » demandé`,
      `2027-08-03 invitation ${SUBJECT} M4 non envoyé : pas d’adresse e-mail`,
      `2027-08-03 invitation ${SUBJECT} M7 non envoyé : quota du jour épuisé, 2 en attente (repris demain)`,
      `2027-09-08 rappel ${SUBJECT} M3 non envoyé : « pas d’e-mail » demandé`,
      `2027-09-08 rappel ${SUBJECT} M4 non envoyé : pas d’adresse e-mail`,
    ]);
    expect(log.some((r) => r.includes(' M6 ') || r.includes(' M9 '))).toBe(false);

    // Bruno's statement: the figures with their units, the period, the link.
    const bruno = mails[1]!;
    expect(bruno.subject).toBe('Club Renouv : votre bilan avant le renouvellement 2027-2028');
    expect(bruno.body).toContain('ce que le réseau vous a apporté du 01/09/2026 au 03/08/2027 :');
    for (const line of [
      '- Événements suivis : 1',
      '- Recommandations reçues : 1',
      '- Affaires reçues : 4\u00a0500\u00a0€',
      '- Cotisation payée : 300\u00a0€',
      '- Affaires reçues par euro de cotisation : 15,00\u00a0€',
      LINK,
    ])
      expect(bruno.body).toContain(line);
    expect(bruno.html).toContain(`<a href="${LINK.replace('&', '&amp;')}">`);
    // His reminder: the whole ended term.
    const reminder = mails[5]!;
    expect(reminder.subject).toBe('Rappel : votre cotisation 2027-2028 à Club Renouv');
    expect(reminder.body).toContain('du 01/09/2026 au 31/08/2027');
    // The hostile name is text in the e-mail and escaped in its HTML.
    const zoe = mails[4]!;
    expect(zoe.body).toMatch(/^Bonjour <img src=x onerror=alert\(1\)>,/);
    expect(zoe.html).not.toContain('<img');
    expect(zoe.html).toContain('Bonjour &lt;img src=x onerror=alert(1)&gt;,');

    // A second run the same day, and the following days, send nothing more.
    expect(replay(bundle, model, at, '2027-09-30', '2027-10-15')).toEqual([]);
    expect(logRows(model)).toEqual(log);

    // The dashboard's to-call list follows: the reminded who have not paid, the unreachable.
    const refreshed = bundle.call('refreshKpis', { period: '2027-09' }) as { ok: boolean };
    expect(refreshed.ok).toBe(true);
    const cells = sheet(model, 'Tableau de bord').values.flat().map(String);
    expect(cells).toContain(
      'Renouvellement 2027-2028 : 3 rappel(s) envoyé(s), 0 en attente ; non envoyés : 1 « pas d’e-mail », 1 sans adresse e-mail.',
    );
    expect(cells).toContain(
      `☎ Renouvellement 2027-2028 : 4 membre(s) à appeler, cotisation toujours pas payée : Bruno Petit (rappel le 08/09/2027), Chloé Durand (« pas d’e-mail »), David Leroy (pas d’adresse e-mail), ${HOSTILE_FIRST} ${HOSTILE_LAST} (rappel le 08/09/2027)`,
    );
  }, 180_000);

  it('sends nothing while the board has not turned renewal on', () => {
    const model = club(false);
    const at = { day: '2027-08-01' };
    const bundle = board(model, at);
    bundle.call('setAutomation', { on: true });
    expect(replay(bundle, model, at, '2027-08-01', '2027-09-10')).toEqual([]);
  }, 120_000);
});

describe("a member's statement as a printable page", () => {
  it('shows the figures of the term, escapes hostile text, and says why there is none', () => {
    const model = club();
    const at = { day: '2027-08-10' };
    const bundle = board(model, at);
    const page = bundle.call('showMemberStatement', 'M8') as { ok: true; html: string; period: string };
    expect(page.ok).toBe(true);
    expect(page.period).toBe('du 01/09/2026 au 10/08/2027');
    const dialog = bundle.emulator.ui.dialogs.at(-1)!;
    expect(dialog.title).toBe('Bilan de M8');
    expect(dialog.html).toBe(page.html);
    expect(page.html).not.toMatch(/<img|<script>/);
    expect(page.html).toContain(
      '&lt;img src=x onerror=alert(1)&gt; =HYPERLINK(&quot;http://evil.example&quot;)',
    );
    expect(page.html).toContain('(&lt;script&gt;x&lt;/script&gt;)');
    expect(page.html).toContain('<td>Événements suivis</td><td class="n">1</td>');
    expect(page.html).toContain('<td>Cotisation payée</td><td class="n">300\u00a0€</td>');
    expect(page.html).toContain(`<a href="${LINK.replace('&', '&amp;')}">`);
    const hugo = bundle.call('memberStatementOf', { member: 'M9', period: '2027-07' }) as {
      ok: boolean;
      message: string;
    };
    expect(hugo).toMatchObject({ ok: false, code: 'not_member' });
    expect(hugo.message).toBe(
      'M9 n’était pas membre sur la période du 01/07/2027 au 31/07/2027 : pas de bilan.',
    );
    expect(bundle.call('memberStatementOf', { member: 'Personne' })).toMatchObject({
      ok: false,
      code: 'unknown_member',
    });
    expect(bundle.call('memberStatementOf', { member: 'M1', period: '<b>' })).toMatchObject({
      ok: false,
      code: 'bad_period',
    });
  }, 60_000);
});
