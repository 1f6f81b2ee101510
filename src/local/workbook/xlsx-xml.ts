/**
 * Small, strict readings of SpreadsheetML parts that are not cell data (styles, a sheet's
 * skeleton, the workbook's sheet list): the elements are found with regular expressions, any
 * namespace prefix allowed (`<x:col>`), and attribute values decoded as XML says
 * (https://www.w3.org/TR/xml/#AVNormalize is not applied: the file format's attributes hold no
 * whitespace that matters).
 */
import { decodeXmlEntities } from './xlsx-text';

/** An element's attributes, by local name (a prefix such as `r:` is kept: `r:id`). */
export function attributesOf(attrs: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of attrs.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out[m[1]] = decodeXmlEntities(m[2] ?? m[3] ?? '');
  return out;
}

/** Every `<tag …/>` or `<tag …>inner</tag>` of `xml`, prefix or not: its attributes and inner XML. */
export function* elements(
  xml: string,
  tag: string,
): Generator<{ attrs: Record<string, string>; inner: string }> {
  // Attribute values may hold a '>' (XML allows it unescaped): quoted values are skipped whole.
  const pattern = new RegExp(
    `<(?:\\w+:)?${tag}\\b((?:[^>"']|"[^"]*"|'[^']*')*?)(?:/>|>([\\s\\S]*?)</(?:\\w+:)?${tag}>)`,
    'g',
  );
  for (const m of xml.matchAll(pattern)) yield { attrs: attributesOf(m[1]), inner: m[2] ?? '' };
}

/** The first such element, or null. */
export function element(xml: string, tag: string): { attrs: Record<string, string>; inner: string } | null {
  for (const found of elements(xml, tag)) return found;
  return null;
}

/** xsd:boolean (https://www.w3.org/TR/xmlschema-2/#boolean): '1' and 'true' are true. */
export function xmlBoolean(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}
