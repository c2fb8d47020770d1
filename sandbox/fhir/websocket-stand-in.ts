/**
 * @medplum/core reads `WebSocket.CLOSING` when it is first imported (for its subscription client, which the
 * sandbox never uses). Node 20 only defines WebSocket with --experimental-websocket: `npm run sandbox` passes
 * that flag, but Vitest's workers do not. This stand-in has the constants and refuses to connect.
 */
function WebSocketStandIn(): never {
  throw new Error('WebSocket is not available in this Node process (run it with --experimental-websocket)');
}
Object.assign(WebSocketStandIn, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });

if (typeof globalThis.WebSocket === 'undefined') {
  Object.defineProperty(globalThis, 'WebSocket', {
    value: WebSocketStandIn,
    configurable: true,
    writable: true,
  });
}
