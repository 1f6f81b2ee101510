/**
 * The monthly challenges as a club sees them (src/core/challenge-views.ts), hand-worked (issue 23)
 * on challenge results made by hand: titles from the label or the kind and N in both languages, the
 * progress and club total lines, last month's winners named (at most ten, each once) or counted as
 * Settings says, the dashboard block and the JSON block. Today's month is September 2026.
 */

import { describe, expect, it } from 'vitest';
import {
  challengesBlock,
  challengesJson,
  challengesSummary,
  challengeTitle,
  monthText,
} from '../../../src/core/challenge-views';
import type { ChallengeKind, ChallengeResult } from '../../../src/core/challenges';
import type { Report } from '../../../src/core/compute';
import { dayOf } from '../../../src/core/dates';
import type { Lang } from '../../../src/core/i18n';
import { LayoutBuilder } from '../../../src/core/layout';

const SEPTEMBER = dayOf(2026, 9, 1);
const AUGUST = dayOf(2026, 8, 1);

function result(
  kind: ChallengeKind,
  extra: { target?: number; label?: string; clubTarget?: number | null; month?: number } = {},
  winners: string[] = [],
  eligible = 5,
  clubTotal = 3,
): ChallengeResult {
  const month = extra.month ?? SEPTEMBER;
  return {
    challenge: {
      row: 2,
      month,
      kind,
      target: extra.target ?? 1,
      clubTarget: extra.clubTarget ?? null,
      label: extra.label ?? '',
    },
    monthLabel: month === SEPTEMBER ? '2026-09' : '2026-08',
    start: month,
    end: month + 29,
    state: month === SEPTEMBER ? 'current' : 'past',
    eligible,
    winners: winners.map((id, i) => ({ memberId: id, name: `Nom ${id}`, count: 3 - (i % 2) })),
    clubTotal,
  };
}

function report(
  current: ChallengeResult[],
  lastMonth: ChallengeResult[],
  lang: Lang = 'fr',
  leaderboardPublic = true,
) {
  return {
    lang,
    settings: { leaderboardPublic },
    challenges: { month: SEPTEMBER, all: [...lastMonth, ...current], current, lastMonth, wonBy: new Map() },
  } as unknown as Report;
}

describe('challengeTitle', () => {
  it('is the label, else the kind with N in the workbook language', () => {
    expect(challengeTitle(result('guest', { label: 'Défi de la rentrée', target: 3 }), 'en')).toBe(
      'Défi de la rentrée',
    );
    const titles = (lang: Lang, target: number) =>
      (['guest', 'referrals', 'content', 'events', 'survey'] as ChallengeKind[]).map((k) =>
        challengeTitle(result(k, { target }), lang),
      );
    expect(titles('fr', 1)).toEqual([
      'Amener un invité',
      'Donner une recommandation',
      'Partager un contenu',
      'Participer à un événement',
      'Répondre à une enquête',
    ]);
    expect(titles('en', 2)).toEqual([
      'Bring 2 guests',
      'Give 2 referrals',
      'Share 2 contents',
      'Attend 2 events',
      'Answer 2 surveys',
    ]);
  });
});

