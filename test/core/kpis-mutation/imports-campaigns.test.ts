/**
 * Email campaign reports (src/core/imports/campaigns.ts), hand-worked where
 * test/core/imports/campaigns.test.ts leaves room (issue 23): every column name a campaign table
 * may use (Mailchimp's all-campaigns CSV, and the French and English names of a Brevo-like
 * table, reference/export-formats.md §4), recipients worked out from deliveries and bounces,
 * campaigns without name, date or recipients, blank lines, and the key/value reports of Mailchimp
 * and MailerLite (the real samples' form: `"Total Recipients:","1,751"`) with every key they may
 * carry, their date and name fallbacks and their refusal when no recipient count is found.
 */

import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/core/imports';
import type { ImportInput, SourceId } from '../../../src/core/imports/types';
import { added, plan, sampleRows } from '../imports/helpers';

const table = (rows: string[][], source: SourceId = 'brevo', options: Partial<ImportInput> = {}) =>
  plan(rows, 'campagnes.csv', { source, ...options });

/** A Communications row's cells in this order: date, name, recipients, bounces, opens, clicks, unsubscribes, reference. */
const FIELDS = ['date', 'campaign', 'recipients', 'bounces', 'opens', 'clicks', 'unsubscribes', 'source_ref'];
const rowOf = (c: Record<string, unknown>) => FIELDS.map((f) => c[f]);

// One campaign, written with the first name of every column: « Lettre de mars » sent on
// 15/03/2026 to 1200, 20 bounces, 540 unique opens, 61 unique clicks, 3 unsubscribes, id c-42.
const BASE: Record<string, [string, string]> = {
  name: ['Title', 'Lettre de mars'],
  date: ['Send Date', '15/03/2026 10:00'],
  recipients: ['Total Recipients', '1200'],
  bounces: ['Total Bounces', '20'],
  opens: ['Unique Opens', '540'],
  clicks: ['Unique Clicks', '61'],
  unsubscribes: ['Unsubscribes', '3'],
  id: ['Unique Id', 'c-42'],
};
const EXPECTED = ['2026-03-15', 'Lettre de mars', 1200, 20, 540, 61, 3, 'brevo:c-42'];

/** The base campaign with some columns renamed (or replaced by others). */
function variant(changes: Record<string, Array<[string, string]>>): string[][] {
  const header: string[] = [];
  const row: string[] = [];
  for (const [field, [label, value]] of Object.entries(BASE)) {
    for (const [l, v] of changes[field] ?? [[label, value]]) {
      header.push(l);
      row.push(v);
    }
  }
  return [header, row];
}

