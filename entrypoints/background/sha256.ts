const encoder = new TextEncoder();

/** SHA-256 of bytes or of UTF-8 text, as lowercase hex: the ids of reports and listings. */
export async function sha256Hex(data: Uint8Array | string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', (typeof data === 'string' ? encoder.encode(data) : data) as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
