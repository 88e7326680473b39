import { AFRelationship, PDFDocument, PDFString, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';

/**
 * The applicant's CV as a PDF, built at start-up from the demo's own credentials: links written in
 * the text, a clickable link, and credential files attached to the document (as PDF/A-3 does).
 * What the job board's upload field finds in it is what the demo shows.
 */
export interface CvSources {
  issuer: string;
  /** Bodies of the examples, by id. */
  bodies: Map<string, string | Uint8Array>;
}

function linkAnnotation(doc: PDFDocument, page: PDFPage, url: string, rect: [number, number, number, number]): void {
  const annot = doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: rect, Border: [0, 0, 0], A: { Type: 'Action', S: 'URI', URI: PDFString.of(url) } });
  page.node.addAnnot(doc.context.register(annot));
}

export async function buildCvPdf({ issuer, bodies }: CvSources): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Anna Kowalska - Curriculum Vitae');
  doc.setAuthor('Anna Kowalska');
  const page = doc.addPage([595, 842]); // A4
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const accent = rgb(0.04, 0.35, 0.79);
  let y = 780;
  const line = (text: string, options: { size?: number; font?: PDFFont; gap?: number; color?: ReturnType<typeof rgb> } = {}) => {
    page.drawText(text, { x: 56, y, size: options.size ?? 10.5, font: options.font ?? font, color: options.color ?? rgb(0.1, 0.1, 0.12) });
    y -= options.gap ?? 16;
  };

  line('Anna Kowalska', { size: 24, font: bold, gap: 22 });
  line('Junior data analyst  -  Berlin  -  anna.kowalska@example.org', { gap: 34 });
  line('Education', { size: 14, font: bold, gap: 20 });
  line('2021-2024  BSc Statistics, Demo University (EBSI diploma attached to this PDF)', { gap: 30 });
  line('Certificates and badges', { size: 14, font: bold, gap: 20 });
  line('Certificate in Data Analysis with Python, Hochschule Demo Berlin. Verify:');
  line(`${issuer}/credentials/vc-jwt-valid`, { color: accent, gap: 22 });
  line('Agile Team Leadership, Politecnico Demo di Torino (Open Badge 3.0)  -  view the badge', { gap: 4 });
  linkAnnotation(doc, page, `${issuer}/credentials/ob3-di-valid`, [56, y + 2, 520, y + 16]);
  y -= 18;
  line('English for Professional Purposes, CEFR B2, Instytut Demo Jezykow. Verify:');
  line(`${issuer}/credentials/vc2-ecdsa-revoked`, { color: accent, gap: 22 });
  line('Data Visualisation for Decision Makers (Europass micro-credential, attached to this PDF)', { gap: 22 });
  line('Experience', { size: 14, font: bold, gap: 20 });
  line('2024-      Data intern, Demo Analytics GmbH: dashboards, data cleaning, A/B test reports.', { gap: 16 });
  line('Personal website: https://anna-kowalska.example/  (not a credential: never followed)', { gap: 16 });

  const attach = async (id: string, name: string, mimeType: string) => {
    const body = bodies.get(id);
    if (body === undefined) throw new Error(`the CV needs example ${id}`);
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    await doc.attach(bytes, name, { mimeType, description: name, afRelationship: AFRelationship.Data });
  };
  await attach('edc-valid', 'europass-data-visualisation.json', 'application/json');
  await attach('ebsi-valid', 'bsc-statistics-ebsi.jwt', 'application/jwt');
  return doc.save();
}
