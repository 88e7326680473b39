/**
 * What a credential may make the page load or link to. Credential content is hostile: links are
 * https only, images are https or inline PNG/JPEG/SVG data rendered through <img> (where SVG
 * cannot run script), and nothing is ever parsed as HTML.
 */
const DATA_IMAGE = /^data:image\/(png|jpeg|svg\+xml)(;charset=[\w-]+)?(;base64)?,/i;
const MAX_DATA_URL = 2_000_000;

export function safeLink(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export function safeImage(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  if (DATA_IMAGE.test(trimmed)) return trimmed.length <= MAX_DATA_URL ? trimmed : undefined;
  return safeLink(trimmed);
}
