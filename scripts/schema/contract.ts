import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  isUnionType,
  type GraphQLSchema,
} from 'graphql';
import { SUBGRAPHS, type SubgraphName } from '../../platform/config.js';
import { breakingChanges, type SchemaChange } from './breaking-changes.js';

/**
 * The contract check: `findBreakingChanges(contract, api)` must report nothing, except that while
 * some subgraphs do not exist yet, gaps owned only by missing subgraphs are "not yet provided".
 *
 * Ownership comes from CONTRACT.graphql's comments:
 * - a section header `# ----…---- <name> subgraph` owns the types below it;
 * - inside a type, a comment `# <name>` / `# <name> subgraph` / `# <name> (ROLES)` owns the fields after it;
 * - a root field without such a comment belongs to the owner of its return type
 *   (Subscription.cartUpdated → CartUpdated → cart; Subscription.orderUpdated → OrderUpdated → orders);
 * - a root type (Query, Mutation, Subscription) is owned by the owners of its fields;
 * - shared types before the first section (DateTime, Money, MoneyInput, PageInfo) and standard scalars
 *   are owned by every subgraph whose contract items use them (Money: catalog, cart, orders, payments…).
 * A gap is "not yet provided" when none of its owners exists; it fails as soon as one of them does
 * (or when every subgraph exists). Directive gaps have no owner and always fail.
 */

export interface OwnedChange extends SchemaChange {
  owners: SubgraphName[];
}

export interface ContractReport {
  failures: OwnedChange[];
  notYetProvided: OwnedChange[];
  /** Contract items: types, fields, arguments, input fields, enum values. */
  itemCount: number;
  provided: number;
  /** Items missing because of failures. */
  missing: number;
  /** Items not yet provided, by owner label (`cart`, or `catalog/orders` for a shared type). */
  notYetByOwner: Record<string, number>;
}

export function checkContract(
  contractSdl: string,
  apiSchema: GraphQLSchema,
  existing: readonly SubgraphName[],
  all: readonly SubgraphName[] = SUBGRAPHS,
): ContractReport {
  const contract = buildSchema(contractSdl);
  const ownersOf = contractOwnership(contractSdl, contract, all);
  const allExist = all.every((name) => existing.includes(name));
  const isPending = (c: OwnedChange) => !allExist && c.owners.length > 0 && c.owners.every((o) => !existing.includes(o));

  const changes = breakingChanges(contract, apiSchema).map((c) => ({ ...c, owners: ownersOf(c.coordinate) }));
  const failures = changes.filter((c) => !isPending(c));
  const notYetProvided = changes.filter(isPending);

  const items = contractItems(contract);
  const affects = (c: SchemaChange, item: string) => item === c.coordinate || item.startsWith(`${c.coordinate}.`) || item.startsWith(`${c.coordinate}(`);
  let missing = 0;
  const notYetByOwner: Record<string, number> = {};
  for (const item of items) {
    if (failures.some((c) => affects(c, item))) missing += 1;
    else {
      const pending = notYetProvided.find((c) => affects(c, item));
      if (pending) {
        const label = pending.owners.join('/');
        notYetByOwner[label] = (notYetByOwner[label] ?? 0) + 1;
      }
    }
  }
  const pendingCount = Object.values(notYetByOwner).reduce((a, b) => a + b, 0);
  const rank = (label: string) => all.indexOf(label.split('/')[0] as SubgraphName);
  const byOwner = Object.fromEntries(Object.entries(notYetByOwner).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)));
  return { failures, notYetProvided, itemCount: items.length, provided: items.length - missing - pendingCount, missing, notYetByOwner: byOwner };
}

/** Every coordinate the contract promises, parents before children. */
export function contractItems(contract: GraphQLSchema): string[] {
  const items: string[] = [];
  for (const type of Object.values(contract.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    items.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        items.push(`${type.name}.${field.name}`, ...field.args.map((a) => `${type.name}.${field.name}(${a.name}:)`));
      }
    } else if (isInputObjectType(type)) {
      items.push(...Object.keys(type.getFields()).map((f) => `${type.name}.${f}`));
    } else if (isEnumType(type)) {
      items.push(...type.getValues().map((v) => `${type.name}.${v.name}`));
    }
  }
  return items;
}

