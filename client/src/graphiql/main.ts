/**
 * GraphiQL for /graphql, bundled with the client so it works offline (Apollo's own landing
 * page loads from a CDN). The server sends this page to browsers that GET /graphql.
 */
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const EXAMPLE = `# Faction Atlas: try a query, then Ctrl-Enter.
# Alias-aware search finds any name form: romanizations, Hangul, Hanja, Soviet spellings.
{
  search(text: "Li Pkhir-giu") {
    id
    name
    hangul
    aliases
    status(at: "1956-09") { state certain }
  }
}
`;

const container = document.getElementById('graphiql');
if (container === null) throw new Error('GraphiQL page is missing its #graphiql element');
const fetcher = createGraphiQLFetcher({ url: '/graphql' });
createRoot(container).render(createElement(GraphiQL, { fetcher, defaultQuery: EXAMPLE, defaultEditorToolsVisibility: true }));
