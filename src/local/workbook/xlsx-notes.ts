/**
 * A copy of an xlsx package without its cell-note parts (the comments relationships of each sheet,
 * the comments files and their content-type entries), for loading the cells of a workbook whose
 * notes another tool stored where ExcelJS does not look. The notes themselves are read from the
 * original package (readNotes in xlsx-parts.ts).
 */
import type JSZip from 'jszip';
import { readText } from './zip-parts';

const COMMENTS_REL = /<Relationship\b[^>]*Type="[^"]*\/comments"[^>]*\/>/g;

/** The package without note parts, or null when it has none. Changes `zip`: read it before. */
export async function withoutNoteParts(zip: JSZip): Promise<Buffer | null> {
  if (!(await removeNoteParts(zip))) return null;
  return zip.generateAsync({ type: 'nodebuffer' });
}

/** Removes the note parts from `zip` (in place); false when it has none. */
async function removeNoteParts(zip: JSZip): Promise<boolean> {
  const copy = zip;
  const removed: string[] = [];
  for (const path of Object.keys(copy.files).filter((p) => p.endsWith('.rels'))) {
    const xml = await readText(copy, path);
    if (!xml || !COMMENTS_REL.test(xml)) continue;
    COMMENTS_REL.lastIndex = 0;
    const base = path.replace(/_rels\/[^/]*\.rels$/, '');
    for (const rel of xml.matchAll(COMMENTS_REL)) {
      const target = /\bTarget="([^"]*)"/.exec(rel[0])?.[1];
      if (target) removed.push(resolvePart(base, target));
    }
    copy.file(path, xml.replace(COMMENTS_REL, ''));
  }
  if (removed.length === 0) return false;
  for (const part of removed) copy.remove(part);
  const types = await readText(copy, '[Content_Types].xml');
  if (types) {
    const kept = types.replace(/<Override\b[^>]*PartName="([^"]*)"[^>]*\/>/g, (o: string, name: string) =>
      removed.includes(name.replace(/^\//, '')) ? '' : o,
    );
    copy.file('[Content_Types].xml', kept);
  }
  return true;
}

/** `xl/worksheets/` + `../comments/comment1.xml` → `xl/comments/comment1.xml`; `/xl/x.xml` → `xl/x.xml`. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}
