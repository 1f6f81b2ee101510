// The parts of ExcelJS 4.4.0 (pinned) that Club Pulse loads one by one: the streaming reader
// (xlsx-stream.ts) types cells with ExcelJS's date test and shared-formula slide, the style reader
// (xlsx-styles.ts) takes its table of built-in number formats, the writer its Office theme, and
// exceljs.ts loads the in-memory workbook class (the fallback reader) without the rest of the package.

declare module 'exceljs/lib/utils/shared-formula.js' {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}

declare module 'exceljs/lib/utils/utils.js' {
  const utils: {
    /** ExcelJS's test of a number format for dates (what its reader turns numbers into Dates by). */
    isDateFmt(format: string | undefined): boolean;
  };
  export default utils;
}

declare module 'exceljs/lib/doc/workbook.js' {
  const Workbook: unknown;
  export default Workbook;
}

declare module 'exceljs/lib/xlsx/xml/theme1.js' {
  /** The Office theme ExcelJS puts in the packages it writes (a theme part, ECMA-376 Part 1 §14.2.7). */
  const xml: string;
  export default xml;
}

declare module 'exceljs/lib/xlsx/defaultnumformats.js' {
  /** ExcelJS's built-in number formats by id (ECMA-376 Part 1, §18.8.30): `f` is the format code. */
  const formats: Record<number, { f?: string }>;
  export default formats;
}
