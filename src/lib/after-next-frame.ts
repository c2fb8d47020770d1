import { nextTask } from './next-task';

/** A hidden tab draws no frames: how long to wait for one at most. */
const NO_FRAME_WAIT_MS = 250;

/**
 * Resolves once the browser has produced the next frame: what was drawn before the call is then on
 * screen (in the frame's own task, after its animation callbacks; this resolves in the task after).
 * In a tab that draws no frames (hidden), after NO_FRAME_WAIT_MS at most.
 */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(finish, NO_FRAME_WAIT_MS);
    requestAnimationFrame(() => void nextTask().then(finish));
  });
}
