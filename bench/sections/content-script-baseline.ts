/**
 * The content script as it was before issue #20 (credential contexts, the meaning-based fallback,
 * discovery candidates), built from git history so that `--only content-script` measures the
 * previous algorithm and the current one side by side, in one run, on the same pages.
 *
 * The baseline is the commit before the change that added credential contexts to the content
 * script (a5743b9, "Discovery shared by verify(url) and the extension"): its tree is exported with
 * `git archive` (no checkout, the worktree is not touched), the repository's node_modules is linked
 * in, and WXT builds it. The build is kept in the temporary directory and reused by later runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** Parent of a5743b9: the last commit whose content script only knew the platforms' links. */
export const BASELINE_COMMIT = 'b98ffce19e3e7dd93ccd7ddc175a1cf3627d643f';

export interface BaselineBuild {
  commit: string;
  /** The built MV3 extension of that commit. */
  dir: string;
}

const root = resolve(import.meta.dirname, '../..');

/** Builds (or reuses) the baseline extension; `undefined` with the reason logged when it cannot. */
export function buildBaselineExtension(log: (line: string) => void, commit = process.env.CREDLENS_BENCH_BASELINE ?? BASELINE_COMMIT): BaselineBuild | { error: string } {
  let sha: string;
  try {
    sha = execFileSync('git', ['rev-parse', '--verify', `${commit}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return { error: `baseline commit ${commit} is not in this clone's history (a shallow clone?)` };
  }
  const work = join(tmpdir(), `credlens-bench-content-script-${sha.slice(0, 12)}`);
  const dir = join(work, '.output/chrome-mv3');
  if (existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'content-scripts/content.js'))) {
    log(`  baseline: reusing the build of ${sha.slice(0, 12)} in ${work}`);
    return { commit: sha, dir };
  }
  log(`  baseline: building the extension of ${sha.slice(0, 12)} (git archive + wxt build) in ${work}`);
  try {
    rmSync(work, { recursive: true, force: true });
    mkdirSync(work, { recursive: true });
    const archive = execFileSync('git', ['archive', '--format=tar', sha], { cwd: root, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', work], { input: archive });
    symlinkSync(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
    execFileSync(join(root, 'node_modules/.bin/wxt'), ['build'], { cwd: work, stdio: 'ignore', timeout: 300_000 });
  } catch (error) {
    return { error: `building the baseline ${sha.slice(0, 12)} failed: ${String(error).slice(0, 200)}` };
  }
  if (!existsSync(join(dir, 'content-scripts/content.js'))) return { error: `the baseline build of ${sha.slice(0, 12)} has no content script` };
  return { commit: sha, dir };
}
