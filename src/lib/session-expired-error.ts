/** The session can no longer get a valid token: the user must launch again. */
export class SessionExpiredError extends Error {
  override readonly name = 'SessionExpiredError';
}
