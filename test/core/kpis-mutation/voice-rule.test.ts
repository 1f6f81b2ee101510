/**
 * members_ask_format (src/core/recommendations/rules/voice.ts) hand-worked where
 * test/core/voice.test.ts leaves room (issue 23): exactly five respondents, a period without events,
 * a format never offered, several offered, the `other` format, and a format offered at exactly half
 * the share that asks for it. Period 2026-S1, today 2026-09-15, fr_FR unless told otherwise.
 * Thresholds: at least 5 respondents of the question, at least 30 % of them ask for a format, and
 * under half that share of the period's events were in it.
 */

import { describe, expect, it } from 'vitest';
import { MEMBERS_HEADER, memberRows, run, sheetDate, tab } from '../fixtures';

const RESPONSES_HEADER = ['Horodatage', 'ID enquête', "Type d'enquête", 'Membre', 'Formats préférés'];

/** One cold answer per member M001, M002…, submitted in June 2026, ticking the given formats. */
function answers(formats: string[]): unknown[][] {
  return formats.map((f, i) => [
    sheetDate(`2026-06-${String(i + 1).padStart(2, '0')}`),
    'COLD-2026-S1',
    'froid',
    `M${String(i + 1).padStart(3, '0')}`,
    f,
  ]);
}

/** Events E01, E02… of the given formats, dated in spring 2026 (in 2026-S1) unless told otherwise. */
function eventRows(formats: string[], iso = '2026-03-10'): unknown[][] {
  return formats.map((f, i) => [`E${String(i + 1).padStart(2, '0')}`, sheetDate(iso), f]);
}

function asks(formats: string[], events: unknown[][], lang: 'fr' | 'en' = 'fr') {
  const report = run([
    tab('Membres', MEMBERS_HEADER, memberRows(formats.length)),
    tab('Événements', ['ID événement', 'Date', 'Format'], events),
    tab('Réponses', RESPONSES_HEADER, answers(formats)),
    tab('Paramètres', ['Clé', 'Valeur'], [['language', lang]]),
  ]);
  return report.recommendations.filter((r) => r.id.startsWith('members_ask_format'));
}

const FIVE = ['visite', 'visite', 'visite', 'afterwork', 'afterwork'];
const afterworks = (n: number) => eventRows(Array.from({ length: n }, () => 'afterwork'));

describe('members_ask_format, worked by hand', () => {
  it('fires at exactly five respondents for a format never offered, with its figures', () => {
    // 5 respondents: visit 3/5 = 60 % asked, 0 of 4 events; afterwork 2/5 = 40 % asked, 4/4 offered.
    const [fired, ...rest] = asks(FIVE, afterworks(4));
    expect(rest).toEqual([]);
    expect(fired.id).toBe('members_ask_format:visit');
    expect(fired.severity).toBe(2);
    expect(fired.figures).toEqual({
      format: 'visit',
      asked_share: 0.6,
      respondents: 5,
      offered: 0,
      events: 4,
    });
    expect(fired.text).toBe(
      '60,0\u00a0% des répondants demandent le format « visite », aucun des 4 événements n’en était un : programmez-en davantage.',
    );
    expect(asks(FIVE, afterworks(4), 'en')[0].text).toBe(
      '60.0\u00a0% of respondents ask for the "visit" format, none of the 4 events was one: schedule more of it.',
    );
  });

  it('says there was no event when the period has none (events of the year before do not count)', () => {
    // No event in 2026-S1: visit 60 % and afterwork 40 % both fire, most asked first.
    const fired = asks(FIVE, eventRows(['afterwork', 'visite'], '2025-11-20'));
    expect(fired.map((r) => r.id)).toEqual(['members_ask_format:visit', 'members_ask_format:afterwork']);
    expect(fired[1].figures).toEqual({
      format: 'afterwork',
      asked_share: 0.4,
      respondents: 5,
      offered: 0,
      events: 0,
    });
    expect(fired[1].text).toBe(
      '40,0\u00a0% des répondants demandent le format « afterwork », aucun événement dans la période : programmez-en davantage.',
    );
    expect(asks(FIVE, [], 'en').map((r) => r.text)).toEqual([
      '60.0\u00a0% of respondents ask for the "visit" format, no event in the period: schedule more of it.',
      '40.0\u00a0% of respondents ask for the "afterwork" format, no event in the period: schedule more of it.',
    ]);
  });

  it('counts several events of the format offered', () => {
    // 5 respondents, 4 ask for workshops (80 %); 3 workshops of 10 events (30 % < 40 %).
    const formats = ['atelier', 'atelier', 'atelier', 'atelier', 'afterwork'];
    const events = eventRows([
      'atelier',
      'atelier',
      'atelier',
      ...Array.from({ length: 7 }, () => 'afterwork'),
    ]);
    const [fired, ...rest] = asks(formats, events);
    expect(rest).toEqual([]);
    expect(fired.figures).toEqual({
      format: 'workshop',
      asked_share: 0.8,
      respondents: 5,
      offered: 3,
      events: 10,
    });
    expect(fired.text).toBe(
      '80,0\u00a0% des répondants demandent le format « atelier », 3 événements sur 10 en étaient : programmez-en davantage.',
    );
    expect(asks(formats, events, 'en')[0].text).toBe(
      '80.0\u00a0% of respondents ask for the "workshop" format, 3 events in 10 were: schedule more of it.',
    );
  });

  it('never recommends the `other` format, nor one offered at exactly half the share asked', () => {
    // breakfast 2/5 = 40 % asked, 1 of 5 events = 20 % offered: not under half of 40 %.
    // other 3/5 = 60 % asked, never offered: still silent (no format to schedule).
    const events = eventRows(['petit-déjeuner', 'afterwork', 'afterwork', 'afterwork', 'afterwork']);
    const formats = ['autre', 'autre', 'autre', 'petit-déjeuner', 'petit-déjeuner'];
    expect(asks(formats, events)).toEqual([]);
    // The same answers with a conference instead of "other" fire for the conference only.
    const conference = formats.map((f) => (f === 'autre' ? 'conférence' : f));
    expect(asks(conference, events).map((r) => r.id)).toEqual(['members_ask_format:conference']);
    // One breakfast fewer among the events: 0 of 4 < 20 %, it fires.
    expect(asks(formats, events.slice(1)).map((r) => r.id)).toEqual(['members_ask_format:breakfast']);
  });

  it('stays silent at four respondents', () => {
    expect(asks(FIVE.slice(0, 4), afterworks(4))).toEqual([]);
  });
});
