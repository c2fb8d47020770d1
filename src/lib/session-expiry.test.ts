import { describe, expect, it, vi } from 'vitest';
import { SessionExpiredError } from './session-expired-error';
import { SessionExpiry } from './session-expiry';

describe('SessionExpiry', () => {
  it('ends once, whoever reports it, and tells every listener', async () => {
    const expiry = new SessionExpiry();
    const listener = vi.fn();
    expiry.subscribe(listener);
    await expect(expiry.watch(() => Promise.reject(new SessionExpiredError('refused')))).rejects.toThrow(
      'refused',
    );
    await expect(expiry.watch(() => Promise.reject(new SessionExpiredError('again')))).rejects.toThrow(
      SessionExpiredError,
    );
    expect(expiry.hasEnded()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('leaves other failures to their caller', async () => {
    const expiry = new SessionExpiry();
    await expect(expiry.watch(() => Promise.reject(new TypeError('Failed to fetch')))).rejects.toThrow(
      TypeError,
    );
    await expect(expiry.watch(() => Promise.resolve(42))).resolves.toBe(42);
    expect(expiry.hasEnded()).toBe(false);
  });

  it('sends nothing more once the session has ended', async () => {
    const expiry = new SessionExpiry();
    await expiry.watch(() => Promise.reject(new SessionExpiredError('ended'))).catch(() => undefined);
    const task = vi.fn(() => Promise.resolve('sent'));
    await expect(expiry.watch(task)).rejects.toThrow(SessionExpiredError);
    expect(task).not.toHaveBeenCalled();
  });
});
