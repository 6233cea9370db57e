#!/usr/bin/env python3
"""Loads exported graph files with NetworkX, the way a researcher would, and prints a JSON summary.

Usage: python3 scripts/networkx-load.py FILE.graphml FILE.gexf ...
Needs Debian's python3-networkx (scripts/ensure-system-packages.sh installs it for `npm test`).
Prints {"file": {"directed", "nodes", "edges", "edge": <attributes of the first edge>}} or, for
a file NetworkX refuses, {"file": {"error": "..."}}; exits 1 when any file was refused.
"""
import json
import sys

import networkx as nx

READERS = {".graphml": nx.read_graphml, ".gexf": nx.read_gexf}

result = {}
failed = False
for path in sys.argv[1:]:
    reader = next((read for ext, read in READERS.items() if path.endswith(ext)), None)
    try:
        graph = reader(path)
        first = next(iter(graph.edges(data=True)), None)
        result[path] = {
            "directed": graph.is_directed(),
            "nodes": graph.number_of_nodes(),
            "edges": graph.number_of_edges(),
            "node": next(iter(graph.nodes(data=True)), (None, {}))[1],
            "edge": first[2] if first is not None else None,
        }
    except Exception as error:  # noqa: BLE001 - any refusal is the finding
        failed = True
        result[path] = {"error": f"{type(error).__name__}: {error}"}
print(json.dumps(result, default=str))
sys.exit(1 if failed else 0)
