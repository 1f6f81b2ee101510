/**
 * The ExcelJS class Club Pulse uses, loaded from its own module: the package's entry
 * point also loads its streaming reader and CSV support (unzipper, fast-csv…), which nothing here
 * uses, and that is about 100 ms of every command's start (issue 21). Types are the package's.
 */
import type ExcelJS from 'exceljs';
import WorkbookModule from 'exceljs/lib/doc/workbook.js';

/** ExcelJS's in-memory workbook (reading and writing whole files). */
export const Workbook = WorkbookModule as typeof ExcelJS.Workbook;
export type Workbook = ExcelJS.Workbook;
