/**
 * Writing text into tracking-tab cells formatted `@` (plain text, set by setup.ts). Elsewhere the
 * add-on writes user text as `'text` (sheets.ts asText) so that Sheets never takes it for a
 * formula; whether a cell formatted `@` consumes that apostrophe or keeps it is not documented
 * (https://developers.google.com/apps-script/reference/spreadsheet/range#setValues(Object);
 * https://developers.google.com/sheets/api/guides/formats; docs/PLATFORM.md). So in such a cell
 * text is written as it is (plain text keeps digits and dates as text under both readings), and
 * the rare text that begins with `=` or `'` is written quoted, read back, and written again as it
 * is if the apostrophe stayed: the cell ends up holding the text itself under either answer.
 */
type Range = GoogleAppsScript.Spreadsheet.Range;

const QUOTED = /^'[='][\s\S]*$/;

/** setValues over `range`, with the values meant for `@` cells written as their own text. */
export function setValuesKeepingText(range: Range, values: unknown[][]): void {
  const formats = range.getNumberFormats();
  const check: Array<[number, number, string]> = [];
  const grid = values.map((row, i) =>
    row.map((v, j) => {
      if (formats[i]?.[j] !== '@' || typeof v !== 'string' || !v.startsWith("'")) return v;
      if (QUOTED.test(v)) {
        check.push([i, j, v.slice(1)]);
        return v;
      }
      return v.slice(1);
    }),
  );
  range.setValues(grid);
  if (check.length === 0) return;
  const written = range.getValues();
  for (const [i, j, text] of check) {
    if (written[i]?.[j] !== text) range.getCell(i + 1, j + 1).setValue(text);
  }
}
