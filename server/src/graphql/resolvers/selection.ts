/** What a field's selection asks for, so a resolver can skip a fetch nothing will read. */
import type { GraphQLResolveInfo } from 'graphql';

/** True when every selection of this field asks only for fields in `names` (no fragments). */
export function selectsOnly(info: GraphQLResolveInfo, names: readonly string[]): boolean {
  return info.fieldNodes.every((node) =>
    (node.selectionSet?.selections ?? []).every((selection) => selection.kind === 'Field' && (names.includes(selection.name.value) || selection.name.value === '__typename')),
  );
}
