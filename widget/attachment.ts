/**
 * What the learner attached (a file, pasted text, or a link), with what the element does with it
 * worked out once: what lib's verify() reads, what the form submits, and whether it is a PDF to
 * search for credentials.
 */
export type Attachment = {
  kind: 'file' | 'text' | 'link';
  name: string;
  /** The form value: text credentials and links as text; images (and other binary files) as the file itself. */
  value: string | File;
} & ({ pdf: false; input: string | Uint8Array } | { pdf: true; input: Uint8Array });

const PNG = [0x89, 0x50, 0x4e, 0x47];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const MAX_FILE_BYTES = 10 * 1024 * 1024;

export class AttachmentError extends Error {}

export async function fromFile(file: File): Promise<Attachment> {
  if (file.size > MAX_FILE_BYTES) throw new AttachmentError(`${file.name} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const bytes = new Uint8Array(await file.arrayBuffer());
  // A PDF (a CV, a certificate) may carry several credentials: the widget lists them for the learner to choose.
  const pdf = PDF.every((b, i) => bytes[i] === b);
  if (pdf) return { kind: 'file', name: file.name, value: file, pdf, input: bytes };
  let text: string | undefined;
  if (!PNG.every((b, i) => bytes[i] === b)) {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      // Not text: lib decides what the bytes are.
    }
  }
  // SVG (markup) is submitted as the file, like any image.
  const value = text !== undefined && !/^\s*</.test(text) ? text : file;
  return { kind: 'file', name: file.name, value, pdf: false, input: bytes };
}

export function fromText(raw: string): Attachment | undefined {
  const text = raw.trim();
  if (!text) return undefined;
  if (/^https?:\/\/\S+$/i.test(text)) return { kind: 'link', name: text, value: text, pdf: false, input: text };
  const name = text.length > 40 ? `${text.slice(0, 37)}…` : text;
  return { kind: 'text', name, value: text, pdf: false, input: text };
}
