/** What a generated tab shows in one cell: its value and its formats (for the layout tests). */

import type { SheetLayout } from '../../../src/core/layout';

export function cellOf(layout: SheetLayout, row: number, col = 0) {
  return {
    value: layout.values[row]![col],
    format: layout.numberFormats[row]![col],
    background: layout.backgrounds[row]![col],
    color: layout.fontColors[row]![col],
    weight: layout.fontWeights[row]![col],
    size: layout.fontSizes[row]![col],
  };
}
