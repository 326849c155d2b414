import { DomainError } from '@hexfleet/kernel';

/** fractional-indexing ships ES modules only; Node (>= 20.19) and Jest (compiled) both require it. */
const { generateKeyBetween } = require('fractional-indexing') as {
  generateKeyBetween(a: string | null, b: string | null): string;
};

/**
 * A rank between two neighbours of a column (ADR 0064): the library's lexicographic
 * fractional indexing, so a move writes only the moved card's stream. Two cards put
 * between the same neighbours at once get the same rank, and the board orders them by
 * (rank, cardId): both moves are kept, in an order every reader agrees on.
 */
export function rankBetween(after: string | null, before: string | null): string {
  if (after !== null && before !== null) {
    // Tied neighbours (an earlier concurrent move): the card joins the tie, ordered by id.
    if (after === before) return after;
    if (after > before) throw new DomainError('placement-out-of-order', { field: 'afterCardId', after, before });
  }
  return generateKeyBetween(after, before);
}
