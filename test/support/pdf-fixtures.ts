import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { AFRelationship, PDFDocument, PDFHexString, PDFString, StandardFonts, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { configureQrDecoder } from '../../lib/input/qr.js';
import { jwkToMultibase } from '../../lib/keys/index.js';

/**
 * PDFs the tests build: certificates with QR codes, CVs with links, PDF/A-3-style attachments,
 * a scanned page, an encrypted and a truncated file, a very long document. Nothing is downloaded.
 */

const A4: [number, number] = [595.28, 841.89];
/** 2 cm in PDF points. */
export const TWO_CM = (2 / 2.54) * 72;

export function setUpQrDecoder(): void {
  const wasm = readFileSync(join(process.cwd(), 'node_modules/zxing-wasm/dist/reader/zxing_reader.wasm'));
  configureQrDecoder({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer });
}

export interface TestIssuer {
  did: string;
  kid: string;
  privateKey: CryptoKey;
}

export async function didKeyIssuer(): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const did = `did:key:${jwkToMultibase(await exportJWK(publicKey))}`;
  return { did, kid: `${did}#${did.slice(8)}`, privateKey };
}

/** A VC-JWT signed now by the issuer; `types` decides what it presents itself as (Open Badge, plain VC). */
export async function signedVcJwt(issuer: TestIssuer, title: string, types: string[] = ['VerifiableCredential']): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const vc = {
    '@context': ['https://www.w3.org/2018/credentials/v1'],
    id: `urn:uuid:${crypto.randomUUID()}`,
    type: types,
    issuer: { id: issuer.did, name: 'Test University' },
    issuanceDate: new Date((now - 3600) * 1000).toISOString().replace(/\.\d{3}/, ''),
    credentialSubject: { id: 'did:example:learner', achievement: { name: title } },
  };
  return new SignJWT({ iss: issuer.did, sub: 'did:example:learner', jti: vc.id, nbf: now - 3600, vc })
    .setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: issuer.kid })
    .sign(issuer.privateKey);
}

export async function qrPng(text: string, scale = 4): Promise<Uint8Array> {
  return new Uint8Array(await QRCode.toBuffer(text, { margin: 2, scale, errorCorrectionLevel: 'M' }));
}

export function linkAnnotation(doc: PDFDocument, page: PDFPage, url: string, rect: [number, number, number, number]): void {
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'Link',
    Rect: rect,
    Border: [0, 0, 0],
    A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) },
  });
  page.node.addAnnot(doc.context.register(annot));
}

export function fileAttachmentAnnotation(doc: PDFDocument, page: PDFPage, name: string, bytes: Uint8Array): void {
  const stream = doc.context.flateStream(bytes, { Type: 'EmbeddedFile', Params: { Size: bytes.byteLength } });
  const spec = doc.context.obj({ Type: 'Filespec', F: PDFString.of(name), UF: PDFHexString.fromText(name), EF: { F: doc.context.register(stream) } });
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: 'FileAttachment',
    Rect: [40, 40, 60, 60],
    FS: doc.context.register(spec),
    Name: 'Paperclip',
    Contents: PDFString.of(name),
  });
  page.node.addAnnot(doc.context.register(annot));
}

/** A certificate: a title, a line of text, and a 2 cm QR code drawn as vector squares (as many certificate generators do). */
export async function certificateWithVectorQr(url: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage(A4);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Certificate of Achievement', { x: 60, y: 760, size: 24, font });
  page.drawText('Scan the code to verify this certificate.', { x: 60, y: 720, size: 11, font });
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const size = qr.modules.size;
  const module = TWO_CM / (size + 4);
  const x0 = 480;
  const y0 = 60;
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      if (!qr.modules.get(row, col)) continue;
      page.drawRectangle({ x: x0 + (col + 2) * module, y: y0 + (size + 1 - row) * module, width: module, height: module, borderWidth: 0 });
    }
  }
  return doc.save();
}

/** A certificate with the QR code as a 2 cm image. */
export async function certificateWithImageQr(url: string, side = TWO_CM, pageSize: [number, number] = A4): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage(pageSize);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Certificate of Completion', { x: 60, y: 760, size: 24, font });
  const image = await doc.embedPng(await qrPng(url, 3));
  page.drawImage(image, { x: 350, y: 50, width: side, height: side });
  return doc.save();
}

