/** The research console root field; all the safety lives in server/src/db/console.ts. */
import { badInput } from '../../errors.js';
import { runConsole } from '../../db/console.js';
import type { QueryResolvers } from '../generated/resolvers-types.js';

export const consoleResolvers: QueryResolvers = {
  cypher: (_root, { query, params }, ctx) => {
    if (params !== null && params !== undefined && (typeof params !== 'object' || Array.isArray(params))) {
      throw badInput('params', 'must be a JSON object of parameter names to values');
    }
    return runConsole(ctx.db, query, (params ?? {}) as Record<string, unknown>, ctx.config.console);
  },
};
