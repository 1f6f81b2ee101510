/**
 * L'essentiel / Highlights at the top of the sidebar's outcome: the big figures (value, arrow and
 * change, trend sparkline) and the sentences, all already in the club's language from the server
 * (core/highlights.ts). Text only, never HTML.
 */
import type { Highlights } from '../core/api';
import { byId, el } from './ui';

export function renderHighlights(h: Highlights | undefined): void {
  const box = byId('highlights');
  if (!h || h.figures.length === 0) {
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  box.hidden = false;
  const figures = el('ul', 'hl-figures');
  for (const f of h.figures) {
    const item = el('li', 'hl');
    item.dataset.kpi = f.id;
    item.append(el('span', 'hl-label', f.label), el('span', 'hl-value', f.value));
    if (f.change.delta !== null) {
      const trend = f.change.trend === 'good' || f.change.trend === 'bad' ? f.change.trend : '';
      const change = el('span', `delta hl-delta ${trend}`.trim(), `${f.change.arrow} ${f.change.text}`);
      change.title = f.change.period;
      item.append(change);
    }
    if (f.spark) {
      const spark = el('span', 'hl-spark', f.spark);
      spark.title = f.periods.join(' → ');
      item.append(spark);
    }
    figures.append(item);
  }
  const sentences = h.sentences.map((s) => el('p', 'hl-sentence', s));
  box.replaceChildren(
    el('h3', '', h.title),
    figures,
    el('p', 'hl-caption muted', h.trendCaption),
    ...sentences,
  );
}
