import { useEffect, useEffectEvent } from 'react';
import { commandForKey, type Shortcut } from '@/domain/imaging/viewer-shortcuts';
import type { CommandBus } from './model/command-bus';

interface ViewerKeyboardOptions {
  bus: CommandBus;
  shortcuts: readonly Shortcut[];
  /** While the help overlay is open, Escape closes it rather than reaching a shortcut. */
  helpOpen: boolean;
  onCloseHelp: () => void;
}

/**
 * Keys pressed anywhere on the page become commands on the bus, except while typing in a field (the
 * cine rate box). One listener for the screen's lifetime: it reads the latest shortcuts and help
 * state when a key arrives, so a re-render (a new preset list, the help opening) does not re-add it.
 */
export function useViewerKeyboard({ bus, shortcuts, helpOpen, onCloseHelp }: ViewerKeyboardOptions): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (isTextEntry(event.target)) return;
    if (event.key === 'Escape' && helpOpen) return onCloseHelp();
    const command = commandForKey(shortcuts, event);
    if (!command) return;
    event.preventDefault();
    bus.dispatch(command);
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

function isTextEntry(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null;
  return (
    !!element && (element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.isContentEditable)
  );
}