export interface CvLink {
  url: string;
  /** Written in the text, made a link annotation, or both. */
  as: 'text' | 'annotation' | 'both';
}

/** A CV: two pages of text with links written out and as link annotations. */
export async function cv(links: readonly CvLink[], pages = 2): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 0; n < pages; n++) {
    const page = doc.addPage(A4);
    page.drawText(n === 0 ? 'Jane Doe - Curriculum Vitae' : 'Certificates and badges', { x: 50, y: 780, size: 18, font });
    page.drawText('Experienced engineer. Lorem ipsum dolor sit amet.', { x: 50, y: 750, size: 10, font });
  }
  let y = 700;
  links.forEach((link, i) => {
    const page = doc.getPage(i % pages);
    const label = link.as === 'annotation' ? `Credential ${i + 1} (click here)` : `Verify at ${link.url}`;
    page.drawText(label, { x: 50, y, size: 9, font });
    if (link.as !== 'text') linkAnnotation(doc, page, link.url, [50, y - 2, 400, y + 10]);
    y -= 20;
  });
  return doc.save();
}

/** PDF/A-3-style associated files: a Europass credential and an Open Badge attached to the document, one more on a page. */
export async function pdfWithAttachments(files: Array<{ name: string; bytes: Uint8Array; mimeType: string; onPage?: boolean }>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage(A4);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Diploma supplement (with attached digital credentials)', { x: 50, y: 780, size: 14, font });
  for (const file of files) {
    if (file.onPage) fileAttachmentAnnotation(doc, page, file.name, file.bytes);
    else await doc.attach(file.bytes, file.name, { mimeType: file.mimeType, afRelationship: AFRelationship.Data, description: file.name });
  }
  return doc.save();
}

/** A scanned certificate: one full-page JPEG, greyish paper, the QR code turned 90°. */
export async function scannedPage(url: string): Promise<Uint8Array> {
  const width = 1240;
  const height = 1754; // A4 at 150 dpi
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#f1efe8';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#333';
  ctx.font = '48px sans-serif';
  ctx.fillText('CERTIFICATE', 420, 300);
  const qr = await loadImage(Buffer.from(await qrPng(url, 6)));
  const side = 180; // about 3 cm at 150 dpi
  ctx.save();
  ctx.translate(950 + side / 2, 1450 + side / 2);
  ctx.rotate(Math.PI / 2);
  ctx.drawImage(qr, -side / 2, -side / 2, side, side);
  ctx.restore();
  const jpeg = await canvas.encode('jpeg', 85);
  const doc = await PDFDocument.create();
  const page = doc.addPage(A4);
  page.drawImage(await doc.embedJpg(new Uint8Array(jpeg)), { x: 0, y: 0, width: A4[0], height: A4[1] });
  return doc.save();
}

/**
 * A document under the standard security handler with a user password: the /Encrypt dictionary
 * names a password the reader does not have, so no reader opens it without one.
 */
export async function encryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage(A4).drawText('secret', { x: 50, y: 700 });
  const context = doc.context;
  const encrypt = context.obj({
    Filter: 'Standard',
    V: 1,
    R: 2,
    O: PDFHexString.of('4f'.repeat(32)),
    U: PDFHexString.of('a5'.repeat(32)),
    P: -44,
  });
  context.trailerInfo.Encrypt = context.register(encrypt);
  context.trailerInfo.ID = context.obj([PDFHexString.of('0123456789abcdef0123456789abcdef'), PDFHexString.of('0123456789abcdef0123456789abcdef')]);
  return doc.save({ useObjectStreams: false });
}

/** A document of many text pages; `linkOnPages` get a credential link. */
export async function longDocument(pages: number, url: string, linkOnPages: readonly number[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let n = 1; n <= pages; n++) {
    const page = doc.addPage(A4);
    page.drawText(`Page ${n}`, { x: 50, y: 780, size: 12, font });
    if (linkOnPages.includes(n)) page.drawText(`Verify at ${url}?page=${n}`, { x: 50, y: 700, size: 10, font });
  }
  return doc.save();
}

