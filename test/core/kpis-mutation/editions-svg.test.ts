/**
 * The editions' trend bars (issue 23: editions/svg.ts): the geometry of a small chart worked out by
 * hand, bars below zero for negative values, the last period solid, texts escaped.
 */

import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/core/editions/escape';
import { trendChartSvg } from '../../../src/core/editions/svg';

const STYLE =
  '<style>text{font-family:Arial,sans-serif;fill:#3c4043}.p{font-size:10px}.v{font-size:10px;font-weight:bold}.n{font-size:9px;fill:#80868b}</style>';

describe('escaping', () => {
  it('the five characters of markup, apostrophes included', () => {
    expect(escapeHtml(`<a href="x">l'a & b</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;l&#39;a &amp; b&lt;/a&gt;',
    );
  });
});

describe('a trend chart', () => {
  it('draws each bar from zero, labels it, and leaves a gap with a word where there is no data', () => {
    // Values 10, none, −5: span 15 over a plot of 130 − 30 − 30 = 70 px; zero at 30 + 10/15 × 70 = 76.7.
    // Slots of 300 / 3 = 100 px, bars of min(44, 60) = 44 px centred at 50, 150, 250.
    const svg = trendChartSvg({
      title: 'Taux',
      values: [10, null, -5],
      periods: ['A', 'B', 'C'],
      format: (v) => `${v} u`,
      noData: 'nd',
    });
    expect(svg).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 130" width="300" height="130" role="img" aria-label="Taux">' +
        STYLE +
        '<line x1="0" x2="300" y1="76.7" y2="76.7" stroke="#dadce0"/>' +
        // 10: 10/15 × 70 = 46.7 px high, from 30.0 down to zero; its value 4 px above.
        '<rect x="28.0" y="30.0" width="44.0" height="46.7" fill="#1a73e8" fill-opacity="0.45"/>' +
        '<text x="50.0" y="26.0" text-anchor="middle" class="v">10 u</text>' +
        '<text x="50.0" y="122" text-anchor="middle" class="p">A</text>' +
        '<text x="150.0" y="122" text-anchor="middle" class="p">B</text>' +
        '<text x="150.0" y="72.7" text-anchor="middle" class="n">nd</text>' +
        // −5: 23.3 px from zero down; its value 11 px under the bar (76.7 + 23.3 + 11 = 111.0). Last: solid.
        '<rect x="228.0" y="76.7" width="44.0" height="23.3" fill="#1a73e8" fill-opacity="1"/>' +
        '<text x="250.0" y="111.0" text-anchor="middle" class="v">-5 u</text>' +
        '<text x="250.0" y="122" text-anchor="middle" class="p">C</text>' +
        '</svg>',
    );
  });

  it('one wide slot, a zero bar still visible, its own colour, and every text escaped', () => {
    // One value 0, no data anywhere else: span 1, zero at the top of the plot (30); bar 44 px in a 300 px slot.
    const svg = trendChartSvg({
      title: 'A & "B" <c>',
      values: [0],
      periods: ['<p>'],
      format: () => '1 < 2',
      noData: '—',
      colour: '#d93025',
    });
    expect(svg).toContain('aria-label="A &amp; &quot;B&quot; &lt;c&gt;"');
    expect(svg).toContain('<line x1="0" x2="300" y1="30.0" y2="30.0" stroke="#dadce0"/>');
    expect(svg).toContain(
      '<rect x="128.0" y="30.0" width="44.0" height="0.5" fill="#d93025" fill-opacity="1"/>',
    );
    expect(svg).toContain('<text x="150.0" y="26.0" text-anchor="middle" class="v">1 &lt; 2</text>');
    expect(svg).toContain('<text x="150.0" y="122" text-anchor="middle" class="p">&lt;p&gt;</text>');
  });

  it('no value at all: the no-data word in every slot, the zero line at the top', () => {
    const svg = trendChartSvg({
      title: 't',
      values: [null, null],
      periods: ['x'],
      format: String,
      noData: 'n/a',
    });
    expect(svg).not.toContain('<rect');
    expect(svg).toContain('<line x1="0" x2="300" y1="30.0" y2="30.0" stroke="#dadce0"/>');
    // A missing period label is empty, not « undefined ».
    expect(svg).toContain('<text x="225.0" y="122" text-anchor="middle" class="p"></text>');
    expect(svg.match(/class="n">n\/a</g)).toHaveLength(2);
    expect(svg).toContain('<text x="75.0" y="26.0" text-anchor="middle" class="n">n/a</text>');
  });

  it('many periods: bars narrow with their slot', () => {
    // Ten values: slots of 30 px, bars of 30 × 0.6 = 18 px; all positive, max 4: zero at the bottom (100).
    const svg = trendChartSvg({
      title: 't',
      values: [1, 2, 3, 4, 1, 2, 3, 4, 1, 4],
      periods: [],
      format: String,
      noData: '',
    });
    expect(svg).toContain('<line x1="0" x2="300" y1="100.0" y2="100.0" stroke="#dadce0"/>');
    // The first: 1/4 × 70 = 17.5 px high, x = 15 − 9 = 6.
    expect(svg).toContain(
      '<rect x="6.0" y="82.5" width="18.0" height="17.5" fill="#1a73e8" fill-opacity="0.45"/>',
    );
    expect(svg).toContain(
      '<rect x="276.0" y="30.0" width="18.0" height="70.0" fill="#1a73e8" fill-opacity="1"/>',
    );
  });
});
