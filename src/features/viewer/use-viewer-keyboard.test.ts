// @vitest-environment jsdom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { shortcutCondition, viewerShortcuts, type ViewerCommand } from '@/domain/imaging/viewer-shortcuts';
import { windowPresetsFor } from '@/domain/imaging/window-presets';
import { CommandBus } from './model/command-bus';
import { useViewerKeyboard } from './use-viewer-keyboard';

const press = (key: string, target: EventTarget = window, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
};

function setUp(initial: { modality?: string } = {}) {
  const bus = new CommandBus();
  const commands: ViewerCommand[] = [];
  bus.subscribe((command) => commands.push(command));
  const hook = renderHook(
    ({ modality }: { modality: string }) =>
      useViewerKeyboard({ bus, shortcuts: viewerShortcuts(windowPresetsFor(modality)) }),
    { initialProps: { modality: initial.modality ?? 'CT' } },
  );
  return { commands, ...hook };
}

/** An element of the given markup, in the page, to send keys to. */
function element(html: string): Element {
  const host = document.body.appendChild(document.createElement('div'));
  host.innerHTML = html;
  const target = host.querySelector('[data-target]');
  if (!target) throw new Error('no [data-target] in the markup');
  return target;
}

afterEach(() => {
  cleanup();
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

  it('leaves Space and Enter to a focused button, link or summary: they press it, never reset the view', () => {
    const { commands } = setUp();
    for (const html of [
      '<button data-target>Invert</button>',
      '<a href="/" data-target>All studies</a>',
      '<details><summary data-target>Problems</summary></details>',
      '<div role="button" tabindex="0" data-target>Open</div>',
      '<input type="checkbox" data-target>',
    ]) {
      const target = element(html);
      expect(press(' ', target).defaultPrevented, html).toBe(false);
      expect(press('Enter', target).defaultPrevented, html).toBe(false);
    }
    expect(commands).toEqual([]);
  });

  it('still steps images with the arrows and takes letters after a toolbar button was pressed', () => {
    const { commands } = setUp();
    const button = element('<button data-target>Invert</button>');
    press('ArrowDown', button);
    press('r', button);
    expect(commands).toEqual([
      { type: 'image', delta: 1 },
      { type: 'rotate', degrees: 90 },
    ]);
  });

  it('leaves every key to fields, selects, composite widgets and anything inside a dialog', () => {
    const { commands } = setUp();
    for (const html of [
      '<input type="number" data-target>',
      '<textarea data-target></textarea>',
      '<select data-target><option>CT</option></select>',
      '<div role="slider" tabindex="0" data-target></div>',
      '<dialog open><button data-target>Close</button></dialog>',
    ]) {
      const target = element(html);
      for (const key of [' ', 'ArrowDown', 'r', '1']) press(key, target);
    }
    expect(commands).toEqual([]);
  });

  it('sends nothing while a modal dialog is open, wherever focus is', () => {
    const { commands } = setUp();
    element('<dialog open data-target><button>Close</button></dialog>');
    press('ArrowDown');
    press('ArrowDown', document.body);
    expect(commands).toEqual([]);
  });

  it('reads the shortcuts of the latest render (presets exist for CT only)', () => {
    const { commands, rerender } = setUp({ modality: 'CT' });
    press('1');
    rerender({ modality: 'MR' });
    press('1');
    expect(commands).toEqual([{ type: 'preset', presetId: 'soft-tissue' }]);
  });

  it('adds one window listener for its lifetime, however often the screen re-renders', () => {
    const add = vi.spyOn(window, 'addEventListener');
    const remove = vi.spyOn(window, 'removeEventListener');
    const { rerender, unmount } = setUp();
    for (const modality of ['MR', 'CT', 'US']) rerender({ modality });
    expect(add.mock.calls.filter(([type]) => type === 'keydown')).toHaveLength(1);
    expect(remove.mock.calls.filter(([type]) => type === 'keydown')).toHaveLength(0);
    unmount();
    expect(remove.mock.calls.filter(([type]) => type === 'keydown')).toHaveLength(1);
  });
});

describe('the help and the handler read one table', () => {
  it('on a focused button, a shortcut key works exactly when the help gives it no condition', () => {
    const { commands } = setUp();
    const button = element('<button data-target>Invert</button>');
    for (const shortcut of viewerShortcuts(windowPresetsFor('CT'))) {
      for (const key of shortcut.keys) {
        commands.length = 0;
        press(key, button);
        expect(commands.length, `${key} (${shortcut.label})`).toBe(
          shortcutCondition(shortcut) === null ? 1 : 0,
        );
      }
    }
  });
});
