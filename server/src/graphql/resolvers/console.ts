/** The research console root field; the query safety lives in server/src/db/console.ts. */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { badInput } from '../../errors.js';
import { runConsole } from '../../db/console.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';

/**
 * How many times the operation runs root field `name`: its distinct response keys (aliases),
 * through fragments. A key a directive may skip still counts: the limit is on what a request
 * can ask for.
 */
export function countRootField(info: Pick<GraphQLResolveInfo, 'operation' | 'fragments'>, name: string): number {
  const keys = new Set<string>();
  const visited = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === name) keys.add(selection.alias?.value ?? selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment !== undefined) walk(fragment.selectionSet);
      }
    }
  };
  walk(info.operation.selectionSet);
  return keys.size;
}

export const consoleResolvers: QueryResolvers = {
  cypher: (_root, { query, params }, ctx, info) => {
    // Aliases would let one request run many console queries at once and hold as many pooled
    // connections; one per operation keeps a request's share of the database small.
    const asked = countRootField(info, 'cypher');
    if (asked > 1) throw badInput('cypher', `ask for one cypher field per operation (this one asks for ${asked}); send the others as separate requests`);
    if (params !== null && params !== undefined && (typeof params !== 'object' || Array.isArray(params))) {
      throw badInput('params', 'must be a JSON object of parameter names to values');
    }
    return runConsole(ctx.db, query, (params ?? {}) as Record<string, unknown>, ctx.config.console);
  },
};
