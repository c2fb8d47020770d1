// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { viewerShortcuts } from '@/domain/imaging/viewer-shortcuts';
import { windowPresetsFor } from '@/domain/imaging/window-presets';
import { ShortcutHelp } from './shortcut-help';

beforeAll(() => {
  // jsdom has <dialog> but not its modal API.
  HTMLDialogElement.prototype.showModal ??= function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close ??= function close(this: HTMLDialogElement) {
    this.open = false;
  };
});

afterEach(cleanup);

const rowOf = (key: string) => {
  const row = screen
    .getAllByTestId('shortcut-row')
    .find((item) => item.firstElementChild?.textContent === key);
  if (!row) throw new Error(`no row for ${key}`);
  return row;
};

describe('ShortcutHelp', () => {
  it('says that Space presses a focused button instead of resetting the view, and when keys are off', () => {
    render(<ShortcutHelp shortcuts={viewerShortcuts(windowPresetsFor('CT'))} onClose={() => undefined} />);
    const space = rowOf('Space');
    expect(space.textContent).toContain('Reset view');
    expect(within(space).getByTestId('shortcut-condition').textContent).toBe(
      'not while a button, link or checkbox has focus: Space presses it',
    );
    // Keys no control keeps say nothing more.
    expect(within(rowOf('↓')).queryByTestId('shortcut-condition')).toBeNull();
    expect(screen.getByTestId('shortcuts-off-note').textContent).toBe(
      'No key is a shortcut while a dialog is open or a text field, list, slider or menu has focus. Keys held with Ctrl, Alt or ⌘ are left to the browser.',
    );
  });
});
