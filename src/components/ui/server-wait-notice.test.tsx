// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { beginServerWait } from '@/lib/server-waits';
import { ServerWaitNotice } from './server-wait-notice';

const ends: (() => void)[] = [];
afterEach(() => {
  act(() => ends.splice(0).forEach((end) => end()));
  document.body.innerHTML = '';
});

const wait = (...args: Parameters<typeof beginServerWait>) =>
  act(() => void ends.push(beginServerWait(...args)));

describe('ServerWaitNotice', () => {
  it('names each server waited for once, and says when a retry comes', () => {
    render(<ServerWaitNotice />);
    expect(screen.queryByTestId('server-wait')).toBeNull();
    wait({ server: 'image', address: 'https://pacs.example.org' });
    wait({ server: 'image', address: 'https://pacs.example.org' });
    wait({ server: 'ehr', address: 'https://ehr.example.org', retryInSeconds: 4 });
    expect(screen.getByTestId('server-wait').textContent).toBe(
      'Waiting for the image server at https://pacs.example.org…' +
        'The EHR at https://ehr.example.org did not answer and could not renew the session yet; trying again in 4 s. Your session and your work are kept.',
    );
  });

  it('goes when the waits are over', () => {
    render(<ServerWaitNotice />);
    wait({ server: 'fhir', address: 'https://ehr.example.org/fhir' });
    expect(screen.getByTestId('server-wait').textContent).toBe(
      'Waiting for the FHIR server at https://ehr.example.org/fhir…',
    );
    act(() => ends.splice(0).forEach((end) => end()));
    expect(screen.queryByTestId('server-wait')).toBeNull();
  });
});
