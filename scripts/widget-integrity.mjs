// Subresource Integrity (sha384) for the CDN widget: printed for the entry, written for every file
// to dist/widget/integrity.json (the entry for the <script integrity> attribute; the chunks for an
// import map's "integrity" member, which pins the lazily loaded modules too).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export function sriOf(bytes) {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

export function writeIntegrity(dir, entry = 'credlens-verifier.js') {
  const files = {};
  const walk = (sub) => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const path = join(sub, name);
      if (statSync(join(dir, path)).isDirectory()) walk(path);
      else if (name.endsWith('.js')) files[path.split('\\').join('/')] = sriOf(readFileSync(join(dir, path)));
    }
  };
  walk('');
  writeFileSync(join(dir, 'integrity.json'), `${JSON.stringify(files, null, 2)}\n`);
  console.log(`Subresource Integrity of ${entry}: ${files[entry]}`);
  console.log(`  <script type="module" src=".../${entry}" integrity="${files[entry]}" crossorigin="anonymous"></script>`);
  console.log(`wrote ${relative(process.cwd(), join(dir, 'integrity.json'))} (sha384 of ${Object.keys(files).length} files)`);
  return files;
}
