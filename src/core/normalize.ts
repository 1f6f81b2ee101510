/**
 * Lenient matching of what people type: header labels, tab names and enumerated values are compared
 * after lower-casing, removing accents and removing every character that is not a letter or a digit
 * (SPEC §1), so `Date d'adhésion` = `DATE D ADHESION`. Person names keep their spaces (SPEC §12).
 */

/** Removes accents (é → e, Œ stays as œ → oe). */
export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/ß/g, 'ss');
}

/** The key a label, tab name or enumerated value is matched on. */
export function normalizeLabel(text: string): string {
  return stripAccents(text.toLowerCase()).replace(/[^a-z0-9]/g, '');
}

/** The key a person's name is matched on: lower-cased, accents removed, spaces collapsed. */
export function normalizeName(text: string): string {
  return stripAccents(text.toLowerCase()).replace(/\s+/g, ' ').trim();
}

/** Levenshtein distance, stopping early once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}
