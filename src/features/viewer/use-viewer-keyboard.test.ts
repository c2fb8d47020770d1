// @vitest-environment jsdom
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { viewerShortcuts, type ViewerCommand } from '@/domain/imaging/viewer-shortcuts';
import { windowPresetsFor } from '@/domain/imaging/window-presets';
import { CommandBus } from './model/command-bus';
import { useViewerKeyboard } from './use-viewer-keyboard';

const press = (key: string, target: EventTarget = window, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
};

function setUp(initial: { helpOpen?: boolean; modality?: string } = {}) {
  const bus = new CommandBus();
  const commands: ViewerCommand[] = [];
  bus.subscribe((command) => commands.push(command));
  const onCloseHelp = vi.fn();
  const hook = renderHook(
    ({ helpOpen, modality }: { helpOpen: boolean; modality: string }) =>
      useViewerKeyboard({
        bus,
        shortcuts: viewerShortcuts(windowPresetsFor(modality)),
        helpOpen,
        onCloseHelp,
      }),
    { initialProps: { helpOpen: initial.helpOpen ?? false, modality: initial.modality ?? 'CT' } },
  );
  return { commands, onCloseHelp, ...hook };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('useViewerKeyboard', () => {
  it('sends the command of a shortcut key to the bus and keeps the key from the page', () => {
    const { commands } = setUp();
    const event = press('r');
    expect(commands).toEqual([{ type: 'rotate', degrees: 90 }]);
    expect(event.defaultPrevented).toBe(true);
  });

  it('leaves other keys, and keys with Ctrl, Alt or Meta, to the browser', () => {
    const { commands } = setUp();
    expect(press('q').defaultPrevented).toBe(false);
    expect(press('r', window, { ctrlKey: true }).defaultPrevented).toBe(false);
    expect(commands).toEqual([]);
  });

  it('ignores keys typed into a field', () => {
    const { commands } = setUp();
    const input = document.body.appendChild(document.createElement('input'));
    press('i', input);
    expect(commands).toEqual([]);
  });

  it('closes the help with Escape while it is open, and only then', () => {
    const { onCloseHelp, rerender } = setUp({ helpOpen: true });
    press('Escape');
    expect(onCloseHelp).toHaveBeenCalledTimes(1);
    rerender({ helpOpen: false, modality: 'CT' });
    press('Escape');
    expect(onCloseHelp).toHaveBeenCalledTimes(1);
  });

  it('reads the shortcuts of the latest render (presets exist for CT only)', () => {
    const { commands, rerender } = setUp({ modality: 'CT' });
    press('1');
    rerender({ helpOpen: false, modality: 'MR' });
    press('1');
    expect(commands).toEqual([{ type: 'preset', presetId: 'soft-tissue' }]);
  });

  it('adds one window listener for its lifetime, however often the screen re-renders', () => {
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const { rerender, unmount } = setUp();
    for (const helpOpen of [true, false, true]) rerender({ helpOpen, modality: 'CT' });
    expect(add.mock.calls.filter(([type]) => type === 'keydown')).toHaveLength(1);
    expect(remove.mock.calls.filter(([type]) => type === 'keydown')).toHaveLength(0);
    unmount();
    expect(remove.mock.calls.filter(([type]) => type === 'keydown')).toHaveLength(1);
  });
});
