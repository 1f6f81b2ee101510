// The HTML dashboard's SVG charts: value axes in the workbook's locale (rates as %, money in €) and
// every category labelled, even seven formats in 560 px.
import { describe, expect, it } from 'vitest';
import { axisFormatter, chartToSvg } from '../../src/local/chart-svg';
import type { ChartModel } from '../../src/local/workbook/model';
import { emulator, workbook } from './emulator/helpers';

const NBSP = '\u00a0';

function svgOf(locale: string, rows: unknown[][], options: Record<string, unknown>, type = 'COLUMN'): string {
  const em = emulator(workbook(['Data'], { locale, timeZone: 'Europe/Paris' }));
  em.workbook.sheets[0]!.values = rows as never;
  const chart: ChartModel = {
    chartId: 1,
    type,
    ranges: [`'Data'!A1:B${rows.length}`],
    anchorRow: 1,
    anchorColumn: 1,
    offsetX: 0,
    offsetY: 0,
    options,
  };
  // ECharts writes text nodes; entities aside, the labels read as written.
  return chartToSvg(chart, em.workbook).replace(/&#160;/g, NBSP);
}

describe('axisFormatter', () => {
  it('writes rates as %, money with its currency, grouped in the locale', () => {
    expect(axisFormatter('#,##0%', 'fr_FR')(0.6)).toBe(`60${NBSP}%`);
    expect(axisFormatter('#,##0%', 'en_GB')(0.6)).toBe('60%');
    expect(axisFormatter(`#,##0${NBSP}€`, 'fr_FR')(7000)).toBe(`7\u202f000${NBSP}€`);
    expect(axisFormatter('€#,##0', 'en_GB')(7000)).toBe('€7,000');
    expect(axisFormatter('#,##0', 'fr_FR')(1728)).toBe('1\u202f728');
  });
});

describe('chartToSvg', () => {
  it('labels all seven formats of a column chart', () => {
    const formats = ['Petit-déjeuner', 'Déjeuner', 'Afterwork', 'Soirée', 'Visite', 'Conférence', 'Autre'];
    const svg = svgOf('fr_FR', [['Format', 'Participants'], ...formats.map((f, i) => [f, i + 1])], {
      title: 'Participants par format',
      'vAxis.format': '#,##0',
    });
    for (const f of formats) expect(svg, f).toContain(`>${f}<`);
  });

  it('draws a rate axis in % and a money axis in € in a French workbook', () => {
    const rates = svgOf(
      'fr_FR',
      [
        ['Mois', 'Participation'],
        ['2026-01', 0.4],
        ['2026-02', 0.6],
      ],
      { 'vAxis.format': '#,##0%' },
      'LINE',
    );
    expect(rates).toContain(`>60${NBSP}%<`);
    expect(rates).not.toMatch(/>0\.6</);
    const money = svgOf(
      'fr_FR',
      [
        ['Période', 'Retours'],
        ['2025-S2', 0],
        ['2026-S1', 7000],
      ],
      {
        'vAxis.format': `#,##0${NBSP}€`,
      },
    );
    expect(money).toMatch(new RegExp(`>7[\\u202f${NBSP} ]000${NBSP}€<`));
  });

  it('never repeats a tick label on a count axis (3 and 2 attendees: no 2,5 rounded to 3)', () => {
    const svg = svgOf(
      'fr_FR',
      [
        ['Format', 'Participants'],
        ['petit-déjeuner', 3],
        ['afterwork', 2],
      ],
      {
        'vAxis.format': '#,##0',
      },
    );
    const ticks = [...svg.matchAll(/>(\d+)</g)].map((m) => m[1]);
    expect(ticks.length).toBeGreaterThan(2);
    expect(new Set(ticks).size).toBe(ticks.length);
  });
});
