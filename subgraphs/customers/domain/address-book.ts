/**
 * Address-book rules over one customer's addresses: nicknames are unique per customer
 * (case-insensitively), and a non-empty book has exactly one default address — the first
 * address becomes the default, choosing another default unsets the previous one, and removing
 * the default promotes the oldest remaining address.
 */

export interface BookEntry {
  id: string;
  nickname: string;
  isDefault: boolean;
  createdAt: Date;
}

export type BookProblem =
  | { kind: 'NOT_FOUND' }
  | { kind: 'INVALID'; fields: Record<string, string> };

/** What the store must do; `previousDefaultId` is unset before the new default is set. */
export interface DefaultChange {
  previousDefaultId: string | null;
  newDefaultId: string | null;
}

export type AddPlan = { ok: true; isDefault: boolean; defaultChange: DefaultChange | null } | ({ ok: false } & BookProblem);
export type UpdatePlan = { ok: true; isDefault: boolean; defaultChange: DefaultChange | null } | ({ ok: false } & BookProblem);
export type SetDefaultPlan = { ok: true; defaultChange: DefaultChange | null } | ({ ok: false } & BookProblem);
export type RemovePlan = { ok: true; defaultChange: DefaultChange | null } | ({ ok: false } & BookProblem);

const sameNickname = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const currentDefault = (book: readonly BookEntry[]) => book.find((a) => a.isDefault) ?? null;
/**
 * Also what the store answers when the database's unique index catches a clash this check missed:
 * PostgreSQL's lower() and JavaScript's toLowerCase() disagree on a few letters (final sigma,
 * dotted capital I), and the index decides.
 */
export const nicknameTaken = (): BookProblem & { ok: false } => ({
  ok: false,
  kind: 'INVALID',
  fields: { nickname: 'is already used by another of your addresses' },
});

/** `newId` is the id the new address will get (known before insert: ids are generated here). */
export function planAddAddress(book: readonly BookEntry[], newId: string, draft: { nickname: string; isDefault: boolean | null }): AddPlan {
  if (book.some((a) => sameNickname(a.nickname, draft.nickname))) return nicknameTaken();
  const previous = currentDefault(book);
  // The first address is the default whatever the input says: a book is never without one.
  const isDefault = previous === null || draft.isDefault === true;
  return { ok: true, isDefault, defaultChange: isDefault ? { previousDefaultId: previous?.id ?? null, newDefaultId: newId } : null };
}

export function planUpdateAddress(book: readonly BookEntry[], id: string, draft: { nickname: string; isDefault: boolean | null }): UpdatePlan {
  const target = book.find((a) => a.id === id);
  if (!target) return { ok: false, kind: 'NOT_FOUND' };
  if (book.some((a) => a.id !== id && sameNickname(a.nickname, draft.nickname))) return nicknameTaken();
  if (target.isDefault) {
    if (draft.isDefault === false) {
      return { ok: false, kind: 'INVALID', fields: { isDefault: 'the default address cannot be unset; make another address the default instead' } };
    }
    return { ok: true, isDefault: true, defaultChange: null };
  }
  if (draft.isDefault === true) {
    return { ok: true, isDefault: true, defaultChange: { previousDefaultId: currentDefault(book)?.id ?? null, newDefaultId: id } };
  }
  return { ok: true, isDefault: false, defaultChange: null };
}

export function planSetDefaultAddress(book: readonly BookEntry[], id: string): SetDefaultPlan {
  const target = book.find((a) => a.id === id);
  if (!target) return { ok: false, kind: 'NOT_FOUND' };
  if (target.isDefault) return { ok: true, defaultChange: null };
  return { ok: true, defaultChange: { previousDefaultId: currentDefault(book)?.id ?? null, newDefaultId: id } };
}

/** Whether the address is held by a checkout in progress is checked by the caller (CONFLICT). */
export function planRemoveAddress(book: readonly BookEntry[], id: string): RemovePlan {
  const target = book.find((a) => a.id === id);
  if (!target) return { ok: false, kind: 'NOT_FOUND' };
  if (!target.isDefault) return { ok: true, defaultChange: null };
  const successor = book
    .filter((a) => a.id !== id)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))[0];
  return { ok: true, defaultChange: { previousDefaultId: id, newDefaultId: successor?.id ?? null } };
}

/** Display order: the default first, then oldest first. */
export function sortAddressBook<T extends BookEntry>(book: readonly T[]): T[] {
  return [...book].sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}
