/**
 * Size bands of a network's roll-up (issue 22): clubs are compared with clubs of their size, by
 * active members at the end of the period — under 50, 50–149, 150–499, 500 and more — and overall
 * (`all`).
 */

import type { Bilingual } from '../i18n';
import { normalizeLabel } from '../normalize';

export type SizeBand = 'lt50' | '50-149' | '150-499' | '500+';
export type Band = SizeBand | 'all';

export const SIZE_BANDS: SizeBand[] = ['lt50', '50-149', '150-499', '500+'];
/** Every band of the roll-up: the size bands, then all clubs together. */
export const BANDS: Band[] = [...SIZE_BANDS, 'all'];

export const BAND_LABELS: Record<Band, Bilingual> = {
  lt50: { fr: 'moins de 50 membres', en: 'under 50 members' },
  '50-149': { fr: '50 à 149 membres', en: '50 to 149 members' },
  '150-499': { fr: '150 à 499 membres', en: '150 to 499 members' },
  '500+': { fr: '500 membres et plus', en: '500 members and more' },
  all: { fr: 'tous les clubs', en: 'all clubs' },
};

/** The band of a club with `active` active members. */
export function sizeBandOf(active: number): SizeBand {
  if (active < 50) return 'lt50';
  if (active < 150) return '50-149';
  if (active < 500) return '150-499';
  return '500+';
}

/** A band from its id or its French or English label (a benchmarks file or tab written by hand). */
export function bandFromText(text: string): Band | null {
  const key = normalizeLabel(text);
  if (key === '') return null;
  for (const band of BANDS) {
    if (key === normalizeLabel(band) || key === normalizeLabel(BAND_LABELS[band].fr)) return band;
    if (key === normalizeLabel(BAND_LABELS[band].en)) return band;
  }
  if (key === 'tous' || key === 'ensemble' || key === 'overall') return 'all';
  return null;
}
