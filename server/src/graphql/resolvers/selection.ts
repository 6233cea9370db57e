/** What a field's selection asks for, so a resolver can skip a fetch nothing will read. */
import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** The fragment definitions of the operation (GraphQLResolveInfo['fragments']). */
export type Fragments = GraphQLResolveInfo['fragments'];

/**
 * The fields selected under `nodes` (one field's nodes: aliases and repeats of it), by field
 * name with every alias merged, through inline fragments and fragment spreads. @skip/@include
 * are not evaluated and type conditions are not checked: a field they might drop counts as
 * selected, so the answer is never less than what execution will read.
 */
export function subfields(fragments: Fragments, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const spread = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        const same = fields.get(selection.name.value);
        if (same === undefined) fields.set(selection.name.value, [selection]);
        else same.push(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet);
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        visit(fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of nodes) visit(node.selectionSet);
  return fields;
}

/** True when the fields under `nodes` are all in `names` (or __typename), fragments included. */
export function selectsOnlyFields(fragments: Fragments, nodes: readonly FieldNode[], names: readonly string[]): boolean {
  for (const name of subfields(fragments, nodes).keys()) if (name !== '__typename' && !names.includes(name)) return false;
  return true;
}

// Every item of a list shares its field's nodes array (graphql-js collects sub-fields once per
// parent field), so the answer for a citation's `source` is computed once per request, not per citation.
const onlyCache = new WeakMap<readonly FieldNode[], Map<string, boolean>>();

/** True when every selection of this field asks only for fields in `names` (fragments included). */
export function selectsOnly(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  const key = names.join(',');
  let answers = onlyCache.get(info.fieldNodes);
  if (answers === undefined) {
    answers = new Map();
    onlyCache.set(info.fieldNodes, answers);
  }
  let answer = answers.get(key);
  if (answer === undefined) {
    answer = selectsOnlyFields(info.fragments, info.fieldNodes, names);
    answers.set(key, answer);
  }
  return answer;
}
