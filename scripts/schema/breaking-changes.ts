import { findBreakingChanges, type BreakingChange, type GraphQLSchema } from 'graphql';

/**
 * Breaking changes between two API schemas, as graphql-js `findBreakingChanges` sees them, with a
 * schema coordinate (`Type`, `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `@directive`) so that
 * allow-list entries and contract ownership can refer to them.
 */
export interface SchemaChange {
  type: string;
  description: string;
  coordinate: string;
}

/**
 * `schema/breaking-changes.allow.json`: `[{ "change": "<coordinate or exact description>", "reason": "…" }]`.
 * An entry allows every breaking change at that coordinate (or with that description).
 */
export interface AllowListEntry {
  change: string;
  reason: string;
}

// graphql-js 16 descriptions, one pattern per breaking-change type (see graphql/utilities/findBreakingChanges).
const PATTERNS: Record<string, [RegExp, (m: RegExpMatchArray) => string]> = {
  TYPE_REMOVED: [/^(?:Standard scalar )?(\w+) was removed/, (m) => m[1]],
  TYPE_CHANGED_KIND: [/^(\w+) changed from /, (m) => m[1]],
  TYPE_REMOVED_FROM_UNION: [/^\w+ was removed from union type (\w+)\.$/, (m) => m[1]],
  VALUE_REMOVED_FROM_ENUM: [/^(\w+) was removed from enum type (\w+)\.$/, (m) => `${m[2]}.${m[1]}`],
  REQUIRED_INPUT_FIELD_ADDED: [/^A required field (\w+) on input type (\w+) was added\.$/, (m) => `${m[2]}.${m[1]}`],
  IMPLEMENTED_INTERFACE_REMOVED: [/^(\w+) no longer implements interface \w+\.$/, (m) => m[1]],
  FIELD_REMOVED: [/^(\w+)\.(\w+) was removed\.$/, (m) => `${m[1]}.${m[2]}`],
  FIELD_CHANGED_KIND: [/^(\w+)\.(\w+) changed type from /, (m) => `${m[1]}.${m[2]}`],
  REQUIRED_ARG_ADDED: [/^A required arg (\w+) on (\w+)\.(\w+) was added\.$/, (m) => `${m[2]}.${m[3]}(${m[1]}:)`],
  ARG_REMOVED: [/^(\w+)\.(\w+) arg (\w+) was removed\.$/, (m) => `${m[1]}.${m[2]}(${m[3]}:)`],
  ARG_CHANGED_KIND: [/^(\w+)\.(\w+) arg (\w+) has changed type /, (m) => `${m[1]}.${m[2]}(${m[3]}:)`],
  DIRECTIVE_REMOVED: [/^(\w+) was removed\.$/, (m) => `@${m[1]}`],
  DIRECTIVE_ARG_REMOVED: [/^(\w+) was removed from (\w+)\.$/, (m) => `@${m[2]}(${m[1]}:)`],
  REQUIRED_DIRECTIVE_ARG_ADDED: [/^A required arg (\w+) on directive (\w+) was added\.$/, (m) => `@${m[2]}(${m[1]}:)`],
  DIRECTIVE_REPEATABLE_REMOVED: [/^Repeatable flag was removed from (\w+)\.$/, (m) => `@${m[1]}`],
  DIRECTIVE_LOCATION_REMOVED: [/^\w+ was removed from (\w+)\.$/, (m) => `@${m[1]}`],
};

/** The schema coordinate a change is about; falls back to the description for unknown shapes. */
export function coordinateOf(change: BreakingChange): string {
  const [pattern, coordinate] = PATTERNS[change.type] ?? [];
  const match = pattern && change.description.match(pattern);
  return match && coordinate ? coordinate(match) : change.description;
}

export function breakingChanges(previous: GraphQLSchema, next: GraphQLSchema): SchemaChange[] {
  return findBreakingChanges(previous, next).map((c) => ({ type: c.type, description: c.description, coordinate: coordinateOf(c) }));
}

/** Parses the allow-list file's text; malformed entries (no `change`, no `reason`) are errors. */
export function parseAllowList(text: string | undefined): { entries: AllowListEntry[]; errors: string[] } {
  if (text === undefined || text.trim() === '') return { entries: [], errors: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { entries: [], errors: [`not valid JSON: ${(err as Error).message}`] };
  }
  if (!Array.isArray(json)) return { entries: [], errors: ['expected a JSON array of { "change": "…", "reason": "…" }'] };
  return { entries: json as AllowListEntry[], errors: [] };
}

export interface BreakingChangeReport {
  /** Every breaking change found. */
  changes: SchemaChange[];
  allowed: Array<{ change: SchemaChange; reason: string }>;
  unlisted: SchemaChange[];
  /** Allow-list entries that are malformed (e.g. no reason): they allow nothing. */
  entryErrors: string[];
  /** Well-formed entries matching no change: harmless, remove them once the base ref has moved on. */
  unusedEntries: AllowListEntry[];
}

export function findUnlistedBreakingChanges(previous: GraphQLSchema, next: GraphQLSchema, allowList: readonly unknown[]): BreakingChangeReport {
  const entryErrors: string[] = [];
  const valid: AllowListEntry[] = [];
  allowList.forEach((raw, index) => {
    const entry = raw as Partial<AllowListEntry> | null;
    const label = `entry ${index + 1}${typeof entry?.change === 'string' ? ` ("${entry.change}")` : ''}`;
    if (typeof entry?.change !== 'string' || entry.change.trim() === '') entryErrors.push(`${label}: "change" must be a schema coordinate or a change description`);
    else if (typeof entry.reason !== 'string' || entry.reason.trim() === '') entryErrors.push(`${label}: "reason" is required (why is this breaking change acceptable?)`);
    else valid.push({ change: entry.change.trim(), reason: entry.reason.trim() });
  });

  const changes = breakingChanges(previous, next);
  const allowed: BreakingChangeReport['allowed'] = [];
  const unlisted: SchemaChange[] = [];
  const used = new Set<AllowListEntry>();
  for (const change of changes) {
    const entry = valid.find((e) => e.change === change.coordinate || e.change === change.description);
    if (entry) {
      used.add(entry);
      allowed.push({ change, reason: entry.reason });
    } else {
      unlisted.push(change);
    }
  }
  return { changes, allowed, unlisted, entryErrors, unusedEntries: valid.filter((e) => !used.has(e)) };
}
