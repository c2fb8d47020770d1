import { StackViewport } from '@cornerstonejs/core';

/** The field Cornerstone keeps its deferred move in (private in its types). */
interface DeferredMove {
  debouncedTimeout?: ReturnType<typeof setTimeout>;
}

let installed = false;

/**
 * Cornerstone 5.14's `StackViewport.scroll` defers a move onto a slice not loaded yet by 40 ms, and a
 * move made meanwhile (onto a slice already loaded, Home/End, the compare link, another series) does
 * not cancel it: the deferred move lands afterwards and the stack goes back to where the user had
 * passed, or a new series opens on the old one's slice number (cornerstonejs/cornerstone3D#1355,
 * closed without the fix). Here every move made at once, and every new stack, cancels the deferred
 * one, which is the fix the issue proposes; once Cornerstone has it, this can go. Idempotent.
 */
export function cancelDeferredMoveOnEveryMove(): void {
  if (installed) return;
  installed = true;
  const cancel = (viewport: StackViewport) =>
    clearTimeout((viewport as unknown as DeferredMove).debouncedTimeout);
  const { setImageIdIndex, setStack } = StackViewport.prototype;
  StackViewport.prototype.setImageIdIndex = function (this: StackViewport, imageIdIndex: number) {
    cancel(this);
    return setImageIdIndex.call(this, imageIdIndex);
  };
  StackViewport.prototype.setStack = function (this: StackViewport, imageIds: string[], index?: number) {
    cancel(this);
    return setStack.call(this, imageIds, index);
  };
}
