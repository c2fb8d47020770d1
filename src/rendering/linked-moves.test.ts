import { describe, expect, it } from 'vitest';
import { LinkedMoves } from './linked-moves';

describe('LinkedMoves', () => {
  it('follows every move of a stack the link never moved', () => {
    const moves = new LinkedMoves();
    expect(moves.isUsersMove('prior', 58)).toBe(true);
    expect(moves.isUsersMove('prior', 57)).toBe(true);
  });

  it('does not follow back the images a follower shows on its way, late ones included', () => {
    const moves = new LinkedMoves();
    // The user scrolls the prior; the current follows to 272, then (one notch later) to 267.
    moves.sentTo('current', 272);
    moves.sentTo('current', 267);
    // Slice 272 arrives after the link has sent the current on: still the link's move.
    expect(moves.isUsersMove('current', 267)).toBe(false);
    expect(moves.isUsersMove('current', 267)).toBe(false);
  });

  it('makes a follower a leader again at its first move of its own, and stays so', () => {
    const moves = new LinkedMoves();
    moves.sentTo('current', 267);
    expect(moves.isUsersMove('current', 266)).toBe(true);
    // Back on the index it was once sent to, by the user this time.
    expect(moves.isUsersMove('current', 267)).toBe(true);
  });

  it('keeps each viewport apart', () => {
    const moves = new LinkedMoves();
    moves.sentTo('current', 10);
    expect(moves.isUsersMove('prior', 10)).toBe(true);
    expect(moves.isUsersMove('current', 10)).toBe(false);
  });
});
