/**
 * Writing the model as an xlsx package (xlsx.ts's saveWorkbook calls `writeXlsx` on a temporary
 * file). Every sheet the save does not copy from the source file (xlsx-copy.ts) is written here as
 * SpreadsheetML text (xlsx-sheet-xml.ts), with the package's parts around it (ECMA-376 Part 1:
 * content types, relationships, workbook §18.2.27, shared tables xlsx-tables.ts), then the hidden
 * metadata tab. The package is built in memory, its parts deflated by the native zlib, the copied
 * parts spliced in as they are stored in the source, and the file written once.
 *
 * Until issue 21 ExcelJS's streaming writer wrote these parts (loading it alone took a tenth of a
 * second of every save); ExcelJS's in-memory reader is now the tests' second reader of them.
 */
import { writeFile } from 'node:fs/promises';
import THEME_XML from 'exceljs/lib/xlsx/xml/theme1.js';
import JSZip from 'jszip';
import { META_SHEET_NAME, newSheetModel, type SheetModel, type WorkbookModel } from './model';
import { type CopyPlan, planCopies, spliceCopies, withoutCopies } from './xlsx-copy';
import { encodeMetaJson, splitIntoChunks, WRITER_DEFAULT_FONT_SIZE } from './xlsx-meta';
import { commentsXml, notesVml, vmlBlocks, writeSheetXml } from './xlsx-sheet-xml';
import { MAIN_NS, SharedStrings, StyleSheet, XML_HEAD, xmlEscape } from './xlsx-tables';
import { putPart, putPartAsync } from './zip-parts';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const TYPES_NS = 'http://schemas.openxmlformats.org/package/2006/content-types';
const OFFICE_TYPE = 'application/vnd.openxmlformats-officedocument';

/**
 * Writes the package: the sheets a plan copies from the source file are placeholders, then get
 * their source parts back (xlsx-copy.ts); when that cannot be done, every sheet is written here.
 */
