/**
 * A fixed port for a sandbox integration test, shifted by `TEST_PORT_OFFSET` so that two checkouts
 * (e.g. git worktrees) can run their integration tests at the same time without clashing.
 */
export function testPort(port: number): number {
  const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
  if (!Number.isInteger(offset) || offset < 0 || port + offset > 65_535) {
    throw new Error(
      `TEST_PORT_OFFSET must be a small non-negative integer, not ${process.env.TEST_PORT_OFFSET}`,
    );
  }
  return port + offset;
}
