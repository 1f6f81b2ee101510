// Deploy (issue 13): `npm run push` uploads exactly the built add-on. clasp pushes every script
// file under rootDir (dist/), where the local runtime's build lives too; .claspignore keeps the
// three files of the add-on even if that build writes .js files one day. clasp computes the file
// status offline, without a Google account.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..');

describe('deploy with clasp', () => {
  it('pushes exactly Code.js, Sidebar.html and appsscript.json from dist/', () => {
    const bin = join(root, 'node_modules/@google/clasp/build/src/index.js');
    const out = execFileSync(process.execPath, [bin, 'show-file-status', '--json'], {
      cwd: root,
      env: { ...process.env, HOME: mkdtempSync(join(tmpdir(), 'clasp-home-')) },
      encoding: 'utf8',
    });
    const status = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1));
    expect([...status.filesToPush].sort()).toEqual([
      'dist/Code.js',
      'dist/Sidebar.html',
      'dist/appsscript.json',
    ]);
  });
});
