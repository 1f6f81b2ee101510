/** Types of build.mjs: builds the self-contained sidebar page (dist/Sidebar.html). */
export function buildSidebarHtml(options?: { minify?: boolean }): Promise<string>;
