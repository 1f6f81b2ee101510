/** The installation check's rows (src/core/diagnostic-labels.ts), in both languages (issue 23). */

import { describe, expect, it } from 'vitest';
import { diagnosticCells } from '../../../src/core/diagnostic-labels';

describe('diagnosticCells', () => {
  it('writes the behaviour, what was expected and observed, and the verdict in the workbook language', () => {
    const row = { behaviour: 'Verrou', expected: 'pris', observed: 'pris', verdict: 'handled' as const };
    expect(diagnosticCells(row, 'fr')).toEqual(['Verrou', 'pris', 'pris', 'Pris en charge']);
    expect(diagnosticCells({ ...row, verdict: 'fail' }, 'en')).toEqual(['Verrou', 'pris', 'pris', 'Failed']);
  });
});
