/**
 * Resolves in a task of its own, so that the browser may render and handle input before the caller
 * goes on. For loops whose every `await` would otherwise resolve as a microtask: reading a stream
 * whose data is already in never lets a frame be drawn. A MessageChannel message rather than a timer:
 * nested zero timeouts are clamped to 4 ms, which would slow a 300-part loop by over a second.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
