/**
 * The one CSV reader (papaparse) and source detection, on every real sample in
 * /work/shared/samples/ and the hand-made fixtures of test/fixtures/imports/ (built from
 * reference/export-formats.md, not real exports); plus the refusals: empty, unknown or corrupt file.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectSource, parseCsvText, planImport } from '../../../src/core/imports';
import { FIXTURES, fixtureRows, SAMPLES, sampleRows } from './helpers';

describe('parseCsvText', () => {
  it('strips the BOM, reads `;`, keeps padded quoted headers and quoted `;` (real HelloAsso export)', () => {
    const rows = sampleRows('helloasso_event_billetterie_export_anonymized.csv');
    expect(rows[0][0]).toBe('Référence commande');
    expect(rows[0][16]).toBe("Prénom de l'enfant 2   ");
    expect(rows[0][24]).toBe(
      "Je viens seul(e), et je souhaite que l'on me surveille mon enfant pendant que je cours",
    );
    expect(rows[2][15]).toBe('2020 ; 2019');
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.length === 25)).toBe(true);
  });

  it('reads `,` with quoted decimal commas (Excel re-save) and LF inside quoted cells of CRLF records', () => {
    expect(fixtureRows('helloasso_payments_short_excel_fr.csv')[1][2]).toBe('45,00');
    const forms = fixtureRows('Club survey (Responses) - Form Responses 1.csv');
    expect(forms).toHaveLength(4);
    expect(forms[1][7]).toBe('Great\nsee you soon');
  });

  it('reads tab-separated text and key/value reports whose first line has no separator', () => {
    expect(parseCsvText('a\tb\n1\t2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    const kv = sampleRows('mailchimp_ab_campaign_report_keyvalue.csv');
    expect(kv[0]).toEqual(['Campaign Report']);
    expect(kv[8]).toEqual(['Total Recipients:', '1,751']);
  });

  it('keeps blank lines inside (line numbers match the file) and drops the trailing ones', () => {
    expect(parseCsvText('\ufeffa;b\r\n\r\n1;2\r\n\r\n')).toEqual([['a', 'b'], [''], ['1', '2']]);
    expect(parseCsvText('')).toEqual([]);
  });
});

describe('detectSource', () => {
  const expected: Record<string, string> = {
    'eventbrite_attendee_report_sample.csv': 'eventbrite',
    'helloasso_event_billetterie_export_anonymized.csv': 'helloasso_tickets',
    'helloasso_event_ticket_export_participants_anonymized.csv': 'helloasso_tickets',
    'helloasso_payments_export_short_variant_sandbox.csv': 'helloasso_payments',
    'mailchimp_ab_campaign_report_keyvalue.csv': 'mailchimp',
    'mailerlite_classic_campaign_report_keyvalue.csv': 'mailerlite',
  };

  it('recognises every real sample', () => {
    const csv = readdirSync(SAMPLES).filter((f) => f.endsWith('.csv'));
    expect(csv.sort()).toEqual(Object.keys(expected).sort());
    for (const file of csv) {
      const rows = sampleRows(file);
      expect([file, detectSource(rows[0], rows)]).toEqual([file, expected[file]]);
    }
  });

  it('recognises every fixture', () => {
    const fixtures: Record<string, string> = {
      'Club survey (Responses) - Form Responses 1.csv': 'google_forms',
      'Enquête froide (réponses) - Réponses au formulaire 1.csv': 'google_forms',
      'bni_palms_summary_rows.csv': 'bni_palms',
      'brevo_campaigns.csv': 'brevo',
      'brevo_contacts.csv': 'brevo',
      'eventbrite_attendee_report_uk.csv': 'eventbrite',
      'helloasso_memberships.csv': 'helloasso_memberships',
      'helloasso_payments_long.csv': 'helloasso_payments',
      'helloasso_payments_short_excel_fr.csv': 'helloasso_payments',
      'mailchimp_campaigns_table.csv': 'mailchimp',
      'meetup_attendees.csv': 'meetup',
    };
    const csv = readdirSync(FIXTURES).filter((f) => f.endsWith('.csv'));
    expect(csv.sort()).toEqual(Object.keys(fixtures).sort());
    for (const file of csv) {
      const rows = fixtureRows(file);
      expect([file, detectSource(rows[0], rows)]).toEqual([file, fixtures[file]]);
    }
  });

  it('tells the key/value reports apart by their title alone, and knows a PALMS header row', () => {
    expect(detectSource(['Campaign Report'])).toBe('mailchimp');
    expect(detectSource(['Campaign report'])).toBe('mailerlite');
    expect(
      detectSource([
        'First Name',
        'Last Name',
        'P',
        'A',
        '',
        'L',
        'M',
        'S',
        '',
        'RGI',
        'RGO',
        'RRI',
        '',
        'RRO',
        'V',
        '1-2-1',
        '',
        'TYFCB',
        'CEU',
        'T',
      ]),
    ).toBe('bni_palms');
    expect(detectSource(['Nom', 'Prénom', 'Ville'])).toBeNull();
  });
});

describe('refusals', () => {
  const run = (rows: string[][], lang: 'fr' | 'en' = 'fr') =>
    planImport({
      rows,
      fileName: 'f.csv',
      lang,
      locale: lang === 'fr' ? 'fr_FR' : 'en_GB',
      existing: { tabs: [] },
    });

  it('an empty file', () => {
    expect(run([])).toEqual({ ok: false, message: 'Le fichier est vide : rien à importer.' });
    expect(run([[''], ['']], 'en')).toEqual({ ok: false, message: 'The file is empty: nothing to import.' });
  });

  it('a corrupt file (binary read as text) gives one sentence and no plan', () => {
    const text = readFileSync(`${SAMPLES}nps_test_vectors.json`, 'utf8').slice(0, 200);
    const garbage = parseCsvText(`${text}\u0000\u0001PK\u0003\u0004`);
    const r = run(garbage);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/^Format de fichier non reconnu : .* Précisez la source\.$/);
  });
});