describe('campaign tables: every column name', () => {
  const cases: Array<[string, string, string]> = [
    ...['Campaign name', 'Nom de la campagne', 'Campaign', 'Campagne', 'Name', 'Nom', 'Subject', 'Objet'].map(
      (l): [string, string, string] => ['name', l, 'Lettre de mars'],
    ),
    ...['Sent date', 'Date d’envoi', "Date d'envoi", 'Envoyé le', 'Sent on', 'Date'].map(
      (l): [string, string, string] => ['date', l, '15/03/2026 10:00'],
    ),
    ...['Recipients', 'Destinataires', 'Sent', 'Envoyés', 'Emails sent', 'Total sent'].map(
      (l): [string, string, string] => ['recipients', l, '1200'],
    ),
    ...['Bounces', 'Rebonds'].map((l): [string, string, string] => ['bounces', l, '20']),
    ...['Ouvertures uniques', 'Opens', 'Ouvertures', 'Opened', 'Ouverts'].map(
      (l): [string, string, string] => ['opens', l, '540'],
    ),
    ...['Clics uniques', 'Clicks', 'Clics', 'Clicked', 'Cliqués'].map((l): [string, string, string] => [
      'clicks',
      l,
      '61',
    ]),
    ...['Unsubscribed', 'Désinscriptions', 'Désinscrits'].map((l): [string, string, string] => [
      'unsubscribes',
      l,
      '3',
    ]),
    ...['Campaign ID', 'ID de la campagne'].map((l): [string, string, string] => ['id', l, 'c-42']),
  ];

  it.each(cases)('reads the %s from « %s »', (field, label, value) => {
    const p = table(variant({ [field]: [[label, value]] }));
    expect(added(p, 'communications').map(rowOf)).toEqual([EXPECTED]);
  });

  // Without a recipients column: delivered 1180 + bounces 20 = 1200 recipients.
  it.each(['Successful Deliveries', 'Delivered', 'Délivrés', 'Délivré'])(
    'works out the recipients from « %s » and the bounces',
    (label) => {
      const p = table(variant({ recipients: [[label, '1180']] }));
      expect(added(p, 'communications').map(rowOf)).toEqual([EXPECTED]);
    },
  );

  // Without a bounces total: hard 8 + soft 12 = 20.
  it.each([
    ['Hard Bounces', 'Soft Bounces'],
    ['Hard bounce', 'Soft bounce'],
    ['Rebonds hard', 'Rebonds soft'],
  ])('adds « %s » and « %s »', (hard, soft) => {
    const p = table(
      variant({
        bounces: [
          [hard, '8'],
          [soft, '12'],
        ],
      }),
    );
    expect(added(p, 'communications').map(rowOf)).toEqual([EXPECTED]);
  });

  it('reads « Hard bounces » and « Soft bounces » with one of them empty', () => {
    // Hard 8, soft empty → 8 bounces; the recipients come from deliveries: 1180 + 8 = 1188.
    const p = table(
      variant({
        bounces: [
          ['Hard bounces', '8'],
          ['Soft bounces', ''],
        ],
        recipients: [['Delivered', '1180']],
      }),
    );
    expect(added(p, 'communications').map((c) => [c.recipients, c.bounces])).toEqual([[1188, 8]]);
  });

  it('counts no bounce as 0, and delivered alone as the recipients', () => {
    // No bounce column at all: bounces 0 (not empty), recipients = delivered 1180 + 0.
    const p = table(variant({ bounces: [], recipients: [['Delivered', '1180']] }));
    expect(added(p, 'communications').map((c) => [c.recipients, c.bounces])).toEqual([[1180, 0]]);
  });

  it('refers to a campaign without id by its date and name', () => {
    const p = table(variant({ id: [] }));
    expect(added(p, 'communications').map((c) => c.source_ref)).toEqual(['brevo:2026-03-15:lettre-de-mars']);
  });
});

describe('campaign tables: lines that cannot be read', () => {
  const HEADER = ['Nom de la campagne', "Date d'envoi", 'Destinataires', 'Délivrés', 'Ouvertures uniques'];

  it('skips nameless, undated, badly dated and recipient-less campaigns with the column as written', () => {
    const p = table([
      HEADER,
      // Line 2: no name. Line 3: blank (passed over silently). Line 4: no date.
      ['', '15/03/2026', '100', '', '10'],
      ['', ' ', '', '', ''],
      ['Lettre A', '', '100', '', '10'],
      // Line 5: « mars 2026 » is no day. Line 6: neither recipients nor deliveries.
      ['Lettre B', 'mars 2026', '100', '', '10'],
      ['Lettre C', '16/03/2026', '', '', '10'],
      // Line 7: read: 100 recipients, no bounce column → 0.
      ['Lettre D', '17/03/2026', '100', '', '10'],
    ]);
    expect(added(p, 'communications').map(rowOf)).toEqual([
      ['2026-03-17', 'Lettre D', 100, 0, 10, '', '', 'brevo:2026-03-17:lettre-d'],
    ]);
    expect(p.skipped).toEqual([
      { line: 2, reason: 'campagne sans nom.' },
      { line: 4, reason: "date manquante dans « Date d'envoi »." },
      { line: 5, reason: "date illisible « mars 2026 » dans « Date d'envoi »." },
      { line: 6, reason: 'campagne sans nombre de destinataires lisible.' },
    ]);
  });

  it('names the « Date » column when the file has no date column', () => {
    const p = table([
      ['Nom de la campagne', 'Destinataires'],
      ['Lettre A', '100'],
    ]);
    expect(p.skipped).toEqual([{ line: 2, reason: 'date manquante dans « Date ».' }]);
  });

  it('skips the second of two lines of the same campaign', () => {
    const p = table([
      ['Nom de la campagne', "Date d'envoi", 'Destinataires', 'ID de la campagne'],
      ['Lettre A', '15/03/2026', '100', '7'],
      ['Lettre A', '15/03/2026', '100', '7'],
    ]);
    expect(added(p, 'communications')).toHaveLength(1);
    expect(p.skipped).toEqual([
      { line: 3, reason: 'doublon d’une ligne précédente du fichier (référence brevo:7).' },
    ]);
  });
});

