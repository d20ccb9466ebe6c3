import { buildSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { undocumented } from './descriptions.js';

describe('undocumented', () => {
  it('names every type, field, argument, input field and enum value without a description, but not the root types', () => {
    const schema = buildSchema(`
      type Query { "Described." pet("Described." id: ID!, name: String): Pet }
      type Pet { id: ID! }
      "Described." input PetInput { name: String }
      "Described." enum Kind { DOG "Described." CAT }
    `);
    expect(undocumented(schema).sort()).toEqual(['Kind.DOG', 'Pet', 'Pet.id', 'PetInput.name', 'Query.pet(name:)'].sort());
  });

  it('passes a fully described schema', () => {
    const schema = buildSchema(`type Query { "The answer." answer: Int }`);
    expect(undocumented(schema)).toEqual([]);
  });
});