describe('challengesSummary', () => {
  it('is null without any challenge', () => {
    expect(challengesSummary(report([], []))).toBeNull();
  });

  it('shows this month’s progress, with or without a club target, and last month’s winners by name', () => {
    const s = challengesSummary(
      report(
        [result('events', { target: 2, clubTarget: 12 }, ['M1', 'M2'], 5, 9), result('guest', {}, [], 0, 0)],
        [
          result('content', { month: AUGUST }, ['M3', 'M4']),
          result('survey', { month: AUGUST }, ['M4', 'M5']),
        ],
      ),
    );
    expect(s).toEqual({
      title: 'Défi du mois — septembre 2026',
      none: null,
      items: [
        {
          title: 'Participer à 2 événements',
          met: '2 membre(s) sur 5 l’ont relevé',
          total: 'Total du club : 9 / 12 visés',
          share: 0.4,
        },
        {
          title: 'Amener un invité',
          met: '0 membre(s) sur 0 l’ont relevé',
          total: 'Total du club : 0',
          share: null,
        },
      ],
      // M4 won both: named once.
      winners: 'Gagnants de août 2026 : Nom M3, Nom M4, Nom M5',
    });
  });

  it('counts the winners when the leaderboard is private, says nobody, and when there was no challenge', () => {
    const last = [result('content', { month: AUGUST }, ['M3', 'M4'])];
    const current = [result('events')];
    expect(challengesSummary(report(current, last, 'en', false))?.winners).toBe('Winners of August 2026: 2');
    expect(challengesSummary(report(current, [result('content', { month: AUGUST })], 'en'))?.winners).toBe(
      'Winners of August 2026: nobody',
    );
    expect(challengesSummary(report(current, [result('content', { month: AUGUST })], 'fr'))?.winners).toBe(
      'Gagnants de août 2026 : personne',
    );
    const s = challengesSummary(report([], [result('content', { month: AUGUST }, ['M1'])], 'en'));
    expect([s?.none, s?.items]).toEqual(['No challenge this month: add one in the Challenges tab.', []]);
    expect(challengesSummary(report(current, [], 'en'))?.winners).toBe(
      'No challenge last month (August 2026).',
    );
    expect(challengesSummary(report(current, [], 'fr'))?.items[0].total).toBe('Total du club : 3');
  });

  it('names ten winners at most and counts the others', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(2, '0')}`);
    const ten = challengesSummary(
      report([result('events')], [result('events', { month: AUGUST }, ids.slice(0, 10))], 'en'),
    );
    expect(ten?.winners).toBe(
      `Winners of August 2026: ${ids
        .slice(0, 10)
        .map((id) => `Nom ${id}`)
        .join(', ')}`,
    );
    const twelve = challengesSummary(
      report([result('events')], [result('events', { month: AUGUST }, ids)], 'en'),
    );
    expect(twelve?.winners).toBe(
      `Winners of August 2026: ${ids
        .slice(0, 10)
        .map((id) => `Nom ${id}`)
        .join(', ')} (+2)`,
    );
  });
});

describe('challengesBlock', () => {
  it('writes the title, each challenge with its progress, the winners, then a blank row', () => {
    const b = new LayoutBuilder('Tableau de bord', [100, 100, 100, 100]);
    challengesBlock(b, report([result('events', {}, ['M1'])], [], 'en'), {
      family: '#eeeeee',
      muted: '#999999',
    });
    const layout = b.build();
    expect(layout.values.map((r) => r.filter((v) => v !== '' && v !== null))).toEqual([
      ['Challenge of the month — September 2026'],
      ['Attend an event', '1 of 5 members met it', 'Club total: 3'],
      ['No challenge last month (August 2026).'],
      [],
    ]);
    expect([layout.fontWeights[0][0], layout.backgrounds[0][0], layout.fontSizes[0][0]]).toEqual([
      'bold',
      '#eeeeee',
      12,
    ]);
    expect(layout.fontWeights[1].slice(0, 2)).toEqual(['bold', 'normal']);
    const none = new LayoutBuilder('Tableau de bord', [100]);
    challengesBlock(none, report([], [result('events', { month: AUGUST })]), {
      family: '#eeeeee',
      muted: '#999999',
    });
    expect([none.build().values[1][0], none.build().fontColors[1][0]]).toEqual([
      'Aucun défi ce mois-ci : ajoutez-en un dans l’onglet Défis.',
      '#999999',
    ]);
    const empty = new LayoutBuilder('Tableau de bord', [100]);
    challengesBlock(empty, report([], []), { family: '#eeeeee', muted: '#999999' });
    expect(empty.build().values).toEqual([]);
  });
});

describe('challengesJson', () => {
  it('names winners only when the leaderboard is public', () => {
    const current = [result('referrals', { target: 2, clubTarget: 6, label: 'Recos' }, ['M1'], 4, 5)];
    const last = [result('content', { month: AUGUST }, ['M2'])];
    const json = challengesJson(report(current, last, 'fr', true));
    expect(json.month).toBe('2026-09');
    expect(json.current).toEqual([
      {
        month: '2026-09',
        kind: 'referrals',
        label: 'Recos',
        target: 2,
        club_target: 6,
        state: 'current',
        eligible: 4,
        met: 1,
        club_total: 5,
        winners: [{ member_id: 'M1', name: 'Nom M1', count: 3 }],
      },
    ]);
    expect(json.last_month.map((c) => c.month)).toEqual(['2026-08']);
    expect(json.history.map((c) => c.kind)).toEqual(['content', 'referrals']);
    expect(challengesJson(report(current, last, 'fr', false)).current[0].winners).toEqual([
      { member_id: 'M1', count: 3 },
    ]);
  });
});

describe('monthText', () => {
  it('names the month in the workbook language', () => {
    expect([monthText(AUGUST, 'fr'), monthText(AUGUST, 'en')]).toEqual(['août 2026', 'August 2026']);
  });
});
