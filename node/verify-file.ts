import { LIMITS } from '../lib/basics.js';
import type { VerificationReport } from '../lib/report.js';
import { verify, type VerifyOptions } from '../lib/verify.js';
import { nodeNetworkOptions } from './fetch.js';
import { readInputBytes } from './input.js';

/**
 * Verifies a credential file (or `-` for standard input) the way `credlens verify FILE` does: read
 * with the CLI's size cap, links followed through the DNS-pinned fetch unless `options` says otherwise.
 */
export async function verifyFile(path: string, options: VerifyOptions = {}): Promise<VerificationReport> {
  const bytes = await readInputBytes(path, Math.max(LIMITS.maxImageBytes, LIMITS.maxCredentialBytes));
  return verify(bytes, { ...nodeNetworkOptions(), ...options });
}