describe('campaign tables: locales', () => {
  it('reads a Brevo table in the spreadsheet’s locale', () => {
    // fr_FR: 03/04/2026 is 3 April, « 1 500 » is 1500.
    const fr = table([
      ['Nom de la campagne', "Date d'envoi", 'Destinataires'],
      ['Lettre A', '03/04/2026', '1 500'],
    ]);
    expect(added(fr, 'communications').map((c) => [c.date, c.recipients])).toEqual([['2026-04-03', 1500]]);
    // en_US: 03/04/2026 is 4 March (month first), « 1,500 » is 1500.
    const en = table(
      [
        ['Campaign name', 'Sent date', 'Recipients'],
        ['Lettre A', '03/04/2026', '1,500'],
      ],
      'brevo',
      { locale: 'en_US', lang: 'en' },
    );
    expect(added(en, 'communications').map((c) => [c.date, c.recipients])).toEqual([['2026-03-04', 1500]]);
  });

  it('reads a Mailchimp table in English whatever the spreadsheet’s locale', () => {
    // Mailchimp writes month first and English numbers: 03/04/2026 is 4 March, « 1,500 » is 1500.
    const p = table(
      [
        ['Title', 'Send Date', 'Total Recipients'],
        ['Lettre A', '03/04/2026', '1,500'],
      ],
      'mailchimp',
    );
    expect(added(p, 'communications').map((c) => [c.date, c.recipients, c.source_ref])).toEqual([
      ['2026-03-04', 1500, 'mailchimp:2026-03-04:lettre-a'],
    ]);
  });
});