export async function writeXlsx(model: WorkbookModel, file: string): Promise<void> {
  let plan = await planCopies(model);
  let out = await buildPackage(model, plan);
  // At most twice more: without the sheets that could not be copied, then without any copy.
  for (let attempt = 0; plan && attempt < 2; attempt++) {
    const done = await spliceCopies(out, plan);
    if (done === true) break;
    plan = done === false || attempt === 1 ? null : withoutCopies(plan, done);
    out = await buildPackage(model, plan);
  }
  await writeFile(file, await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The metadata tab as a sheet: its JSON chunks down column A. */
function metaSheet(model: WorkbookModel, plan: CopyPlan | null): SheetModel {
  const meta = newSheetModel(0, META_SHEET_NAME);
  const chunks = splitIntoChunks(encodeMetaJson(model, plan?.defaultFontSize ?? WRITER_DEFAULT_FONT_SIZE));
  meta.values = chunks.map((chunk) => [chunk]);
  return meta;
}

/** An empty worksheet: the place of a copied sheet until its source part replaces it. */
const PLACEHOLDER = `${XML_HEAD}<worksheet xmlns="${MAIN_NS}"><sheetData/></worksheet>`;

function relsXml(rels: Array<[id: string, type: string, target: string]>): string {
  const items = rels.map(
    ([id, type, target]) => `<Relationship Id="${id}" Type="${REL_NS}/${type}" Target="${target}"/>`,
  );
  return `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${items.join('')}</Relationships>`;
}

/**
 * The whole package in memory, every part already deflated. The tabs use the indexes the merged
 * shared tables will give their entries (the plan's `xfBase` and `stringOffset`). Each tab is
 * deflated on the thread pool while the next one is written.
 */
async function buildPackage(model: WorkbookModel, plan: CopyPlan | null): Promise<JSZip> {
  const zip = new JSZip();
  const strings = new SharedStrings(plan?.stringOffset ?? 0);
  const styles = new StyleSheet(plan?.defaultFontSize ?? WRITER_DEFAULT_FONT_SIZE, plan?.xfBase ?? 1);
  // One tab deflating at a time: a second would only hold more of the file in memory.
  let deflating: Promise<void> = Promise.resolve();
  // Parts a copied sheet brings along keep their paths: the notes written here take other names.
  const taken = new Set<string>();
  for (const copy of plan?.copies.values() ?? []) for (const target of copy.targets) taken.add(target);
  let notesNumber = 0;
  let vmlBlock = 1;

  const overrides: string[] = [];
  const bookSheets: string[] = [];
  const bookRels: Array<[string, string, string]> = [
    ['rId1', 'styles', 'styles.xml'],
    ['rId2', 'theme', 'theme/theme1.xml'],
    ['rId3', 'sharedStrings', 'sharedStrings.xml'],
  ];
  const sheets: Array<{ sheet: SheetModel; state: string }> = model.sheets.map((sheet) => ({
    sheet,
    state: sheet.hidden ? 'hidden' : 'visible',
  }));
  sheets.push({ sheet: metaSheet(model, plan), state: 'veryHidden' });
  for (const [i, { sheet, state }] of sheets.entries()) {
    const n = i + 1;
    const path = `xl/worksheets/sheet${n}.xml`;
    overrides.push(
      `<Override PartName="/${path}" ContentType="${OFFICE_TYPE}.spreadsheetml.worksheet+xml"/>`,
    );
    bookRels.push([`rId${n + 3}`, 'worksheet', `worksheets/sheet${n}.xml`]);
    bookSheets.push(
      `<sheet name="${xmlEscape(sheet.name)}" sheetId="${n}"${state === 'visible' ? '' : ` state="${state}"`} r:id="rId${n + 3}"/>`,
    );
    if (plan?.copies.has(sheet.name)) {
      putPart(zip, path, PLACEHOLDER);
      continue;
    }
    const written = writeSheetXml(sheet, strings, styles);
    await deflating;
    deflating = putPartAsync(zip, path, written.xml);
    if (written.notes.length === 0) continue;
    let comments: string;
    let drawing: string;
    do {
      notesNumber++;
      comments = `xl/comments${notesNumber}.xml`;
      drawing = `xl/drawings/vmlDrawing${notesNumber}.vml`;
    } while (taken.has(comments) || taken.has(drawing));
    putPart(zip, comments, commentsXml(written.notes));
    putPart(zip, drawing, notesVml(written.notes, vmlBlock));
    vmlBlock += vmlBlocks(written.notes.length);
    overrides.push(
      `<Override PartName="/${comments}" ContentType="${OFFICE_TYPE}.spreadsheetml.comments+xml"/>`,
    );
    putPart(
      zip,
      `xl/worksheets/_rels/sheet${n}.xml.rels`,
      relsXml([
        ['rId1', 'vmlDrawing', `../drawings/vmlDrawing${notesNumber}.vml`],
        ['rId2', 'comments', `../comments${notesNumber}.xml`],
      ]),
    );
  }
  await deflating;

  const firstVisible = Math.max(
    0,
    sheets.findIndex((s) => s.state === 'visible'),
  );
  putPart(
    zip,
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}"><workbookPr/>` +
      `<bookViews><workbookView firstSheet="${firstVisible}" activeTab="${firstVisible}"/></bookViews>` +
      `<sheets>${bookSheets.join('')}</sheets></workbook>`,
  );
  putPart(zip, 'xl/_rels/workbook.xml.rels', relsXml(bookRels));
  putPart(zip, 'xl/styles.xml', styles.xml());
  putPart(zip, 'xl/sharedStrings.xml', strings.xml());
  putPart(zip, 'xl/theme/theme1.xml', THEME_XML);
  putPart(
    zip,
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  putPart(
    zip,
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="${TYPES_NS}">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Default Extension="vml" ContentType="${OFFICE_TYPE}.vmlDrawing"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${OFFICE_TYPE}.spreadsheetml.sheet.main+xml"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${OFFICE_TYPE}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${OFFICE_TYPE}.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="${OFFICE_TYPE}.theme+xml"/>` +
      `${overrides.join('')}</Types>`,
  );
  return zip;
}
