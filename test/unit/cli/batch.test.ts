import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchExitCode, formatTable, rowFor } from '../../../bin/batch.js';
import { CREDLENS_BIN, credlens, scratchDir } from '../../support/cli.js';
import { dataAnalysisVcJwt, didJwkIssuer } from '../../support/did-jwk-issuer.js';

const { dir, file } = scratchDir('credlens-batch-');
let good: string;
let folder: string;

beforeAll(async () => {
  const issuer = await didJwkIssuer();
  good = file('good.jwt', await dataAnalysisVcJwt(issuer));
  folder = join(dir, 'applications');
  mkdirSync(join(folder, 'anna'), { recursive: true });
  writeFileSync(join(folder, 'anna', 'certificate.jwt'), await dataAnalysisVcJwt(issuer));
  writeFileSync(join(folder, 'broken.json'), '{"@context": [');
  writeFileSync(join(folder, 'other.json'), '{"hello":"world"}');
  writeFileSync(join(folder, '.hidden'), 'ignored');
});

function withStdin(args: string[], input: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CREDLENS_BIN, ...args], { env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end(input);
  });
}

describe('credlens verify with many inputs', () => {
  it('verifies a folder (recursively, hidden files skipped) into a table; exit status is the worst verdict', async () => {
    const result = await credlens('verify', '--offline', folder);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toMatch(/^file\s+verdict\s+format\s+issuer\s+title\s+first failing check$/);
    expect(result.stdout).toMatch(/anna\/certificate\.jwt\s+(verified|warning)\s+vc-jwt/);
    expect(result.stdout).toMatch(/broken\.json\s+invalid\s+unknown.*INPUT_MALFORMED/);
    expect(result.stdout).toMatch(/other\.json\s+unverifiable\s+unknown.*FORMAT_UNKNOWN/);
    expect(result.stdout).not.toContain('.hidden');
    expect(result.stdout).toContain('3 results');
    expect(result.stderr).not.toMatch(/verifying/); // no progress bar when not on a terminal
  });

  it('writes CSV with a header row, one row per input in input order', async () => {
    const result = await credlens('verify', '--offline', '--format', 'csv', good, join(folder, 'other.json'));
    expect(result.code).toBe(3);
    const rows = result.stdout.trim().split('\n');
    expect(rows[0]).toBe('file,verdict,format,issuer,title,first failing check');
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatch(/good\.jwt,(verified|warning),vc-jwt,/);
    expect(rows[2]).toMatch(/other\.json,unverifiable,unknown,,,FORMAT_UNKNOWN/);
  });

  it('writes NDJSON with the summary and the full report per line', async () => {
    const result = await credlens('verify', '--offline', '--format', 'ndjson', '--concurrency', '2', good, join(folder, 'broken.json'));
    expect(result.code).toBe(1);
    const lines = result.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; verdict: string; report: { checks: unknown[] } });
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => l.file).sort()).toEqual([join(folder, 'broken.json'), good].sort());
    for (const line of lines) expect(Array.isArray(line.report.checks)).toBe(true);
  });

  it('reads one input per line from - (files, tokens; comments and blank lines skipped), and reports unreadable files (exit 2)', async () => {
    const token = (await import('node:fs')).readFileSync(good, 'utf8');
    const result = await withStdin(['verify', '--offline', '--format', 'csv', '-'], `# applications\n${good}\n\n${token}\n${join(dir, 'missing.json')}\n`);
    expect(result.code).toBe(2);
    const rows = result.stdout.trim().split('\n');
    expect(rows).toHaveLength(4);
    expect(rows[2]).toMatch(/^stdin line 4,(verified|warning),vc-jwt/);
    expect(rows[3]).toMatch(/missing\.json,error,.*no such file/);
  });

  it('keeps the single-input output exactly as before', async () => {
    const single = await credlens('verify', '--offline', '--json', good);
    expect([0]).toContain(single.code);
    const report = JSON.parse(single.stdout) as { format: string };
    expect(report.format).toBe('vc-jwt');
    const readable = await credlens('verify', '--offline', join(folder, 'other.json'));
    expect(readable.code).toBe(3);
    expect(readable.stdout).toContain('UNVERIFIABLE');
    expect(readable.stdout).not.toContain('first failing check');
  });

  it('refuses a bad --format or --concurrency (exit 2)', async () => {
    expect((await credlens('verify', '--format', 'xml', good)).code).toBe(2);
    expect((await credlens('verify', '--concurrency', '0', good, good)).code).toBe(2);
  });

  it('ranks exit status: invalid over unreadable over unverifiable', () => {
    const row = (verdict: 'verified' | 'warning' | 'invalid' | 'unverifiable' | 'error') => ({ file: 'f', verdict, format: '', issuer: '', title: '', firstFailingCheck: '' });
    expect(batchExitCode([row('verified'), row('warning')])).toBe(0);
    expect(batchExitCode([row('unverifiable'), row('verified')])).toBe(3);
    expect(batchExitCode([row('unverifiable'), row('error')])).toBe(2);
    expect(batchExitCode([row('error'), row('invalid')])).toBe(1);
  });

  it('strips terminal control characters from table cells', () => {
    const table = formatTable([rowFor('evil\u001b[2J.json', { verdict: 'invalid', format: 'vc-jwt', checks: [], credential: { types: [], title: 'T\u001b[31m' }, verifiedAt: '' })]);
    expect(table).not.toContain('\u001b');
  });
});
