/**
 * Human-readable order numbers: `CS-` and a value of the `order_number_seq` database sequence
 * (from 100001), so they are unique across replicas without coordination and short enough to
 * read out on the phone. Gaps (a placement rolled back) are harmless.
 */
const PREFIX = 'CS-';

export const orderNumberOf = (sequenceValue: number | string): string => `${PREFIX}${sequenceValue}`;

/**
 * What staff type into a search box → the stored form, or null when it cannot be an order
 * number: `cs-100042`, ` CS-100042 ` and `100042` all find CS-100042.
 */
export function normalizeOrderNumber(input: string): string | null {
  const trimmed = input.trim().toUpperCase();
  const digits = trimmed.startsWith(PREFIX) ? trimmed.slice(PREFIX.length) : trimmed;
  return /^\d{1,18}$/.test(digits) ? `${PREFIX}${digits}` : null;
}
