/**
 * Builds the sidebar page into one self-contained HTML string: bundles main.ts with esbuild (iife,
 * ES2019, browser), minifies style.css, and inlines both into index.html at the `<!-- STYLE -->` and
 * `<!-- SCRIPT -->` markers. Plain Node (ESM, not TypeScript) so that build.mjs and the browser tests
 * share this one implementation on Node 20; its types are in build.d.mts.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));

/**
 * @param {{ minify?: boolean }} [options]
 * @returns {Promise<string>} the HTML of dist/Sidebar.html
 */
export async function buildSidebarHtml(options = {}) {
  const minify = options.minify ?? true;
  const [template, css] = await Promise.all([
    readFile(join(HERE, 'index.html'), 'utf8'),
    readFile(join(HERE, 'style.css'), 'utf8'),
  ]);
  const bundled = await build({
    entryPoints: [join(HERE, 'main.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2019',
    platform: 'browser',
    charset: 'utf8',
    legalComments: 'none',
    minify,
    logLevel: 'silent',
  });
  const js = bundled.outputFiles[0].text.trim();
  const style = (await transform(css, { loader: 'css', minify, charset: 'utf8' })).code.trim();
  for (const marker of ['<!-- STYLE -->', '<!-- SCRIPT -->']) {
    if (!template.includes(marker)) throw new Error(`src/sidebar/index.html has no ${marker} marker`);
  }
  // A closing tag inside the inlined code would end the element early; `<?` would start a scriptlet
  // if the server ever serves the page through HtmlService templates.
  const safeJs = js.replace(/<\/script/gi, '<\\/script');
  const safeCss = style.replace(/<\/style/gi, '<\\/style');
  if (safeJs.includes('<?') || safeCss.includes('<?')) throw new Error('Sidebar code contains "<?"');
  const page = minify
    ? template
        // Texts of [data-t] elements are set by main.ts at start (French until the server says);
        // the defaults in index.html are for developers reading it.
        .replace(/(<[a-z0-9]+\s[^>]*\bdata-t="\w+"[^>]*>)[^<]*(?=<\/)/g, '$1')
        // Indentation between tags.
        .replace(/>\s*\n\s*</g, '><')
    : template;
  return page
    .replace(/<!--\s*\n[\s\S]*?-->\s*/, '') // the multi-line header comment, for developers only
    .replace('<!-- STYLE -->', () => `<style>${safeCss}</style>`)
    .replace('<!-- SCRIPT -->', () => `<script>${safeJs}</script>`);
}
