// Node-only input for `credlens/node` and the CLI: credential files, standard input, resource folders.
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';
import type { ResourceBundle } from '../lib/index.js';
import { parseJsonText } from '../lib/basics.js';

/** A file, folder or standard input that cannot be read as asked (the CLI exits with status 2). */
export class InputReadError extends Error {
  override name = 'InputReadError';
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
    throw new InputReadError(`--resources ${dir}: cannot read ${indexPath}: ${(error as Error).message}`);
  }
  if (typeof index !== 'object' || index === null || Array.isArray(index)) {
    throw new InputReadError(`--resources ${dir}: index.json must be an object mapping URLs and DIDs to file names`);
  }
  const entries = new Map<string, string>();
  for (const [id, file] of Object.entries(index)) {
    if (typeof file !== 'string') throw new InputReadError(`--resources ${dir}: the entry for ${id} is not a file name`);
    const path = resolve(root, file);
    if (isAbsolute(file) || !(path === root || path.startsWith(root + sep))) {
      throw new InputReadError(`--resources ${dir}: ${file} lies outside the resource folder`);
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
      if (total > maxBytes) throw new InputReadError(`standard input is larger than ${maxBytes} bytes; Credlens does not read it`);
      chunks.push(buffer);
    }
    return new Uint8Array(Buffer.concat(chunks));
  }
  let size: number;
  try {
    const info = await stat(source);
    if (!info.isFile()) throw new InputReadError(`${source} is not a file`);
    size = info.size;
  } catch (error) {
    if (error instanceof InputReadError) throw error;
    throw new InputReadError(`cannot read ${source}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
  if (size > maxBytes) throw new InputReadError(`${source} is ${size} bytes, larger than the ${maxBytes} bytes Credlens reads`);
  return new Uint8Array(await readFile(source));
}

/** True when the bytes start with a PDF header (`%PDF-`): the caller then verifies every credential in it. */
export function isPdfBytes(input: unknown): input is Uint8Array {
  return input instanceof Uint8Array && input[0] === 0x25 && input[1] === 0x50 && input[2] === 0x44 && input[3] === 0x46 && input[4] === 0x2d;
}