describe('key/value reports', () => {
  const report = (pairs: string[][], title = 'Campaign Report', options: Partial<ImportInput> = {}) =>
    planImport({
      rows: [[title], ...pairs],
      fileName: 'report.csv',
      lang: 'fr',
      locale: 'fr_FR',
      existing: { tabs: [] },
      ...options,
    });
  const rowsOf = (r: ReturnType<typeof report>) => {
    if (!r.ok) throw new Error(r.message);
    return added(r.plan, 'communications').map(rowOf);
  };

  it('refuses a report without any recipient count', () => {
    expect(
      report([
        ['Title:', 'Lettre'],
        ['Delivery Date/Time:', 'Sat, May 1, 2021 10:15'],
      ]),
    ).toEqual({
      ok: false,
      message: 'Rapport de campagne illisible : aucun nombre de destinataires trouvé.',
    });
  });

  it('reads a Mailchimp report by its other keys: subject line, send date, unique opens and clicks', () => {
    // No title → the subject line; « Send Date » 2021-05-01; 500 recipients, 5 bounces,
    // unique opens 100, unique clicks 10, unsubscribes 2.
    const r = report([
      ['Subject Line:', 'Offre de mai'],
      ['Send Date:', 'May 1, 2021 10:15 am'],
      ['Total Recipients:', '500'],
      ['Bounces:', '5 (1.0%)'],
      ['Unique Opens:', '100'],
      ['Unique Clicks:', '10'],
      ['Unsubscribes:', '2'],
    ]);
    expect(rowsOf(r)).toEqual([
      ['2021-05-01', 'Offre de mai', 500, 5, 100, 10, 2, 'mailchimp:2021-05-01:offre-de-mai'],
    ]);
  });

  it('takes a Mailchimp report’s « Subject » when it has neither title nor subject line', () => {
    const r = report([
      ['Subject:', 'Offre'],
      ['Sent Date:', '2021-05-02'],
      ['Total Recipients:', '500'],
    ]);
    expect(rowsOf(r)).toEqual([['2021-05-02', 'Offre', 500, 0, '', '', '', 'mailchimp:2021-05-02:offre']]);
  });

  it('prefers a Mailchimp report’s title to its subject line, and skips an empty date for the next', () => {
    const r = report([
      ['Subject Line:', 'Objet'],
      ['Title:', 'Titre'],
      ['Delivery Date/Time:', ''],
      ['Date Sent:', '2021-05-03'],
      ['Total Recipients:', '500'],
    ]);
    expect(rowsOf(r).map((c) => [c[0], c[1]])).toEqual([['2021-05-03', 'Titre']]);
  });

  it('reads a MailerLite report’s title when it has no subject, and its plural bounce keys', () => {
    // MailerLite: « Title » (no subject); « Sent Date » 2021-09-28; 4116 sent; « Unique opens » 1000,
    // « Unique clicks » 30, « Unsubscribes » 4; hard 5 + soft 41 = 46 bounces.
    const r = report(
      [
        ['Title:', 'Rentrée'],
        ['Sent Date:', '2021-09-28 13:00:00'],
        ['Total emails sent:', '4116'],
        ['Unique opens:', '1000'],
        ['Unique clicks:', '30'],
        ['Unsubscribes:', '4'],
        ['Hard bounces:', '5'],
        ['Soft bounces:', '41'],
      ],
      'Campaign report',
    );
    expect(rowsOf(r)).toEqual([
      ['2021-09-28', 'Rentrée', 4116, 46, 1000, 30, 4, 'mailerlite:2021-09-28:rentree'],
    ]);
  });

  it('prefers a MailerLite report’s subject to its title', () => {
    const r = report(
      [
        ['Title:', 'Titre'],
        ['Subject:', 'Objet'],
        ['Sent', '2021-09-28'],
        ['Total emails sent:', '10'],
        ['Opened:', '4'],
        ['Clicked:', '1'],
        ['Unsubscribed:', '0'],
      ],
      'Campaign report',
    );
    expect(rowsOf(r)).toEqual([['2021-09-28', 'Objet', 10, 0, 4, 1, 0, 'mailerlite:2021-09-28:objet']]);
  });

  it('skips an undated report on the line of its recipient count, naming the date key', () => {
    // Mailchimp: « Total Recipients » on row 4 of the file (title row 1).
    const mc = report([
      ['Title:', 'Lettre'],
      ['Other:', 'x'],
      ['Total Recipients:', '10'],
    ]);
    if (!mc.ok) throw new Error(mc.message);
    expect(mc.plan.skipped).toEqual([{ line: 4, reason: 'date manquante dans « Delivery Date/Time ».' }]);
    // MailerLite: « Total emails sent » on row 3.
    const ml = report(
      [
        ['Subject:', 'Lettre'],
        ['Total emails sent:', '10'],
      ],
      'Campaign report',
    );
    if (!ml.ok) throw new Error(ml.message);
    expect(ml.plan.skipped).toEqual([{ line: 3, reason: 'date manquante dans « Sent ».' }]);
  });

  it('keeps the first value of a key, passes over one-cell rows and rows without a key', () => {
    // Row « Combination 1 Stats » has one cell; ['', '99'] has no key; the second « Title » and the
    // second « Total Unsubs » of the same combination are ignored.
    const r = report([
      ['Title:', 'Premier'],
      ['Title:', 'Second'],
      ['Delivery Date/Time:', '2021-05-01'],
      ['Combination 1 Stats'],
      ['', '99'],
      ['Total Recipients:', '300'],
      ['Total Unsubs:', '1'],
      ['Total Unsubs:', '7'],
    ]);
    expect(rowsOf(r)).toEqual([['2021-05-01', 'Premier', 300, 0, '', '', 1, 'mailchimp:2021-05-01:premier']]);
  });

  it('skips a report without a name, and trims the values', () => {
    const r = report([
      ['Delivery Date/Time:', '2021-05-01'],
      ['Total Recipients:', '300'],
    ]);
    if (!r.ok) throw new Error(r.message);
    expect(r.plan.skipped).toEqual([{ line: 3, reason: 'campagne sans nom.' }]);
    // « Title: » alone on its line (one cell) is passed over; the padded title is trimmed.
    const q = report([
      ['Title:'],
      ['Title:', '  Lettre  '],
      ['Delivery Date/Time:', '2021-05-01'],
      ['Total Recipients:', '300'],
    ]);
    expect(rowsOf(q).map((c) => c[1])).toEqual(['Lettre']);
  });

  it('reads a numeric delivery date month first, as Mailchimp writes it', () => {
    // 05/01/2021 in a Mailchimp report is 1 May 2021, whatever the spreadsheet's locale.
    const r = report([
      ['Title:', 'Lettre'],
      ['Delivery Date/Time:', '05/01/2021 10:15'],
      ['Total Recipients:', '300'],
    ]);
    expect(rowsOf(r).map((c) => c[0])).toEqual(['2021-05-01']);
  });

  it('sums the A/B combinations of the real Mailchimp sample, each counted once', () => {
    // 1,751 + 1,750 = 3501 recipients; the real sample's figures (test/core/imports/campaigns.test.ts).
    const r = planImport({
      rows: sampleRows('mailchimp_ab_campaign_report_keyvalue.csv'),
      fileName: 'ab.csv',
      lang: 'en',
      locale: 'en_US',
      existing: { tabs: [] },
    });
    expect(rowsOf(r)).toEqual([
      ['2021-05-01', 'COVERUP-29-04-2021', 3501, 17, 266, 47, 2, 'mailchimp:2021-05-01:coverup-29-04-2021'],
    ]);
  });
});
