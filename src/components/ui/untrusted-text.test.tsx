// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { IdentityDate, IdentityText, UntrustedText } from './untrusted-text';

afterEach(cleanup);

describe('UntrustedText', () => {
  it('isolates record text in a bdi, as written', () => {
    render(<UntrustedText text={'CT\u202E HEAD'} testId="t" />);
    const element = screen.getByTestId('t');
    expect(element.tagName).toBe('BDI');
    expect(element.textContent).toBe('CT\u202E HEAD');
  });

  it('shows the fallback for no text', () => {
    render(<UntrustedText text={null} fallback="none" testId="t" />);
    expect(screen.getByTestId('t').textContent).toBe('none');
  });
});

describe('IdentityText', () => {
  it('writes out a bidi override and warns, with an accessible reason', () => {
    render(<IdentityText text={'\u202EHTIMS'} testId="name" />);
    const element = screen.getByTestId('name');
    expect(element.querySelector('bdi')?.textContent).toBe('⟨U+202E⟩HTIMS');
    const mark = screen.getByRole('img');
    expect(mark.getAttribute('aria-label')).toMatch(/U\+202E/);
    expect(element.dataset.suspicious).toBe('true');
  });

  it('shows a clean name without a mark', () => {
    render(<IdentityText text="山田 太郎" testId="name" />);
    expect(screen.getByTestId('name').textContent).toBe('山田 太郎');
    expect(screen.queryByRole('img')).toBeNull();
  });
});

describe('IdentityDate', () => {
  it('shows a FHIR date as written, and anything else as an invalid date with its value', () => {
    render(<IdentityDate value="1962-02-28" testId="a" />);
    expect(screen.getByTestId('a').textContent).toBe('1962-02-28');
    render(<IdentityDate value={'28/02/62\u200B'} testId="b" />);
    expect(screen.getByTestId('b').textContent).toMatch(/^invalid date \(28\/02\/62⟨U\+200B⟩⚠\)$/);
  });
});
