// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ViewportBoundary } from './viewport-boundary';

afterEach(cleanup);

describe('ViewportBoundary', () => {
  it('shows the failure in place of the viewport only, and tries again on request', () => {
    // React reports caught render errors on the console: expected here, kept out of the output.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let broken = true;
    function Viewport() {
      if (broken) throw new Error('No image plane for this geometry');
      return <p>image</p>;
    }
    render(
      <>
        <ViewportBoundary>
          <Viewport />
        </ViewportBoundary>
        <p>the other viewport</p>
      </>,
    );
    const failure = screen.getByTestId('viewport-failure');
    expect(failure.textContent).toContain('This viewport could not be shown');
    expect(failure.textContent).toContain('No image plane for this geometry');
    expect(screen.getByText('the other viewport')).toBeTruthy();

    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('image')).toBeTruthy();
    expect(screen.queryByTestId('viewport-failure')).toBeNull();
    vi.restoreAllMocks();
  });
});
