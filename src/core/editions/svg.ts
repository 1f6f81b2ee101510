/**
 * The editions' charts as inline SVG (issue 19): one small bar chart per figure of L'essentiel, its
 * trend over the last periods, each bar labelled with its value and period. Drawn by hand here because
 * it must run in Apps Script too (the print view is built server-side; the local dashboard's ECharts
 * is not in the add-on bundle) and inline SVG needs no network and prints as vectors. Every text is
 * escaped.
 */

import { escapeHtml } from './escape';

export interface TrendChart {
  title: string;
  values: Array<number | null>;
  periods: string[];
  /** The value as shown under the bar (`62,5 %`). */
  format: (value: number) => string;
  /** Text for a period without data. */
  noData: string;
  colour?: string;
}

const WIDTH = 300;
const HEIGHT = 130;
const TOP = 30;
const BOTTOM = 30;

/** A bar chart; bars start at zero, or at the minimum when values are negative (an NPS). */
export function trendChartSvg(chart: TrendChart): string {
  const known = chart.values.filter((v): v is number => v !== null);
  const max = Math.max(0, ...known);
  const min = Math.min(0, ...known);
  const span = max - min || 1;
  const slot = WIDTH / Math.max(1, chart.values.length);
  const bar = Math.min(44, slot * 0.6);
  const plot = HEIGHT - TOP - BOTTOM;
  const zeroY = TOP + (max / span) * plot;
  const colour = chart.colour ?? '#1a73e8';
  const parts = chart.values.map((v, i) => {
    const cx = slot * i + slot / 2;
    const last = i === chart.values.length - 1;
    const label = `<text x="${cx.toFixed(1)}" y="${HEIGHT - 8}" text-anchor="middle" class="p">${escapeHtml(chart.periods[i] ?? '')}</text>`;
    if (v === null)
      return `${label}<text x="${cx.toFixed(1)}" y="${(zeroY - 4).toFixed(1)}" text-anchor="middle" class="n">${escapeHtml(chart.noData)}</text>`;
    const h = (Math.abs(v) / span) * plot;
    const y = v >= 0 ? zeroY - h : zeroY;
    const valueY = v >= 0 ? y - 4 : y + h + 11;
    return (
      `<rect x="${(cx - bar / 2).toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${Math.max(h, 0.5).toFixed(1)}" fill="${colour}" fill-opacity="${last ? 1 : 0.45}"/>` +
      `<text x="${cx.toFixed(1)}" y="${valueY.toFixed(1)}" text-anchor="middle" class="v">${escapeHtml(chart.format(v))}</text>${label}`
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escapeHtml(chart.title)}">` +
    '<style>text{font-family:Arial,sans-serif;fill:#3c4043}.p{font-size:10px}.v{font-size:10px;font-weight:bold}.n{font-size:9px;fill:#80868b}</style>' +
    `<line x1="0" x2="${WIDTH}" y1="${zeroY.toFixed(1)}" y2="${zeroY.toFixed(1)}" stroke="#dadce0"/>${parts.join('')}</svg>`
  );
}
