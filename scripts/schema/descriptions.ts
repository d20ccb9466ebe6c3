import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLSchema,
} from 'graphql';

/**
 * The public API documents itself: every type, field, argument, input field and enum value that
 * clients see in the API schema has a description (written in the owning subgraph's SDL; composition
 * carries it into schema/api.graphql and so into codegen output and IDE tooltips).
 * Returns the coordinates that lack one.
 */
export function undocumented(api: GraphQLSchema): string[] {
  const missing: string[] = [];
  const need = (coordinate: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(coordinate);
  };
  const roots = new Set([api.getQueryType(), api.getMutationType(), api.getSubscriptionType()].filter(Boolean).map((t) => t!.name));
  for (const type of Object.values(api.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    // Root types are containers; their fields carry the documentation.
    if (!roots.has(type.name)) need(type.name, type.description);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        need(`${type.name}.${field.name}`, field.description);
        for (const arg of field.args) need(`${type.name}.${field.name}(${arg.name}:)`, arg.description);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) need(`${type.name}.${field.name}`, field.description);
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) need(`${type.name}.${value.name}`, value.description);
    } else if (isUnionType(type)) {
      // members are types, documented on their own
    }
  }
  return missing;
}
