/**
 * Visibility KPIs, hand-worked on a small club (issue 23: visibility.ts scored 32 % before these
 * tests). Period 2026-S1, today 2026-09-15. Reports are computed inside each test (see roi.test.ts).
 */

import { describe, expect, it } from 'vitest';
import { kpi, MEMBERS_HEADER, memberRows, run, tab } from '../fixtures';

const members = tab('Membres', MEMBERS_HEADER, memberRows(3));
const visibility = tab(
  'Notoriété',
  ['Date', 'Type', 'Sentiment', 'Source'],
  [
    ['10/01/2026', 'presse', 'positif', 'Ouest-France'],
    ['11/02/2026', 'presse', 'négatif', 'Le Télégramme'],
    ['12/03/2026', 'mention réseaux sociaux', 'positif', 'LinkedIn'],
    ['13/03/2026', 'mention réseaux sociaux', 'positif', 'LinkedIn'],
    ['14/04/2026', "demande d'interview", 'neutre', 'France Bleu'],
    ['15/04/2026', 'demande de partenariat', '', 'CCI'],
    ['16/05/2026', 'invitation à intervenir', 'positif', 'BNI'],
    ['17/06/2026', 'bouche-à-oreille', '', ''],
    ['20/07/2026', 'presse', 'négatif', 'S2 article'], // S2: outside the period
    ['20/12/2025', 'invitation à intervenir', 'négatif', 'S2 2025'], // previous period
  ],
);

describe('visibility, hand-worked', () => {
  const report = () => run([members, visibility]);

  it('counts each kind of mention of the period only', () => {
    const r = report();
    // Press: 10/01 and 11/02 (the July article is S2) = 2.
    expect(kpi(r, 'press_mentions')).toMatchObject({ value: 2, n: 2 });
    expect(kpi(r, 'social_mentions')).toMatchObject({ value: 2, n: 2 });
    // Interview + partnership request = 2.
    expect(kpi(r, 'external_solicitations')).toMatchObject({ value: 2, n: 2 });
    // 16/05 only (December 2025 is the previous period).
    expect(kpi(r, 'speaking_invitations')).toMatchObject({ value: 1, n: 1 });
  });

  it('net sentiment: (positive − negative) ÷ mentions of P with a sentiment', () => {
    // In P with a sentiment: 10/01 +, 11/02 −, 12/03 +, 13/03 +, 14/04 neutral, 16/05 + → 6 rated;
    // positive 4, negative 1 → (4 − 1) / 6 = 0.5. July's negative and December's are outside P.
    expect(kpi(report(), 'net_sentiment')).toMatchObject({
      value: 0.5,
      n: 6,
      details: { positive: 4, negative: 1, rated: 6 },
    });
  });

  it('net sentiment can be negative and is no data without the tab', () => {
    const sour = tab(
      'Notoriété',
      ['Date', 'Type', 'Sentiment'],
      [
        ['10/01/2026', 'presse', 'négatif'],
        ['11/01/2026', 'presse', 'négatif'],
        ['12/01/2026', 'presse', 'positif'],
        ['13/01/2026', 'presse', 'neutre'],
      ],
    );
    // (1 − 2) / 4 = −0.25.
    expect(kpi(run([members, sour]), 'net_sentiment')).toMatchObject({ value: -0.25, n: 4 });
    const none = run([members]);
    for (const id of [
      'press_mentions',
      'social_mentions',
      'external_solicitations',
      'speaking_invitations',
      'net_sentiment',
    ])
      expect(kpi(none, id).value, id).toBeNull();
  });
});
