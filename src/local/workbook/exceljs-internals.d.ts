// The parts of ExcelJS 4.4.0 (pinned) that the streaming reader (xlsx-stream.ts) drives one row at a
// time: the very parsers its in-memory reader uses for styles, shared strings and rows, so both
// readers give a cell the same value, type and style.

declare module 'exceljs/lib/xlsx/xform/style/styles-xform.js' {
  export default class StylesXform {
    parseStream(stream: AsyncIterable<unknown>): Promise<unknown>;
    getStyleModel(id: number): Record<string, unknown> | null;
  }
}

declare module 'exceljs/lib/xlsx/xform/strings/shared-strings-xform.js' {
  export default class SharedStringsXform {
    parseStream(stream: AsyncIterable<unknown>): Promise<unknown>;
    getString(index: number): unknown;
  }
}

declare module 'exceljs/lib/xlsx/xform/sheet/row-xform.js' {
  export interface SaxNode {
    name: string;
    attributes: Record<string, string>;
  }
  export interface CellXformModel {
    address?: string;
    type: number;
    value?: unknown;
    result?: unknown;
    formula?: string;
    sharedFormula?: string;
    shareType?: string;
    /** The shared formula's index (`<f si>`), before reconciliation. */
    si?: string;
    /** The cell's `s` attribute, before reconciliation. */
    styleId?: number;
    ref?: string;
    style?: Record<string, unknown>;
  }
  export interface RowXformModel {
    number: number;
    hidden?: boolean;
    cells: CellXformModel[];
  }
  export default class RowXform {
    model: RowXformModel;
    parseOpen(node: SaxNode): boolean;
    parseText(text: string): void;
    parseClose(name: string): boolean;
    reconcile(model: RowXformModel, options: Record<string, unknown>): void;
  }
}

declare module 'exceljs/lib/utils/shared-formula.js' {
  export function slideFormula(formula: string, fromCell: string, toCell: string): string;
}

declare module 'exceljs/lib/utils/col-cache.js' {
  const colCache: {
    decodeAddress(address: string): { row: number; col: number; address: string };
  };
  export default colCache;
}

declare module 'exceljs/lib/utils/parse-sax.js' {
  export interface SaxEvent {
    eventType: 'opentag' | 'text' | 'closetag';
    value: { name: string; attributes: Record<string, string> } | string;
  }
  /** saxes over the chunks (strings), the events of each chunk in one array. */
  export default function parseSax(chunks: AsyncIterable<string>): AsyncGenerator<SaxEvent[]>;
}

declare module 'exceljs/lib/utils/utils.js' {
  const utils: {
    /** ExcelJS's test of a number format for dates (what its reader turns numbers into Dates by). */
    isDateFmt(format: string | undefined): boolean;
  };
  export default utils;
}
