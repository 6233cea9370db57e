/**
 * Cost analysis that counts how lists multiply. Each field costs 1, times the number of parent
 * objects it is asked for; a list field multiplies everything below it by its `first` or
 * `limit` argument when given, else by LIST_FACTOR (an estimate of ties, participations,
 * memberships and the like per object). So `ties { source { ties { target { ties ... } } } }`
 * grows as LIST_FACTOR to the power of its nesting, and the issue-14 query (15 aliases of four
 * nested `ties`) is refused before it runs, while the client's own queries stay well inside.
 */
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLOutputType,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';
import { namedType, isListOutput } from './type-shape.js';

export const LIST_FACTOR = 10;

/** Marks the refusal for formatError (errors.ts), which answers it as QUERY_REJECTED. */
export const FAN_OUT_EXTENSION = 'atlasFanOut';

function listFactor(field: FieldNode): number {
  for (const argument of field.arguments ?? []) {
    if ((argument.name.value === 'first' || argument.name.value === 'limit') && argument.value.kind === Kind.INT) {
      return Math.max(1, Number(argument.value.value));
    }
  }
  return LIST_FACTOR;
}

/** Estimated objects and values an operation's answer holds (see the module comment). */
export function fanOutCost(
  selectionSet: SelectionSetNode,
  type: GraphQLOutputType,
  fragments: Readonly<Record<string, FragmentDefinitionNode | undefined>>,
  limit: number,
  seen: ReadonlySet<string> = new Set(),
): number {
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (total > limit) return total;
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      total += fanOutCost(selection.selectionSet, type, fragments, limit, seen);
    } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments[selection.name.value];
      // A cyclic spread is a validation error of its own; count it once.
      if (fragment === undefined || seen.has(fragment.name.value)) continue;
      total += fanOutCost(fragment.selectionSet, type, fragments, limit, new Set([...seen, fragment.name.value]));
    } else {
      total += 1;
      const fields = selection.selectionSet === undefined ? undefined : namedType(type).getFields?.();
      const definition: GraphQLField<unknown, unknown> | undefined = fields?.[selection.name.value];
      if (definition === undefined || selection.selectionSet === undefined) continue;
      const factor = isListOutput(definition.type) ? listFactor(selection) : 1;
      total += factor * fanOutCost(selection.selectionSet, definition.type, fragments, limit / factor, seen);
    }
  }
  return total;
}

/** A validation rule refusing operations whose fan-out cost is over `maxCost`. */
export function fanOutLimit(maxCost: number): (context: ValidationContext) => ASTVisitor {
  return (context) => ({
    OperationDefinition(operation) {
      const root = context.getSchema().getRootType(operation.operation);
      if (root === undefined || root === null) return;
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of context.getDocument().definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      const cost = fanOutCost(operation.selectionSet, root, fragments, maxCost);
      if (cost > maxCost) {
        context.reportError(
          new GraphQLError(
            `The query's estimated size (counting ${LIST_FACTOR} items per list) is over the limit of ${maxCost}; ask for fewer nested lists or aliases`,
            { nodes: [operation], extensions: { [FAN_OUT_EXTENSION]: true } },
          ),
        );
      }
    },
  });
}
