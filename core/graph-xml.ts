/**
 * The pieces of GraphML and GEXF that the server's whole-graph export and the client's export of
 * the visible subgraph both write: XML escaping, attribute declarations, attribute values and the
 * time span. Each side lays out its own file (which columns, which indentation, what metadata);
 * what an element looks like and how a value is escaped is stated here once.
 *
 * Both files are one flat directed graph: a tie without direction is one edge whose `directed`
 * attribute is false, never a per-edge directed="false" (GraphML) or type="undirected" (GEXF),
 * which readers such as NetworkX refuse in a directed graph.
 */

export type XmlValue = string | number | boolean;

export interface XmlColumn {
  readonly key: string;
  readonly type: 'string' | 'integer' | 'boolean';
}

/** Characters XML 1.0 forbids outright (controls other than tab, newline, carriage return). */
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text or attribute value, escaped, without the characters XML 1.0 forbids. */
export function escapeXml(value: string): string {
  return (
    value
      .replace(FORBIDDEN, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
      // Newlines inside attribute values would be normalised to spaces by parsers; keep them.
      .replace(/\n/g, '&#10;')
      .replace(/\r/g, '&#13;')
      .replace(/\t/g, '&#9;')
  );
}

const GRAPHML_TYPE: Readonly<Record<XmlColumn['type'], string>> = { string: 'string', integer: 'int', boolean: 'boolean' };

/** GraphML `<key>` lines (indented two spaces), ids `<prefix>_<key>`. */
export function graphmlKeys(kind: 'node' | 'edge', prefix: string, columns: readonly XmlColumn[]): string[] {
  return columns.map((c) => `  <key id="${prefix}_${c.key}" for="${kind}" attr.name="${c.key}" attr.type="${GRAPHML_TYPE[c.type]}"/>`);
}

/** GraphML `<data>` elements of the entries that have a value, in the given order. */
export function graphmlData(prefix: string, entries: readonly (readonly [string, XmlValue | null | undefined])[]): string[] {
  return entries.flatMap(([key, value]) => (value === null || value === undefined ? [] : [`<data key="${prefix}_${key}">${escapeXml(String(value))}</data>`]));
}

/** GEXF `<attributes>` block (indented four spaces); an attribute's id is its column's index. */
export function gexfAttributes(kind: 'node' | 'edge', columns: readonly XmlColumn[], mode?: 'static'): string[] {
  return [
    `    <attributes class="${kind}"${mode === undefined ? '' : ` mode="${mode}"`}>`,
    ...columns.map((c, index) => `      <attribute id="${index}" title="${c.key}" type="${c.type}"/>`),
    '    </attributes>',
  ];
}

/**
 * GEXF `<attvalue>` elements of the columns that have a value, each `for` its column's index
 * (as gexfAttributes declared it); columns named in `skip` are written elsewhere (a label).
 */
export function gexfAttvalues(
  columns: readonly XmlColumn[],
  values: Readonly<Record<string, XmlValue | null | undefined>>,
  skip: readonly string[] = [],
): string[] {
  return columns.flatMap((c, index) => {
    const value = values[c.key];
    return value === null || value === undefined || skip.includes(c.key) ? [] : [`<attvalue for="${index}" value="${escapeXml(String(value))}"/>`];
  });
}

/** GEXF start/end attributes (with their leading space) for Gephi's timeline; an open end is left out. */
export function gexfSpan(start: string | null, end: string | null): string {
  return `${start === null ? '' : ` start="${start}"`}${end === null ? '' : ` end="${end}"`}`;
}
