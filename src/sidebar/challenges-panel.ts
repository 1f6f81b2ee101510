/**
 * Défi du mois / Challenge of the month (issue 17), under the highlights: this month's challenges
 * with their progress (members who met it, club total against its target) and last month's
 * winners, all already in the club's language from the server (core/challenge-views.ts). Text
 * only, never HTML.
 */
import type { ChallengesSummary } from '../core/api';
import { byId, el } from './ui';

export function renderChallenges(s: ChallengesSummary | null | undefined): void {
  const box = byId('challenges');
  if (!s) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.hidden = false;
  const items = el('ul', 'ch-items');
  for (const item of s.items) {
    const line = el('li', 'ch-item');
    line.append(el('span', 'ch-title', item.title), el('span', 'ch-met', item.met));
    if (item.share !== null) {
      const bar = el('progress', 'ch-bar');
      bar.max = 1;
      bar.value = item.share;
      bar.setAttribute('aria-label', item.met);
      line.append(bar);
    }
    line.append(el('span', 'ch-total muted', item.total));
    items.append(line);
  }
  const parts: HTMLElement[] = [el('h3', '', s.title)];
  if (s.none) parts.push(el('p', 'ch-none muted', s.none));
  parts.push(items, el('p', 'ch-winners', s.winners));
  box.replaceChildren(...parts);
}
