/**
 * The shared tables of a package with copied sheet parts (xlsx-merge.ts): the source's entries
 * keep their indexes, ExcelJS's follow with their references moved, and what cannot be read
 * safely is refused (the save then writes every sheet itself).
 */
import { describe, expect, it } from 'vitest';
import { canMergeStyles, mergeStrings, mergeStyles, sheetRefs } from '../../../src/local/workbook/xlsx-merge';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const styles = (
  numFmts: string,
  fonts: string,
  fills: string,
  xfs: string,
  dxfs = '<dxfs count="0"/>',
): string =>
  `<?xml version="1.0"?><styleSheet ${NS}>${numFmts}<fonts count="9">${fonts}</fonts><fills count="9">${fills}</fills>` +
  `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
  `<cellXfs count="9">${xfs}</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>${dxfs}</styleSheet>`;
const FILLS =
  '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>';

describe('mergeStyles', () => {
  const source = styles(
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>',
    '<font><sz val="10"/><name val="Arial"/></font><font><b/></font><font><i/></font>',
    `${FILLS}<fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/></patternFill></fill>`,
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="2" borderId="0" xfId="0"/>' +
      '<xf numFmtId="0" fontId="2" fillId="0" borderId="0" xfId="0"/>',
    '<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>',
  );
  const excel = styles(
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.00%"/></numFmts>',
    '<font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="16"/></font>',
    `${FILLS}<fill><patternFill patternType="solid"><fgColor rgb="FF00FF00"/></patternFill></fill>`,
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="2" borderId="0" xfId="0"/>',
  );

  it("keeps the source's formats a copied sheet uses at their indexes and moves ExcelJS's after them", () => {
    const merged = mergeStyles(source, excel, 1)!;
    expect(merged.mapXf(0)).toBe(0);
    expect(merged.mapXf(1)).toBe(2);
    const xfs = merged.xml.match(/<cellXfs count="(\d+)">([\s\S]*?)<\/cellXfs>/)!;
    expect(xfs[1]).toBe('3');
    const list = xfs[2].match(/<xf\b[^>]*\/>/g)!;
    // The source's first two formats as they were (the third, unused, is cut).
    expect(list.slice(0, 2)).toEqual([
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
      '<xf numFmtId="164" fontId="1" fillId="2" borderId="0" xfId="0"/>',
    ]);
    // ExcelJS's 0.00% takes a new id; its font and fill follow the source's kept ones.
    expect(list[2]).toBe('<xf numFmtId="165" fontId="2" fillId="3" borderId="0" xfId="0"/>');
    expect(merged.xml).toContain(
      '<numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.00%"/>',
    );
    expect(merged.xml).toContain(
      '<fonts count="3"><font><sz val="10"/><name val="Arial"/></font><font><b/></font><font><b/><sz val="16"/></font></fonts>',
    );
    expect(merged.xml).toContain('<dxfs count="1"><dxf><font><b/></font></dxf></dxfs>');
  });

  it('adds a number format list where the source has none', () => {
    const merged = mergeStyles(source.replace(/<numFmts[\s\S]*?<\/numFmts>/, ''), excel, 0)!;
    expect(merged.xml).toMatch(
      /<styleSheet [^>]*><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00%"\/><\/numFmts><fonts/,
    );
  });

  it('refuses a style sheet with namespace prefixes, or a format index the source does not have', () => {
    const prefixed = source
      .replace(/<(\/?)(\w+)/g, '<$1x:$2')
      .replace(`x:styleSheet ${NS}`, 'x:styleSheet xmlns:x="urn:x"');
    expect(canMergeStyles(prefixed)).toBe(false);
    expect(mergeStyles(prefixed, excel, 0)).toBeNull();
    expect(mergeStyles(source, excel, 3)).toBeNull();
    expect(canMergeStyles(source)).toBe(true);
  });
});

describe('mergeStrings and sheetRefs', () => {
  const sst = (items: string[]): string =>
    `<sst ${NS} count="${items.length}">${items.map((t) => `<si><t>${t}</t></si>`).join('')}</sst>`;

  it('keeps the used source strings at their indexes, blanks the others and cuts after the last used', () => {
    const merged = mergeStrings(sst(['a', 'secret', 'b', 'unused']), sst(['new']), new Set([0, 2]))!;
    expect(merged.offset).toBe(3);
    expect(merged.xml).toContain('<si><t>a</t></si><si><t/></si><si><t>b</t></si><si><t>new</t></si>');
    expect(merged.xml).not.toContain('secret');
    expect(mergeStrings(sst(['a']), sst([]), new Set([1]))).toBeNull();
    expect(mergeStrings(null, sst(['x']), new Set())!.offset).toBe(0);
  });

  it('finds the strings and the last format a copied sheet uses, prefixed or not', () => {
    const refs = sheetRefs(
      '<x:row r="1" s="4"><x:c r="A1" t="s" s="2"><x:v>3</x:v></x:c><x:c r="B1"><x:v>9</x:v></x:c></x:row><x:col min="1" max="1" style="6"/>',
    );
    expect([...refs.strings]).toEqual([3]);
    expect(refs.maxStyle).toBe(6);
  });
});
