import type { ViewerCommand } from '@/domain/imaging/viewer-shortcuts';

type Handler = (command: ViewerCommand) => void;

/**
 * Toolbar buttons and keys send commands; the active viewport (and the screen, for series and help)
 * act on them. A bus rather than props, because a command is an event, not state: pressing "rotate"
 * twice must rotate twice.
 */
export class CommandBus {
  private readonly handlers = new Set<Handler>();

  subscribe(handler: Handler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  dispatch(command: ViewerCommand): void {
    for (const handler of this.handlers) handler(command);
  }
}
