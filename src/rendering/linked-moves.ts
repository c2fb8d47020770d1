/**
 * Which images two linked stacks show are the user's moves and which the link's own. The link sends
 * a follower to an index; until the follower heads somewhere else, every image it shows is the link's
 * doing, however late it arrives (a slice still loading when the user has scrolled on) — following such
 * an image back would pull the user's own stack to where it was a moment ago.
 */
export class LinkedMoves {
  /** Per viewport, the index the link last sent it to. */
  private readonly sent = new Map<string, number>();

  /** The link sent `viewportId` towards `index`. */
  sentTo(viewportId: string, index: number): void {
    this.sent.set(viewportId, index);
  }

  /**
   * Whether an image `viewportId` shows, while heading for `targetIndex`, is a move to follow: not
   * while it heads where the link sent it. The first move of its own makes it a leader again.
   */
  isUsersMove(viewportId: string, targetIndex: number): boolean {
    if (this.sent.get(viewportId) === targetIndex) return false;
    this.sent.delete(viewportId);
    return true;
  }
}
