/** A request body read up to a limit: the bytes, the fact that it was too large, or that the client went away mid-body. */
export type LimitedBody = { kind: 'body'; bytes: Uint8Array | undefined } | { kind: 'too-large' } | { kind: 'aborted' };

/** Reads a body without ever holding more than `maxBytes` of it: a declared or streamed excess stops the read. */
export async function readBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  // A GET or HEAD has no body for a Request; asking for `.body` would only make the server build a full one (slow).
  if (request.method === 'GET' || request.method === 'HEAD') return { kind: 'body', bytes: undefined };
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) return { kind: 'too-large' };
  // A declared length bounds the body (Node's parser never reads past it): read it in one go, the server's fast path.
  if (Number.isSafeInteger(declared)) return readDeclared(request);
  if (request.body === null) return { kind: 'body', bytes: undefined };
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client closed the connection before sending the body it announced: there is no one to answer.
      return { kind: 'aborted' };
    }
    const { done, value } = chunk;
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { kind: 'too-large' };
    }
    chunks.push(value);
  }
  if (size === 0) return { kind: 'body', bytes: undefined };
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'body', bytes };
}

/** Reads a body whose length the client declared (and which is within the limit). */
async function readDeclared(request: Request): Promise<LimitedBody> {
  let buffer: ArrayBuffer;
  try {
    buffer = await request.arrayBuffer();
  } catch {
    return { kind: 'aborted' };
  }
  return { kind: 'body', bytes: buffer.byteLength === 0 ? undefined : new Uint8Array(buffer) };
}
