/** A WADO-RS frame answer for tests: one multipart part, its own Content-Type naming the transfer syntax. */
export function frameResponse(bytes: readonly number[], transferSyntax: string): Response {
  const encode = (text: string) => new TextEncoder().encode(text);
  const body = new Uint8Array([
    ...encode(`--b\r\nContent-Type: application/octet-stream; transfer-syntax=${transferSyntax}\r\n\r\n`),
    ...bytes,
    ...encode('\r\n--b--\r\n'),
  ]);
  return new Response(body, {
    headers: { 'Content-Type': 'multipart/related; type="application/octet-stream"; boundary=b' },
  });
}