/** Returns `ownersOf(coordinate)`: the subgraphs that must provide that part of the contract. */
export function contractOwnership(contractSdl: string, contract: GraphQLSchema, all: readonly SubgraphName[]): (coordinate: string) => SubgraphName[] {
  const { typeOwner, fieldOwner } = readOwnershipComments(contractSdl, all);
  const roots = new Set([contract.getQueryType(), contract.getMutationType(), contract.getSubscriptionType()].flatMap((t) => (t ? [t.name] : [])));
  const sharedOwners = new Map<string, Set<SubgraphName>>();
  const inOrder = (owners: Iterable<SubgraphName>) => all.filter((name) => new Set(owners).has(name));

  function ownersOfType(typeName: string): SubgraphName[] {
    const owner = typeOwner.get(typeName);
    if (owner) return [owner];
    const type = contract.getType(typeName);
    if (roots.has(typeName) && isObjectType(type)) return inOrder(Object.keys(type.getFields()).flatMap((f) => ownersOf(`${typeName}.${f}`)));
    return inOrder(sharedOwners.get(typeName) ?? []);
  }

  function ownersOf(coordinate: string): SubgraphName[] {
    if (coordinate.startsWith('@')) return [];
    const [, typeName, fieldName] = coordinate.match(/^(\w+)(?:\.(\w+))?/) ?? [];
    if (!typeName) return [];
    if (!fieldName) return ownersOfType(typeName);
    const explicit = fieldOwner.get(`${typeName}.${fieldName}`);
    if (explicit) return [explicit];
    const type = contract.getType(typeName);
    if (roots.has(typeName) && isObjectType(type) && type.getFields()[fieldName]) {
      return ownersOfType(getNamedType(type.getFields()[fieldName].type).name);
    }
    return ownersOfType(typeName);
  }

  // Shared types are owned by their users; users may themselves be shared (Int ← Money ← Product),
  // so propagate until nothing changes.
  const isShared = (name: string) => !typeOwner.has(name) && !roots.has(name);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [coordinate, referenced] of typeReferences(contract)) {
      if (!isShared(referenced)) continue;
      const owners = sharedOwners.get(referenced) ?? new Set<SubgraphName>();
      for (const owner of ownersOf(coordinate)) {
        if (!owners.has(owner)) {
          owners.add(owner);
          changed = true;
        }
      }
      sharedOwners.set(referenced, owners);
    }
  }
  return ownersOf;
}

/** [coordinate, named type it references] for every field, argument, input field and union member. */
function typeReferences(contract: GraphQLSchema): Array<[string, string]> {
  const refs: Array<[string, string]> = [];
  for (const type of Object.values(contract.getTypeMap())) {
    if (isIntrospectionType(type)) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        refs.push([coordinate, getNamedType(field.type).name], ...field.args.map((a): [string, string] => [coordinate, getNamedType(a.type).name]));
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) refs.push([`${type.name}.${field.name}`, getNamedType(field.type).name]);
    } else if (isUnionType(type)) {
      for (const member of type.getTypes()) refs.push([type.name, member.name]);
    }
  }
  return refs;
}

/** Reads section headers and field-group comments (see the module comment). */
function readOwnershipComments(sdl: string, all: readonly SubgraphName[]) {
  const asSubgraph = (word: string | undefined) => (all as readonly string[]).includes(word ?? '') ? (word as SubgraphName) : undefined;
  const typeOwner = new Map<string, SubgraphName>();
  const fieldOwner = new Map<string, SubgraphName>();
  let section: SubgraphName | undefined;
  let currentType: string | undefined;
  let groupOwner: SubgraphName | undefined;

  for (const line of sdl.split(/\r?\n/)) {
    const header = line.match(/^#\s*-{3,}\s*(\w+)/);
    const typeStart = line.match(/^\s*(?:extend\s+)?(?:type|interface|input|enum|union|scalar)\s+(\w+)/);
    if (header) {
      section = asSubgraph(header[1]);
    } else if (typeStart) {
      if (section) typeOwner.set(typeStart[1], section);
      currentType = line.includes('{') && !line.includes('}') ? typeStart[1] : undefined;
      groupOwner = undefined;
    } else if (currentType && /^\s*}/.test(line)) {
      currentType = undefined;
    } else if (currentType) {
      const comment = line.match(/^\s*#\s*(\w+)/);
      const field = line.match(/^\s*(\w+)\s*[(:]/);
      if (comment) groupOwner = asSubgraph(comment[1]) ?? groupOwner;
      else if (field && groupOwner) fieldOwner.set(`${currentType}.${field[1]}`, groupOwner);
    }
  }
  return { typeOwner, fieldOwner };
}
