/**
 * Size bands of the network roll-up (src/core/network/bands.ts), hand-worked (issue 23): a band read
 * back from its id, its French or English label or the words a coordinator may type for all clubs
 * together (« tous », « ensemble », "overall"), spelt loosely; anything else is no band.
 */

import { describe, expect, it } from 'vitest';
import { BAND_LABELS, BANDS, bandFromText, sizeBandOf } from '../../../src/core/network/bands';

describe('bandFromText', () => {
  it('reads every band from its id and from both labels', () => {
    for (const band of BANDS) {
      expect(bandFromText(band)).toBe(band);
      expect(bandFromText(BAND_LABELS[band].fr)).toBe(band);
      expect(bandFromText(BAND_LABELS[band].en)).toBe(band);
    }
    expect(bandFromText('  MOINS DE 50 MEMBRES ')).toBe('lt50');
  });

  it('reads « tous », « ensemble » and "overall" as all clubs', () => {
    expect(bandFromText('Tous')).toBe('all');
    expect(bandFromText('ensemble')).toBe('all');
    expect(bandFromText('Overall')).toBe('all');
  });

  it('gives no band for blank or unknown text', () => {
    expect(bandFromText('')).toBeNull();
    expect(bandFromText('   ')).toBeNull();
    expect(bandFromText('moyen')).toBeNull();
    expect(bandFromText('150')).toBeNull();
  });

  it('puts a club in its band by active members', () => {
    expect(sizeBandOf(49.5)).toBe('lt50');
    expect(sizeBandOf(149.5)).toBe('50-149');
    expect(sizeBandOf(499.5)).toBe('150-499');
  });
});
