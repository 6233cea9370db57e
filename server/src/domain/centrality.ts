/**
 * Centrality of a small network computed here, in the server, with the answers Neo4j Graph Data
 * Science gives for the same projection (cypher/analytics/project-ties: undirected, one
 * relationship per pair of people). At the curated size a GDS call costs far more in fixed
 * overhead (a catalog projection, a procedure's threads and progress tracking, a drop) than the
 * algorithm itself, so the analysis resolver uses these below a size bound and GDS above it.
 * tests/integration/api/analysis-in-process.test.ts compares both on the curated data.
 *
 * Pure: the input is the people and the pairs joined at the date; the output one score each.
 */

/** An undirected network: each pair once, both ends among `nodes`, never a person with themselves. */
export interface SmallNetwork {
  readonly nodes: readonly string[];
  readonly pairs: readonly (readonly [string, string])[];
}

/** Neighbour lists by node index (the order of `nodes`). */
function adjacency(network: SmallNetwork): { index: Map<string, number>; neighbours: number[][] } {
  const index = new Map(network.nodes.map((id, i) => [id, i]));
  const neighbours: number[][] = network.nodes.map(() => []);
  for (const [a, b] of network.pairs) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined) throw new Error(`pair ${a}-${b} names a person outside the network`);
    neighbours[i]!.push(j);
    neighbours[j]!.push(i);
  }
  return { index, neighbours };
}

const byNode = (network: SmallNetwork, scores: readonly number[]): Map<string, number> => new Map(network.nodes.map((id, i) => [id, scores[i]!]));

/** How many people each is tied to (gds.degree on the undirected projection). */
export function degreeScores(network: SmallNetwork): Map<string, number> {
  const { neighbours } = adjacency(network);
  return byNode(
    network,
    neighbours.map((list) => list.length),
  );
}

/**
 * Brandes betweenness, exact, each unordered pair of others counted once (gds.betweenness on an
 * undirected projection: the sum over ordered pairs, halved).
 */
export function betweennessScores(network: SmallNetwork): Map<string, number> {
  const { neighbours } = adjacency(network);
  const n = network.nodes.length;
  const scores = new Array<number>(n).fill(0);
  for (let s = 0; s < n; s += 1) {
    const stack: number[] = [];
    const predecessors: number[][] = Array.from({ length: n }, () => []);
    const paths = new Array<number>(n).fill(0);
    const distance = new Array<number>(n).fill(-1);
    paths[s] = 1;
    distance[s] = 0;
    const queue = [s];
    // Breadth first: an array's iterator also visits what is pushed while it runs.
    for (const v of queue) {
      stack.push(v);
      for (const w of neighbours[v]!) {
        if (distance[w] === -1) {
          distance[w] = distance[v]! + 1;
          queue.push(w);
        }
        if (distance[w] === distance[v]! + 1) {
          paths[w]! += paths[v]!;
          predecessors[w]!.push(v);
        }
      }
    }
    const dependency = new Array<number>(n).fill(0);
    while (stack.length > 0) {
      const w = stack.pop()!;
      for (const v of predecessors[w]!) dependency[v]! += (paths[v]! / paths[w]!) * (1 + dependency[w]!);
      if (w !== s) scores[w]! += dependency[w]!;
    }
  }
  return byNode(
    network,
    scores.map((score) => score / 2),
  );
}

/** The PageRank settings of cypher/analytics/pagerank (kept equal: the comparison test holds them to it). */
export const PAGERANK = { dampingFactor: 0.85, maxIterations: 40, tolerance: 0.0000001 } as const;

/**
 * PageRank as GDS computes it (its Pregel form, org.neo4j.gds.pagerank.PageRankComputation):
 * every rank starts at 1 - d; in each later superstep a node adds d times the sum of what its
 * neighbours sent, and passes that increase on (divided by its degree) while it is above the
 * tolerance; the first superstep passes the starting rank. A node that passes nothing on is
 * idle until a message reaches it; the run ends when none is sent, or after maxIterations
 * supersteps. Not normalised (the scores do not sum to 1).
 */
export function pageRankScores(network: SmallNetwork): Map<string, number> {
  const { neighbours } = adjacency(network);
  const n = network.nodes.length;
  const { dampingFactor, maxIterations, tolerance } = PAGERANK;
  const rank = new Array<number>(n).fill(1 - dampingFactor);
  // What each node was sent in the previous superstep (null in the first), and whether anything reached it.
  let inbox: number[] | null = null;
  let reached: boolean[] = [];
  for (let superstep = 0; superstep < maxIterations; superstep += 1) {
    const outbox = new Array<number>(n).fill(0);
    const received = new Array<boolean>(n).fill(false);
    let sent = false;
    for (let v = 0; v < n; v += 1) {
      let delta: number;
      if (inbox === null) delta = rank[v]!;
      else {
        // An idle node with no message does not compute.
        if (!reached[v]) continue;
        delta = dampingFactor * inbox[v]!;
        rank[v]! += delta;
      }
      if (inbox === null || delta > tolerance) {
        const degree = neighbours[v]!.length;
        if (degree > 0) {
          for (const w of neighbours[v]!) {
            outbox[w]! += delta / degree;
            received[w] = true;
          }
          sent = true;
        }
      }
    }
    if (!sent) break;
    inbox = outbox;
    reached = received;
  }
  return byNode(network, rank);
}
