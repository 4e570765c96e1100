/**
 * A request's or response's body, counted while it streams in: past `maxBytes` (or when its declared Content-Length
 * already is) the read stops, the stream is cancelled and null comes back, so a large or endless body is never
 * buffered whole. The cancel is not awaited: a peer that stops sending must not hold the answer.
 */
export async function readLimitedBytes(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  declaredLength?: string | null,
): Promise<Uint8Array | null> {
  if (Number(declaredLength ?? 0) > maxBytes) {
    body?.cancel().catch(() => {});
    return null;
  }
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
