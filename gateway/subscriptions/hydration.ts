import {
  getNamedType,
  isObjectType,
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type SelectionSetNode,
  type VariableDefinitionNode,
} from 'graphql';

/**
 * Builds the query that re-reads a subscription payload's entity through the gateway:
 * `subscription { cartUpdated(cartId: $c) { reason cart { items { product { name } } } } }`
 * becomes `query Hydrate($__id: ID!) { cart: cart(id: $__id) { items { product { name } } } }`,
 * (or, for a payload that is the entity itself, `alertRaised { id }` becomes
 * `query Hydrate($__id: ID!) { __payload: alert(id: $__id) { id } }`),
 * keeping aliases, the fragments and the variables the selection uses, and asking for
 * `__typename` everywhere so abstract types resolve from the hydrated data.
 */
/** The response key of the hydrated entity when the subscription's payload is the entity itself. */
export const WHOLE_PAYLOAD = '__payload';

export function buildHydrationQuery(
  info: GraphQLResolveInfo,
  entity: { field: string | null; rootQuery: string; idArgument: string },
  variableValues: Record<string, unknown>,
  _schema: GraphQLSchema,
): { query: string; variables: Record<string, unknown> } | undefined {
  const payloadSelection = info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []);
  // field null: the payload is the entity (`alertRaised { id kind }` → `__payload: alert(id: $__id) { id kind }`)
  const entityFields =
    entity.field == null
      ? info.fieldNodes.map((node): FieldNode => ({ ...node, alias: { kind: Kind.NAME, value: WHOLE_PAYLOAD } }))
      : payloadSelection.filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === entity.field);
  if (!entityFields.length) return undefined;

  const selections: FieldNode[] = entityFields.map((field) => ({
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: field.alias?.value ?? field.name.value },
    name: { kind: Kind.NAME, value: entity.rootQuery },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: entity.idArgument }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: '__id' } } }],
    directives: field.directives,
    selectionSet: field.selectionSet && withTypename(field.selectionSet),
  }));

  const fragments = usedFragments(selections, info.fragments);
  const usedVariables = new Set<string>();
  for (const node of [...selections, ...fragments]) {
    visit(node, { Variable: (v) => void usedVariables.add(v.name.value) });
  }
  usedVariables.delete('__id');
  const variableDefinitions: VariableDefinitionNode[] = [
    { kind: Kind.VARIABLE_DEFINITION, variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: '__id' } }, type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } } },
    ...(info.operation.variableDefinitions ?? []).filter((d) => usedVariables.has(d.variable.name.value)),
  ];

  const document: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      { kind: Kind.OPERATION_DEFINITION, operation: 'query' as never, name: { kind: Kind.NAME, value: 'SubscriptionHydration' }, variableDefinitions, selectionSet: { kind: Kind.SELECTION_SET, selections } },
      ...fragments.map((f) => ({ ...f, selectionSet: withTypename(f.selectionSet) })),
    ],
  };
  const variables = Object.fromEntries([...usedVariables].filter((name) => name in variableValues).map((name) => [name, variableValues[name]]));
  return { query: print(document), variables };
}

/**
 * The payload's entity part when the client asks only for what the event already says — the
 * entity's `id` and `__typename` (`orderUpdated { status order { id } }`) — so no re-read is
 * needed: the routes' `concerns` decided from the verified caller whether the event may be seen,
 * and a revoked session's socket is closed. Undefined when anything else is selected (another
 * field, an argument, a directive, a fragment): then the entity is hydrated.
 */
export function entityFromEvent(
  info: GraphQLResolveInfo,
  entity: { field: string | null },
  id: string,
): Record<string, unknown> | undefined {
  const payloadType = getNamedType(info.returnType);
  if (!isObjectType(payloadType)) return undefined;
  const fieldNodes =
    entity.field == null
      ? info.fieldNodes
      : info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []).filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === entity.field);
  if (!fieldNodes.length) return undefined;
  const entityType = entity.field == null ? payloadType : getNamedType(payloadType.getFields()[entity.field]?.type);
  if (!isObjectType(entityType) || !entityType.getFields().id) return undefined;

  const values: Record<string, unknown> = {};
  for (const node of fieldNodes) {
    if (entity.field != null && (node.directives?.length || node.arguments?.length)) return undefined;
    const keys: Record<string, unknown> = {};
    for (const selection of node.selectionSet?.selections ?? []) {
      if (selection.kind !== Kind.FIELD || selection.directives?.length || selection.arguments?.length) return undefined;
      if (selection.name.value === 'id') keys[selection.alias?.value ?? 'id'] = id;
      else if (selection.name.value === '__typename') keys[selection.alias?.value ?? '__typename'] = entityType.name;
      else return undefined;
    }
    if (entity.field == null) Object.assign(values, keys); // the payload is the entity: its selection is the field's own
    else {
      const key = node.alias?.value ?? node.name.value;
      values[key] = { ...(values[key] as Record<string, unknown> | undefined), ...keys };
    }
  }
  return values;
}

function withTypename(selectionSet: SelectionSetNode): SelectionSetNode {
  return visit(selectionSet, {
    SelectionSet: (node) =>
      node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename' && !s.alias)
        ? node
        : { ...node, selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }] },
  });
}

function usedFragments(roots: FieldNode[], all: Record<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const found = new Map<string, FragmentDefinitionNode>();
  const pending = [...roots] as (FieldNode | FragmentDefinitionNode)[];
  while (pending.length) {
    visit(pending.pop()!, {
      FragmentSpread: (spread) => {
        const name = spread.name.value;
        if (!found.has(name) && all[name]) {
          found.set(name, all[name]);
          pending.push(all[name]);
        }
      },
    });
  }
  return [...found.values()];
}
