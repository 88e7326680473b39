import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CREDLENS_BIN, credlens, scratchDir } from '../../support/cli.js';
import { formatReport } from '../../../bin/format-report.js';

const { dir, file } = scratchDir('credlens-cli-');

describe('credlens CLI (the real bin/ entry)', () => {
  it('prints usage and exits 2 without arguments', async () => {
    const result = await credlens();
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('credlens verify');
  });

  it('exits 2 with a clear message for a file that does not exist, without a stack trace', async () => {
    const result = await credlens('verify', join(dir, 'missing.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no such file');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for an oversized input file', async () => {
    const result = await credlens('verify', file('huge.json', new Uint8Array(11 * 1024 * 1024).fill(0x20)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/larger than/);
  });

  it('exits 2 for an unknown flag and for a bad --at', async () => {
    expect((await credlens('verify', '--bogus', 'x.json')).code).toBe(2);
    expect((await credlens('verify', '--at', 'yesterday', file('a.json', '{}'))).code).toBe(2);
  });

  it('exits 2 for a --resources folder without index.json', async () => {
    const result = await credlens('verify', '--resources', dir, file('b.json', '{}'));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('index.json');
  });

  it('reports malformed JSON as invalid (exit 1) with the report on --json', async () => {
    const result = await credlens('verify', '--json', '--offline', file('broken.json', '{"@context": ['));
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { verdict: string; checks: Array<{ code: string }> };
    expect(report.verdict).toBe('invalid');
    expect(report.checks[0]?.code).toBe('INPUT_MALFORMED');
  });

  it('reports JSON that is no credential as unverifiable (exit 3)', async () => {
    const result = await credlens('verify', '--offline', file('other.json', '{"hello":"world"}'));
    expect(result.code).toBe(3);
    expect(result.stdout).toContain('UNVERIFIABLE');
    expect(result.stdout).toContain('FORMAT_UNKNOWN');
  });

  it('reads standard input with -', async () => {
    const child = execFile(process.execPath, [CREDLENS_BIN, 'verify', '--json', '--offline', '-'], { env: { ...process.env, CREDLENS_FROM_SOURCE: '1' } });
    child.stdin?.end('{"hello":"world"}');
    const stdout = await new Promise<string>((resolve) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', () => resolve(out));
    });
    expect((JSON.parse(stdout) as { format: string }).format).toBe('unknown');
  });

  it('refuses a link to a private address without contacting it (invalid, exit 1)', async () => {
    const result = await credlens('verify', '--json', 'https://127.0.0.1/credential.json');
    expect(result.code).toBe(1);
    expect((JSON.parse(result.stdout) as { checks: Array<{ code: string }> }).checks[0]?.code).toBe('INPUT_URL_BLOCKED');
  });

  it('strips terminal control characters from credential text in the readable summary', () => {
    const text = formatReport(
      {
        verdict: 'invalid',
        format: 'vc-jwt',
        checks: [{ id: 'proof', status: 'fail', code: 'INPUT_MALFORMED', message: 'bad \u001b[2J' }],
        credential: { types: ['VerifiableCredential'], title: 'Evil \u001b[31mred\u001b[0m \u202etxt.exe', issuer: { name: 'x\u0007' } },
        verifiedAt: '2026-11-28T00:00:00Z',
      },
      { color: false },
    );
    expect(text).toContain('Evil');
    for (const ch of ['\u001b', '\u0007', '\u202e']) expect(text).not.toContain(ch);
  });
});
