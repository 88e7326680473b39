import { InputError } from '../errors.js';
import { LIMITS } from '../limits.js';

/**
 * JSON.parse with two guards it lacks: a nesting limit (deeply nested input exhausts the stack of
 * every later recursive step) and rejection of duplicate member names (JSON.parse keeps the last one,
 * a signature library or another verifier may keep the first: a classic confusion attack).
 * One linear scan before parsing; written by hand because JSON.parse exposes neither.
 */
export function parseJsonText(text: string, maxDepth: number = LIMITS.maxJsonDepth): unknown {
  scanJson(text, maxDepth);
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new InputError('INPUT_MALFORMED', `Not valid JSON: ${(cause as Error).message}`, { cause });
  }
}

function scanJson(text: string, maxDepth: number): void {
  // Each open container: a Set of keys for objects, null for arrays.
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 0x22 /* " */) {
      const start = i;
      i++;
      while (i < text.length) {
        const c = text.charCodeAt(i);
        if (c === 0x5c /* \ */) i += 2;
        else if (c === 0x22) break;
        else i++;
      }
      const top = stack[stack.length - 1];
      if (expectKey && top) {
        let key: string;
        try {
          key = JSON.parse(text.slice(start, i + 1)) as string;
        } catch {
          return; // malformed; JSON.parse reports it
        }
        if (top.has(key)) throw new InputError('INPUT_DUPLICATE_MEMBER', `The JSON member "${key.slice(0, 40)}" appears twice in one object`);
        top.add(key);
        expectKey = false;
      }
      continue;
    }
    if (ch === 0x7b /* { */ || ch === 0x5b /* [ */) {
      stack.push(ch === 0x7b ? new Set() : null);
      if (stack.length > maxDepth) throw new InputError('INPUT_TOO_DEEP', `The JSON is nested more than ${maxDepth} levels deep`);
      expectKey = ch === 0x7b;
    } else if (ch === 0x7d /* } */ || ch === 0x5d /* ] */) {
      stack.pop();
      expectKey = false;
    } else if (ch === 0x2c /* , */) {
      expectKey = stack[stack.length - 1] instanceof Set;
    }
  }
}

/** Parses the bytes as strict UTF-8 JSON. */
export function parseJsonBytes(bytes: Uint8Array, maxDepth?: number): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new InputError('INPUT_MALFORMED', 'The input is not valid UTF-8 text', { cause });
  }
  return parseJsonText(text, maxDepth);
}

