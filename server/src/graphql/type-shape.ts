/**
 * Shapes of output types, duck-typed: a test runner may load graphql twice (ESM and CommonJS),
 * and then graphql's own isListType/isObjectType (instanceof checks) refuse the schema's types.
 */
import type { GraphQLField, GraphQLOutputType } from 'graphql';

interface Named {
  getFields?: () => Record<string, GraphQLField<unknown, unknown>>;
  getTypes?: () => unknown;
}

function ofType(type: unknown): unknown {
  return type !== null && typeof type === 'object' && 'ofType' in type ? type.ofType : undefined;
}

/** The named type under any list and non-null wrappers. */
export function namedType(type: GraphQLOutputType): Named {
  let current: unknown = type;
  for (let inner = ofType(current); inner !== undefined && inner !== null; inner = ofType(current)) current = inner;
  return current as Named;
}

/** `[T]`, `[T]!`, `[T!]!`: a list, with or without non-null around it. */
export function isListOutput(type: GraphQLOutputType): boolean {
  return String(type).startsWith('[');
}

/** Scalars and enums: no fields and no member types. */
export function isLeafOutput(type: GraphQLOutputType): boolean {
  const named = namedType(type);
  return named.getFields === undefined && named.getTypes === undefined;
}
