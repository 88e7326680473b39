import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The command line's entry, for a test that drives the child process itself (standard input). */
export const CREDLENS_BIN = join(import.meta.dirname, '../../bin/credlens.mjs');
/** Unit tests exercise the TypeScript sources (a stale dist/ must not hide a change); the pack-install test runs the build. */
const FROM_SOURCE = { CREDLENS_FROM_SOURCE: '1' };

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `bin/credlens.mjs ARGS` in a child Node (NO_COLOR) and resolves with its exit status and output. */
export async function credlens(...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CREDLENS_BIN, ...args], { env: { ...process.env, ...FROM_SOURCE, NO_COLOR: '1' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A fresh temporary directory (`prefix` names it) and `file()`, which writes a file there and returns its path. */
export function scratchDir(prefix: string): { dir: string; file(name: string, content: string | Uint8Array): string } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}
