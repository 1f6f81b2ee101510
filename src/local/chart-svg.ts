/**
 * The dashboard's native charts drawn for the local HTML view: each chart the add-on inserted
 * (recorded by the emulator in SheetModel.charts) reads its range of the workbook, as Sheets
 * would, and is rendered server-side to SVG by Apache ECharts — the first column is the category
 * axis, the first row the series names.
 */

import * as echarts from 'echarts';
import { parseA1 } from './emulator/a1';
import { intlTag } from './emulator/cells';
import { type CellValue, type ChartModel, isDateCell, type WorkbookModel } from './workbook/model';

export const CHART_WIDTH = 560;
export const CHART_HEIGHT = 300;

const PALETTE = ['#1a73e8', '#e8710a', '#1e8e3e', '#d93025', '#9334e6', '#12b5cb'];

/** The chart's table (header row first) read from the workbook, or null when its range is gone. */
function tableOf(chart: ChartModel, model: WorkbookModel): CellValue[][] | null {
  const range = chart.ranges[0];
  const ref = range ? parseA1(range) : null;
  if (!ref) return null;
  const sheet = model.sheets.find((s) => s.name === ref.sheetName);
  if (!sheet) return null;
  const endRow = ref.endRow ?? sheet.values.length;
  const endColumn = ref.endColumn ?? sheet.values.reduce((w, r) => Math.max(w, r.length), 0);
  const rows: CellValue[][] = [];
  for (let r = ref.row; r <= endRow; r++) {
    const line = sheet.values[r - 1] ?? [];
    const cells: CellValue[] = [];
    for (let c = ref.column; c <= endColumn; c++) cells.push(line[c - 1] ?? '');
    rows.push(cells);
  }
  return rows;
}

const text = (v: CellValue): string => (isDateCell(v) ? String(v.serial) : String(v));
const num = (v: CellValue): number | null => (typeof v === 'number' ? v : null);

/**
 * A Google Charts axis pattern (`#,##0%`, `#,##0 €`, `€#,##0`) as a formatter in the workbook's
 * locale: the literal prefix and suffix kept, `,` as the locale's grouping, `%` as a percentage.
 */
export function axisFormatter(pattern: string, locale: string): (value: number) => string {
  const match = /^([^#0.,]*)([#0.,]+)(.*)$/.exec(pattern);
  const [, prefix = '', digits = '#,##0', suffix = ''] = match ?? [];
  const decimals = digits.includes('.') ? digits.split('.')[1]!.length : 0;
  const percent = suffix.trim().startsWith('%');
  const nf = new Intl.NumberFormat(intlTag(locale), {
    maximumFractionDigits: decimals,
    useGrouping: digits.includes(','),
  });
  // Sheets writes a French percentage with a space before %: keep it unbreakable.
  const french = intlTag(locale).startsWith('fr');
  return (value) =>
    percent
      ? `${prefix}${nf.format(value * 100)}${french ? '\u00a0' : ''}${suffix.trim()}`
      : `${prefix}${nf.format(value)}${suffix}`;
}

/** The smallest step a pattern can tell apart: 1 for `#,##0`, 0.01 for `#,##0%`. */
function minIntervalOf(pattern: string): number {
  const decimals = /\.(#|0)+/.exec(pattern)?.[0].length ?? 1;
  return 10 ** -(decimals - 1 + (pattern.includes('%') ? 2 : 0));
}

/** One chart as an SVG string (a titled empty frame when its data is missing). */
export function chartToSvg(chart: ChartModel, model: WorkbookModel): string {
  const table = tableOf(chart, model);
  const title = String(chart.options.title ?? '');
  const instance = echarts.init(null, null, {
    renderer: 'svg',
    ssr: true,
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
  });
  try {
    const header = table?.[0] ?? [];
    const body = table?.slice(1) ?? [];
    const type = chart.type.toUpperCase() === 'LINE' ? 'line' : 'bar';
    const axisPattern = String(chart.options['vAxis.format'] ?? '#,##0.##');
    instance.setOption({
      animation: false,
      // The series colours the add-on asked for (setOption('colors')), else the default palette.
      color: Array.isArray(chart.options.colors) ? (chart.options.colors as string[]) : PALETTE,
      title: {
        text: title,
        left: 'center',
        textStyle: { fontSize: 13, fontFamily: 'Roboto, Arial, sans-serif' },
      },
      legend: { bottom: 0, data: header.slice(1).map(text) },
      grid: { left: 70, right: 20, top: 40, bottom: 70 },
      // Every category labelled (ECharts skips overlapping ones unless interval is 0), slanted when many.
      xAxis: {
        type: 'category',
        data: body.map((r) => text(r[0])),
        axisLabel: { interval: 0, hideOverlap: false, rotate: body.length > 6 ? 35 : 0 },
      },
      yAxis: {
        type: 'value',
        // No tick finer than the format shows: counts never read 1, 1, 2, 2.
        minInterval: minIntervalOf(axisPattern),
        axisLabel: { formatter: axisFormatter(axisPattern, model.meta.locale) },
      },
      series: header.slice(1).map((name, i) => ({
        name: text(name),
        type,
        connectNulls: false,
        data: body.map((r) => num(r[i + 1])),
      })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
