/**
 * A self-contained query page for GET /graphql (browsers): no CDN, no bundle, works offline.
 * Apollo's landing page loads from a CDN, so it is disabled. If client/dist/graphiql/index.html
 * exists (a locally built GraphiQL), it is served instead.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../client/dist/graphiql/index.html');

const EXAMPLE = `# Ctrl+Enter runs the query. The panel on the right lists every root field.
query Example {
  search(text: "Pak Hon Yong", limit: 3) { id name hangul aliases }
  network(at: "1956-08") {
    persons { person { id name } status { state certain } faction { id } }
    ties { id kind source { id } target { id } }
  }
}`;

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Faction Atlas - GraphQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { margin: 0; font: 14px system-ui, sans-serif; display: grid; grid-template-columns: 1fr 1fr 320px; grid-template-rows: auto 1fr 160px; height: 100vh; }
  header { grid-column: 1 / 4; padding: 6px 10px; background: #223; color: #eee; display: flex; gap: 12px; align-items: center; }
  textarea, pre { font: 13px ui-monospace, monospace; margin: 0; padding: 8px; border: 0; border-right: 1px solid #ccc; resize: none; }
  #query { grid-row: 2; grid-column: 1; }
  #variables { grid-row: 3; grid-column: 1; border-top: 1px solid #ccc; }
  #result { grid-row: 2 / 4; grid-column: 2; overflow: auto; background: #fafafa; white-space: pre-wrap; }
  #docs { grid-row: 2 / 4; grid-column: 3; overflow: auto; padding: 8px; font-size: 12px; }
  #docs h3 { margin: 10px 0 2px; font: 600 13px ui-monospace, monospace; } #docs p { margin: 0 0 6px; color: #444; }
  button { font: inherit; padding: 3px 12px; }
</style></head><body>
<header><strong>Faction Atlas GraphQL</strong><button id="run">Run (Ctrl+Enter)</button><span id="status"></span></header>
<textarea id="query" spellcheck="false" aria-label="Query"></textarea>
<textarea id="variables" spellcheck="false" aria-label="Variables (JSON)" placeholder="Variables (JSON)"></textarea>
<pre id="result" aria-live="polite"></pre>
<div id="docs">Loading schema...</div>
<script>
const $ = (id) => document.getElementById(id);
$('query').value = localStorage.getItem('atlas.query') || ${JSON.stringify(EXAMPLE)};
$('variables').value = localStorage.getItem('atlas.variables') || '';
async function post(body) {
  const response = await fetch(location.pathname, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return response.json();
}
async function run() {
  localStorage.setItem('atlas.query', $('query').value);
  localStorage.setItem('atlas.variables', $('variables').value);
  let variables;
  try { variables = $('variables').value.trim() ? JSON.parse($('variables').value) : undefined; }
  catch (e) { $('result').textContent = 'Variables are not valid JSON: ' + e.message; return; }
  $('status').textContent = 'running...';
  const started = performance.now();
  try {
    const json = await post({ query: $('query').value, variables });
    $('result').textContent = JSON.stringify(json, null, 2);
    $('status').textContent = Math.round(performance.now() - started) + ' ms';
  } catch (e) { $('result').textContent = String(e); $('status').textContent = 'failed'; }
}
$('run').onclick = run;
document.addEventListener('keydown', (e) => { if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') { e.preventDefault(); run(); } });
const typeName = (t) => t.kind === 'NON_NULL' ? typeName(t.ofType) + '!' : t.kind === 'LIST' ? '[' + typeName(t.ofType) + ']' : t.name;
const esc = (s) => String(s ?? '').replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);
post({ query: '{ __schema { queryType { fields { name description type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } args { name defaultValue type { kind name ofType { kind name ofType { kind name } } } } } } } }' })
  .then((json) => {
    const fields = json.data.__schema.queryType.fields;
    $('docs').innerHTML = '<strong>Query</strong>' + fields.map((f) =>
      '<h3>' + esc(f.name) + '(' + f.args.map((a) => esc(a.name) + ': ' + esc(typeName(a.type)) + (a.defaultValue ? ' = ' + esc(a.defaultValue) : '')).join(', ') + '): ' + esc(typeName(f.type)) + '</h3><p>' + esc(f.description) + '</p>').join('');
  })
  .catch((e) => { $('docs').textContent = 'Schema unavailable: ' + e; });
</script></body></html>`;

export function graphiqlPage(): string {
  return existsSync(BUILT) ? readFileSync(BUILT, 'utf8') : PAGE;
}
