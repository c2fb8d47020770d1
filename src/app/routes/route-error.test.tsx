// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RouteError } from './route-error';

afterEach(cleanup);

describe('RouteError', () => {
  it('replaces the failed screen only: the layout stays, with the reason and a way back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    function Broken(): never {
      throw new Error('Cannot read properties of undefined');
    }
    const router = createMemoryRouter(
      [
        {
          element: (
            <>
              <p>patient banner</p>
              <Outlet />
            </>
          ),
          children: [{ path: '/viewer', element: <Broken />, errorElement: <RouteError /> }],
        },
      ],
      { initialEntries: ['/viewer'] },
    );
    render(<RouterProvider router={router} />);
    const failure = await screen.findByTestId('route-error');
    expect(failure.textContent).toContain('Cannot read properties of undefined');
    expect(screen.getByText('patient banner')).toBeTruthy();
    expect(screen.getByRole('link', { name: /studies/ }).getAttribute('href')).toBe('/');
    vi.restoreAllMocks();
  });

  it('says the cause in words, without a library’s addresses', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    function Broken(): never {
      throw new Error('400 Bad Request\nURL: https://ehr.example.org/auth/token\ninvalid_grant');
    }
    const router = createMemoryRouter(
      [
        { path: '/viewer', element: <Broken />, errorElement: <RouteError /> },
        { path: '/', element: <p>list</p>, errorElement: <RouteError /> },
      ],
      { initialEntries: ['/viewer'] },
    );
    render(<RouterProvider router={router} />);
    const failure = await screen.findByTestId('route-error');
    expect(failure.textContent).toContain('invalid_grant');
    expect(failure.textContent).not.toContain('ehr.example.org');
    vi.restoreAllMocks();
  });
});
