import type { LookupAddress } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, fetch as undiciFetch } from 'undici';
import { isNonPublicAddress } from '../lib/tools.js';
import type { FetchLike } from '../lib/index.js';
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import type { ResourceBundle } from '../lib/index.js';
import { parseJsonText } from '../lib/tools.js';

export class CliInputError extends Error {}

/** Resolves host names so the network seam can refuse private addresses after DNS (SSRF guard). */
export async function resolveHost(hostname: string): Promise<string[]> {
  const records = await lookup(hostname, { all: true, verbatim: true });
  return records.map((r) => r.address);
}

export interface PinnedFetchOptions {
  /** Resolves a host name at connect time (default: the system resolver). */
  resolve?: (hostname: string) => Promise<string[]>;
  /** Development only: allow loopback and private addresses. */
  allowPrivateNetwork?: boolean;
}

/**
 * The CLI's fetch: every connection goes to an address judged public at the moment of connecting.
 * The seam's `resolveHost` check runs before the request, but `fetch` resolves the name again; a
 * DNS server that answers a public address first and a private one second (DNS rebinding) would
 * slip through. Here the address that is checked is the address that is used.
 */
export function pinnedFetch(options: PinnedFetchOptions = {}): FetchLike {
  const resolveAll = options.resolve ?? resolveHost;
  const agent = new Agent({
    connect: {
      lookup(hostname, lookupOptions, callback) {
        const done = callback as (error: Error | null, address: string | LookupAddress[], family?: number) => void;
        resolveAll(hostname).then(
          (addresses) => {
            const bad = options.allowPrivateNetwork ? undefined : addresses.find((a) => isNonPublicAddress(a));
            if (bad || addresses.length === 0) {
              done(Object.assign(new Error(bad ? `${hostname} resolves to the private address ${bad}; Credlens does not contact it` : `${hostname} has no address`), { code: 'ENOTFOUND' }), '', 0);
              return;
            }
            const list = addresses.map((address) => ({ address, family: isIP(address) || 4 }));
            if ((lookupOptions as { all?: boolean }).all) done(null, list);
            else done(null, list[0]!.address, list[0]!.family);
          },
          (error: Error) => done(error, '', 0),
        );
      },
    },
  });
  return (url, init) => undiciFetch(url, { ...(init as Record<string, unknown>), dispatcher: agent } as Parameters<typeof undiciFetch>[1]) as unknown as Promise<Response>;
}

/**
 * A `--resources DIR` bundle: `DIR/index.json` maps absolute URLs and DIDs to files relative to DIR.
 * Files are read on first use; paths may not leave DIR.
 */
export async function directoryBundle(dir: string): Promise<ResourceBundle> {
  const root = resolve(dir);
  const indexPath = join(root, 'index.json');
  let index: unknown;
  try {
    index = parseJsonText(await readFile(indexPath, 'utf8'));
  } catch (error) {
    throw new CliInputError(`--resources ${dir}: cannot read ${indexPath}: ${(error as Error).message}`);
  }
  if (typeof index !== 'object' || index === null || Array.isArray(index)) {
    throw new CliInputError(`--resources ${dir}: index.json must be an object mapping URLs and DIDs to file names`);
  }
  const entries = new Map<string, string>();
  for (const [id, file] of Object.entries(index)) {
    if (typeof file !== 'string') throw new CliInputError(`--resources ${dir}: the entry for ${id} is not a file name`);
    const path = resolve(root, file);
    if (isAbsolute(file) || !(path === root || path.startsWith(root + sep))) {
      throw new CliInputError(`--resources ${dir}: ${file} lies outside the resource folder`);
    }
    entries.set(id, path);
  }
  const loaded = new Map<string, Promise<Uint8Array | undefined>>();
  return {
    get(id) {
      const path = entries.get(id);
      if (!path) return Promise.resolve(undefined);
      let pending = loaded.get(path);
      if (!pending) {
        pending = readFile(path).then(
          (buffer) => new Uint8Array(buffer),
          () => undefined,
        );
        loaded.set(path, pending);
      }
      return pending;
    },
  };
}

/** Reads a credential from a file or standard input, refusing more than `maxBytes`. */
export async function readInputBytes(source: string, maxBytes: number): Promise<Uint8Array> {
  if (source === '-') {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of process.stdin) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes) throw new CliInputError(`standard input is larger than ${maxBytes} bytes; Credlens does not read it`);
      chunks.push(buffer);
    }
    return new Uint8Array(Buffer.concat(chunks));
  }
  let size: number;
  try {
    const info = await stat(source);
    if (!info.isFile()) throw new CliInputError(`${source} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof CliInputError) throw error;
    throw new CliInputError(`cannot read ${source}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (size > maxBytes) throw new CliInputError(`${source} is ${size} bytes, larger than the ${maxBytes} bytes Credlens reads`);
  return new Uint8Array(await readFile(source));
}

export function repoPath(...parts: string[]): string {
  return join(dirname(new URL(import.meta.url).pathname), '..', ...parts);
}
