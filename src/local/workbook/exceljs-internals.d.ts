// The parts of ExcelJS 4.4.0 (pinned) that Club Pulse loads one by one: the streaming reader
// (xlsx-stream.ts) reconciles cells with ExcelJS's own style parser and date test, and exceljs.ts
// loads the workbook classes without the rest of the package.

declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  export default class StylesXform {
    parseStream(stream: AsyncIterable<unknown>): Promise<unknown>;
    getStyleModel(id: number): Record<string, unknown> | null;
  }
}

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
