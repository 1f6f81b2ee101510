/** HTML escaping of the editions (src/core/editions/escape.ts), every special character (issue 23). */

import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/core/editions/escape';

describe('escapeHtml', () => {
  it('escapes &, <, >, double and single quotes, every time, and nothing else', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a> <b>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt; &lt;b&gt;',
    );
    expect(escapeHtml('Café — 100 %')).toBe('Café — 100 %');
  });
});
