/**
 * A byte budget per GraphQL answer, counted while the answer is built: every resolved field adds
 * its key and, for scalars, its value (strings by length). Once the estimate passes the budget,
 * every further field fails at once, so execution winds down quickly, and the answer is replaced
 * by one RESPONSE_TOO_LARGE error: Node never serialises (or holds) an answer much larger than
 * the budget, whatever the cost estimate (fan-out.ts) let through.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { AtlasError, ErrorCode } from '../errors.js';
import { isLeafOutput } from './type-shape.js';

/** Bytes a leaf value takes as JSON, roughly; stops walking once past `limit`. */
function leafBytes(value: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= limit) {
    const next = stack.pop();
    if (typeof next === 'string') total += next.length + 3;
    else if (next === null || next === undefined || typeof next !== 'object') total += 6;
    else if (Array.isArray(next)) {
      const items: readonly unknown[] = next;
      total += 2 + items.length;
      stack.push(...items);
    } else {
      for (const [key, item] of Object.entries(next)) {
        total += key.length + 4;
        stack.push(item);
      }
    }
  }
  return total;
}

function message(maxBytes: number): string {
  const mb = (maxBytes / (1024 * 1024)).toFixed(maxBytes < 1024 * 1024 ? 2 : 0);
  return `The answer grew past the ${mb} MB limit and was stopped; ask for fewer fields, nested lists or aliases`;
}

const tooLarge = (maxBytes: number): AtlasError => new AtlasError(ErrorCode.RESPONSE_TOO_LARGE, message(maxBytes));

export function byteBudgetPlugin<C extends object>(maxBytes: number): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      let used = 0;
      let over = false;
      return {
        async executionDidStart() {
          return {
            willResolveField({ info }) {
              if (over) throw tooLarge(maxBytes);
              used += String(info.path.key).length + 4;
              const leaf = isLeafOutput(info.returnType);
              return (error, result) => {
                if (error !== null || over) return;
                used += leaf ? leafBytes(result, maxBytes - used) : Array.isArray(result) ? 2 + result.length : 2;
                if (used > maxBytes) over = true;
              };
            },
          };
        },
        async willSendResponse({ response }) {
          if (!over || response.body.kind !== 'single') return;
          response.body.singleResult = { data: null, errors: [{ message: message(maxBytes), extensions: { code: ErrorCode.RESPONSE_TOO_LARGE } }] };
        },
      };
    },
  };
}
