/** What the learner attached: a file, pasted text, or a link. */
export type Attachment =
  | { kind: 'file'; name: string; bytes: Uint8Array; file: File; text?: string }
  | { kind: 'text'; name: string; text: string }
  | { kind: 'link'; name: string; text: string };

const PNG = [0x89, 0x50, 0x4e, 0x47];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export class AttachmentError extends Error {}

export async function fromFile(file: File): Promise<Attachment> {
  if (file.size > MAX_FILE_BYTES) throw new AttachmentError(`${file.name} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  const binary = PNG.every((b, i) => bytes[i] === b) || PDF.every((b, i) => bytes[i] === b);
  const attachment: Attachment = { kind: 'file', name: file.name, bytes, file };
  if (!binary) {
    try {
      attachment.text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not text: lib decides what the bytes are.
    }
  }
  return attachment;
}

export function fromText(raw: string): Attachment | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (/^https?:\/\/\S+$/i.test(text)) return { kind: 'link', name: text, text };
  const name = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return { kind: 'text', name, text };
}

/** A PDF (a CV, a certificate) may carry several credentials: the widget lists them for the learner to choose. */
export function isPdf(a: Attachment): a is Extract<Attachment, { kind: 'file' }> {
  return a.kind === 'file' && PDF.every((b, i) => a.bytes[i] === b);
}

/** The input handed to lib's verify(). */
export function verifyInput(a: Attachment): string | Uint8Array {
  return a.kind === 'file' ? a.bytes : a.text;
}

/** The form value: text credentials and links as text; images as the file itself. */
export function formValue(a: Attachment): string | File {
  if (a.kind === 'file') return a.text !== undefined && !/^\s*</.test(a.text) ? a.text : a.file;
  return a.text;
}
