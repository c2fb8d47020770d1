/** Why a launch failed, each with its own page text (see launch-error-page.tsx). */
export type LaunchErrorKind =
  | 'missing-iss'
  | 'issuer-not-allowed'
  | 'authorization-denied'
  | 'token-failed'
  | 'no-patient'
  | 'no-session'
  | 'config';

export class LaunchError extends Error {
  override readonly name = 'LaunchError';
  constructor(
    readonly kind: LaunchErrorKind,
    message: string,
  ) {
    super(message);
  }
}
