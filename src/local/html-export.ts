/**
 * A sheet of the local workbook as a standalone HTML page (`refresh --html`): the cells as Sheets
 * would display them (through the emulator's getDisplayValues), with backgrounds, colours, bold,
 * sizes, merges, text overflowing into empty neighbours, and column widths. Every cell text is
 * HTML-escaped.
 */

import { escapeHtml } from '../core/editions/escape';
import { cellKey, type SheetModel } from './workbook/model';

export { escapeHtml };

/** The page; `charts` are SVG strings (see chart-svg.ts) shown beside the cells, as Sheets floats them. */
export function sheetToHtml(
  sheet: SheetModel,
  display: string[][],
  title: string,
  charts: string[] = [],
): string {
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const [r, c, nr, nc] of sheet.merges) {
    spans.set(cellKey(r, c), { rows: nr, cols: nc });
    for (let i = r; i < r + nr; i++)
      for (let j = c; j < c + nc; j++) if (i !== r || j !== c) covered.add(cellKey(i, j));
  }
  const width = display.reduce((w, r) => Math.max(w, r.length), 0);
  // Text overflows into the empty cells on its right, as Sheets shows it.
  display.forEach((line, r) => {
    for (let c = 0; c < line.length; c++) {
      const key = cellKey(r, c);
      if (line[c] === '' || covered.has(key) || spans.has(key)) continue;
      let end = c + 1;
      while (
        end < width &&
        (line[end] ?? '') === '' &&
        !covered.has(cellKey(r, end)) &&
        !spans.has(cellKey(r, end))
      )
        end++;
      if (end - c > 1) {
        spans.set(key, { rows: 1, cols: end - c });
        for (let j = c + 1; j < end; j++) covered.add(cellKey(r, j));
      }
      c = end - 1;
    }
  });
  const cols = Array.from(
    { length: width },
    (_, j) => `<col style="width:${sheet.columnWidths.get(j + 1) ?? 100}px">`,
  ).join('');
  const rows = display
    .map((line, r) => {
      const cells = line
        .map((text, c) => {
          const key = cellKey(r, c);
          if (covered.has(key)) return '';
          const style = [
            sheet.backgrounds.get(key) ? `background:${sheet.backgrounds.get(key)}` : '',
            sheet.fontColors.get(key) ? `color:${sheet.fontColors.get(key)}` : '',
            sheet.fontWeights.get(key) === 'bold' ? 'font-weight:bold' : '',
            sheet.fontSizes.get(key) ? `font-size:${sheet.fontSizes.get(key)}pt` : '',
          ]
            .filter(Boolean)
            .join(';');
          const span = spans.get(key);
          const attrs = `${span ? ` colspan="${span.cols}" rowspan="${span.rows}"` : ''}${style ? ` style="${escapeHtml(style)}"` : ''}`;
          return `<td${attrs}>${escapeHtml(text)}</td>`;
        })
        .join('');
      return `<tr>${cells}</tr>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title>
<style>body{font-family:Roboto,Arial,sans-serif;font-size:10pt;margin:16px;color:#202124}
table{border-collapse:collapse;table-layout:fixed}td{border:1px solid #e0e0e0;padding:3px 6px;vertical-align:top;overflow:hidden}
.page{display:flex;gap:16px;align-items:flex-start}.charts{display:flex;flex-direction:column;gap:12px;flex:0 0 auto}
.chart{border:1px solid #dadce0;background:#fff;margin:0}.chart svg{display:block;max-width:100%;height:auto}
@media (max-width:900px){.page{flex-direction:column}.charts{flex:none;width:100%}}
@media (max-width:600px){body{margin:8px}table,tbody,tr,td{display:block}colgroup,td:empty{display:none}
tr{display:flex;flex-wrap:wrap;border-bottom:1px solid #e0e0e0}td{border:0;flex:1 1 auto;max-width:100%;overflow-wrap:break-word}
td:first-child{flex-basis:100%}}</style>
</head><body><div class="page"><table><colgroup>${cols}</colgroup>
${rows}
</table>${charts.length > 0 ? `<div class="charts">${charts.map((svg) => `<figure class="chart">${svg}</figure>`).join('')}</div>` : ''}</div></body></html>
`;
}
