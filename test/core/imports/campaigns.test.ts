/**
 * Email campaign reports → Communications: the real Mailchimp A/B and MailerLite key/value reports
 * (/work/shared/samples/), and fixtures built from reference/export-formats.md §4 (not real
 * exports): the Mailchimp all-campaigns table and a Brevo campaign table (a guess: no Brevo report
 * was seen) and contact export.
 */

import { describe, expect, it } from 'vitest';
import { planImport } from '../../../src/core/imports';
import { added, fixtureRows, plan, sampleRows, write } from './helpers';

describe('Mailchimp A/B report, key/value form (real sample)', () => {
  const FILE = 'mailchimp_ab_campaign_report_keyvalue.csv';
  // Combination 1 + 2: recipients 1,751 + 1,750 = 3501; bounces 9 + 8 = 17; unique opens
  // (« Recipients Who Opened ») 141 + 125 = 266; unique clicks 20 + 27 = 47; unsubs 1 + 1 = 2;
  // « Sat, May 1, 2021 10:15 » → 2021-05-01.
  const p = plan(sampleRows(FILE), FILE);

  it('sums the combinations into one campaign row', () => {
    expect(p.source).toBe('mailchimp');
    expect(added(p, 'communications')).toEqual([
      {
        date: '2021-05-01',
        campaign: 'COVERUP-29-04-2021',
        type: '',
        recipients: 3501,
        bounces: 17,
        opens: 266,
        clicks: 47,
        unsubscribes: 2,
        source_ref: 'mailchimp:2021-05-01:coverup-29-04-2021',
      },
    ]);
    expect(p.summary).toBe('1 ligne ajoutée à Communications.');
  });

  it('adds nothing when imported again', () => {
    const again = plan(sampleRows(FILE), FILE, { existing: { tabs: write([], p) } });
    expect(again.additions).toEqual([]);
    expect(again.summary).toBe('Aucune ligne à ajouter, 1 ignorée.');
  });
});

describe('MailerLite classic report (real sample)', () => {
  const FILE = 'mailerlite_classic_campaign_report_keyvalue.csv';
  // 4116 sent; opened 1085; clicked 32; unsubscribed 47; bounces = hard 5 + soft 41 = 46.
  it('reads the key/value report', () => {
    const p = plan(sampleRows(FILE), FILE, { lang: 'en', locale: 'en_US' });
    expect(p.source).toBe('mailerlite');
    expect(added(p, 'communications')).toEqual([
      {
        date: '2021-09-28',
        campaign: 'Save Big on Phone Cases & Device Repair',
        type: '',
        recipients: 4116,
        bounces: 46,
        opens: 1085,
        clicks: 32,
        unsubscribes: 47,
        source_ref: 'mailerlite:2021-09-28:save-big-on-phone-cases-device-repair',
      },
    ]);
    expect(p.summary).toBe('1 row added to Communications.');
  });
});

describe('Mailchimp all-campaigns table (fixture)', () => {
  const FILE = 'mailchimp_campaigns_table.csv';
  // Line 2: « Jun 09, 2018 09:30 pm », 1,234 recipients, 34 bounces, 600 unique opens, 120 unique
  //   clicks, 5 unsubscribes. Line 3: « Jul 01, 2018 08:00 am », 250, 2, 120, 30, 0.
  // Line 4: a draft without a send date → skipped.
  const p = plan(fixtureRows(FILE), FILE);

  it('adds one row per sent campaign, referenced by Mailchimp’s unique id', () => {
    expect(
      added(p, 'communications').map((c) => [
        c.date,
        c.campaign,
        c.recipients,
        c.bounces,
        c.opens,
        c.clicks,
        c.unsubscribes,
        c.source_ref,
      ]),
    ).toEqual([
      ['2018-06-09', 'Newsletter juin', 1234, 34, 600, 120, 5, 'mailchimp:a1b2c3d4e5'],
      ['2018-07-01', 'Invitation afterwork', 250, 2, 120, 30, 0, 'mailchimp:f6g7h8i9j0'],
    ]);
    expect(p.skipped).toEqual([{ line: 4, reason: 'date manquante dans « Send Date ».' }]);
  });

  it('does not add a campaign already typed by hand (same date and name)', () => {
    const tabs = [
      {
        name: 'Communications',
        values: [
          ['Date', 'Campagne', 'Destinataires'],
          ['09/06/2018', 'newsletter JUIN', 1234],
        ],
      },
    ];
    const q = plan(fixtureRows(FILE), FILE, { existing: { tabs } });
    expect(added(q, 'communications').map((c) => c.campaign)).toEqual(['Invitation afterwork']);
  });
});

describe('Brevo', () => {
  // « 1 200 » recipients (French spaces), bounces 8 + 12 = 20, 540 opens, 61 clicks, 3 unsubscribes.
  it('reads a campaign table (built from usual column names: no real Brevo report was seen)', () => {
    const p = plan(fixtureRows('brevo_campaigns.csv'), 'brevo_campaigns.csv');
    expect(p.source).toBe('brevo');
    expect(added(p, 'communications')).toEqual([
      expect.objectContaining({
        date: '2026-03-15',
        campaign: 'Lettre de mars',
        recipients: 1200,
        bounces: 20,
        opens: 540,
        clicks: 61,
        unsubscribes: 3,
      }),
    ]);
  });

  it('refuses a contact export with a sentence saying what to export', () => {
    const r = planImport({
      rows: fixtureRows('brevo_contacts.csv'),
      fileName: 'contacts.csv',
      lang: 'fr',
      locale: 'fr_FR',
      existing: { tabs: [] },
    });
    expect(r).toEqual({
      ok: false,
      message:
        'Cet export Brevo est une liste de contacts, pas un rapport de campagnes : exportez les statistiques des campagnes e-mail.',
    });
  });
});
