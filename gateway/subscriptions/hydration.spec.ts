import { buildSchema, execute, parse, type GraphQLResolveInfo } from 'graphql';
import { describe, expect, it } from 'vitest';
import { buildHydrationQuery, entityFromEvent } from './hydration.js';

const schema = buildSchema(`
  type Order { id: ID! status: String total(currency: String): Int }
  type OrderUpdated { status: String order: Order! }
  type Alert { id: ID! kind: String }
  type Query { orderUpdated: OrderUpdated! alertRaised: Alert! }
`);

/** The resolve info graphql-js hands the root field's resolver for `document`. */
function infoFor(document: string): GraphQLResolveInfo {
  let captured: GraphQLResolveInfo | undefined;
  // the default resolver calls a root value's function with (args, context, info)
  const capture = (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
    captured = info;
    return null;
  };
  execute({ schema, document: parse(document), rootValue: { orderUpdated: capture, alertRaised: capture } });
  return captured!;
}

const order = { field: 'order', rootQuery: 'order', idArgument: 'id' };
const alert = { field: null, rootQuery: 'alert', idArgument: 'id' };

describe('entityFromEvent: a selection of only the key is answered from the event', () => {
  it('answers id and __typename, aliases kept', () => {
    expect(entityFromEvent(infoFor('{ orderUpdated { status order { id } } }'), order, 'o-1')).toEqual({ order: { id: 'o-1' } });
    expect(entityFromEvent(infoFor('{ orderUpdated { mine: order { key: id kind: __typename } } }'), order, 'o-1')).toEqual({ mine: { key: 'o-1', kind: 'Order' } });
    expect(entityFromEvent(infoFor('{ orderUpdated { order { id } order { __typename } } }'), order, 'o-1')).toEqual({ order: { id: 'o-1', __typename: 'Order' } });
    expect(entityFromEvent(infoFor('{ alertRaised { id __typename } }'), alert, 'a-1')).toEqual({ id: 'a-1', __typename: 'Alert' });
  });

  it('leaves anything more to hydration', () => {
    for (const document of [
      '{ orderUpdated { order { id status } } }',
      '{ orderUpdated { order { id total(currency: "EUR") } } }',
      '{ orderUpdated { order { ... on Order { id } } } }',
      '{ orderUpdated { order { ...O } } } fragment O on Order { id }',
      '{ orderUpdated { order { id @include(if: true) } } }',
      '{ orderUpdated { order @include(if: true) { id } } }',
    ]) {
      const info = infoFor(document);
      expect(entityFromEvent(info, order, 'o-1'), document).toBeUndefined();
      expect(buildHydrationQuery(info, order, {}, schema), document).toBeDefined();
    }
    expect(entityFromEvent(infoFor('{ alertRaised { id kind } }'), alert, 'a-1')).toBeUndefined();
  });

  it('has nothing to answer when the entity is not selected', () => {
    expect(entityFromEvent(infoFor('{ orderUpdated { status } }'), order, 'o-1')).toBeUndefined();
    expect(buildHydrationQuery(infoFor('{ orderUpdated { status } }'), order, {}, schema)).toBeUndefined();
  });
});
