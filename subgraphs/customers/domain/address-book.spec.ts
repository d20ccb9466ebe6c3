import { describe, expect, it } from 'vitest';
import { planAddAddress, planRemoveAddress, planSetDefaultAddress, planUpdateAddress, sortAddressBook, type BookEntry } from './address-book.js';

const at = (minute: number) => new Date(Date.UTC(2025, 0, 1, 0, minute));
const home: BookEntry = { id: 'a-home', nickname: 'Home', isDefault: true, createdAt: at(1) };
const work: BookEntry = { id: 'b-work', nickname: 'Work', isDefault: false, createdAt: at(2) };
const cabin: BookEntry = { id: 'c-cabin', nickname: 'Cabin', isDefault: false, createdAt: at(3) };
const book = [home, work, cabin];

describe('adding an address', () => {
  it('makes the first address the default even when the input says otherwise', () => {
    expect(planAddAddress([], 'new', { nickname: 'Home', isDefault: false })).toEqual({
      ok: true,
      isDefault: true,
      defaultChange: { previousDefaultId: null, newDefaultId: 'new' },
    });
  });

  it('keeps the current default when isDefault is not asked for', () => {
    expect(planAddAddress(book, 'new', { nickname: 'Mum', isDefault: null })).toEqual({ ok: true, isDefault: false, defaultChange: null });
  });

  it('moves the default to the new address when asked', () => {
    expect(planAddAddress(book, 'new', { nickname: 'Mum', isDefault: true })).toEqual({
      ok: true,
      isDefault: true,
      defaultChange: { previousDefaultId: 'a-home', newDefaultId: 'new' },
    });
  });

  it.each(['Work', 'work', 'WORK', ' Work '])('refuses the nickname %j used by another address, case-insensitively', (nickname) => {
    expect(planAddAddress(book, 'new', { nickname, isDefault: null })).toMatchObject({ ok: false, kind: 'INVALID', fields: { nickname: expect.any(String) } });
  });
});

describe('updating an address', () => {
  it('lets an address keep its own nickname, in another case', () => {
    expect(planUpdateAddress(book, 'b-work', { nickname: 'WORK', isDefault: null })).toEqual({ ok: true, isDefault: false, defaultChange: null });
  });

  it("refuses another address's nickname", () => {
    expect(planUpdateAddress(book, 'b-work', { nickname: 'home', isDefault: null })).toMatchObject({ ok: false, kind: 'INVALID', fields: { nickname: expect.any(String) } });
  });

  it('moves the default when an address is made the default', () => {
    expect(planUpdateAddress(book, 'c-cabin', { nickname: 'Cabin', isDefault: true })).toEqual({
      ok: true,
      isDefault: true,
      defaultChange: { previousDefaultId: 'a-home', newDefaultId: 'c-cabin' },
    });
  });

  it('refuses to unset the default (another address must be chosen instead)', () => {
    expect(planUpdateAddress(book, 'a-home', { nickname: 'Home', isDefault: false })).toMatchObject({ ok: false, kind: 'INVALID', fields: { isDefault: expect.any(String) } });
  });

  it('keeps the default as it is when isDefault is true or absent for the default address', () => {
    expect(planUpdateAddress(book, 'a-home', { nickname: 'Home', isDefault: true })).toEqual({ ok: true, isDefault: true, defaultChange: null });
    expect(planUpdateAddress(book, 'a-home', { nickname: 'Home', isDefault: null })).toEqual({ ok: true, isDefault: true, defaultChange: null });
  });

  it('reports an address not in the book as not found', () => {
    expect(planUpdateAddress(book, 'elsewhere', { nickname: 'X', isDefault: null })).toEqual({ ok: false, kind: 'NOT_FOUND' });
  });
});

describe('choosing the default address', () => {
  it('unsets the previous default and sets the chosen one', () => {
    expect(planSetDefaultAddress(book, 'b-work')).toEqual({ ok: true, defaultChange: { previousDefaultId: 'a-home', newDefaultId: 'b-work' } });
  });

  it('changes nothing when the address already is the default', () => {
    expect(planSetDefaultAddress(book, 'a-home')).toEqual({ ok: true, defaultChange: null });
  });

  it('reports an address not in the book as not found', () => {
    expect(planSetDefaultAddress(book, 'elsewhere')).toEqual({ ok: false, kind: 'NOT_FOUND' });
  });
});

describe('removing an address', () => {
  it('leaves the default alone when another address is removed', () => {
    expect(planRemoveAddress(book, 'b-work')).toEqual({ ok: true, defaultChange: null });
  });

  it('promotes the oldest remaining address when the default is removed', () => {
    expect(planRemoveAddress([cabin, home, work], 'a-home')).toEqual({ ok: true, defaultChange: { previousDefaultId: 'a-home', newDefaultId: 'b-work' } });
  });

  it('leaves no default when the last address is removed', () => {
    expect(planRemoveAddress([home], 'a-home')).toEqual({ ok: true, defaultChange: { previousDefaultId: 'a-home', newDefaultId: null } });
  });

  it('reports an address not in the book as not found', () => {
    expect(planRemoveAddress(book, 'elsewhere')).toEqual({ ok: false, kind: 'NOT_FOUND' });
  });
});

describe('the order of the address book', () => {
  it('lists the default first, then oldest first', () => {
    const cabinDefault = { ...cabin, isDefault: true };
    const homeNotDefault = { ...home, isDefault: false };
    expect(sortAddressBook([work, cabinDefault, homeNotDefault]).map((a) => a.id)).toEqual(['c-cabin', 'a-home', 'b-work']);
  });
});
