/**
 * Min-cost flow on the pruned bipartite graph: successive shortest paths with potentials, many paths per
 * Dijkstra ("primal-dual"), and a warm restart when the graph grows.
 *
 * Network: every mentee supplies one unit; it flows mentee -> candidate mentor (capacity 1, cost
 * maxScore - score) -> sink (capacity = mentor capacity), or straight mentee -> sink at `unmatchedCost`,
 * more than any route through mentors can cost. The sink takes all n units. So the flow leaves a mentee
 * unmatched only when no arrangement of the others finds it a mentor, and minimum cost means "most mentees
 * matched, then the largest total score".
 *
 * Invariant: every residual edge has reduced cost >= 0 under `potential`. Each phase runs one Dijkstra on
 * reduced costs from the mentees still holding their unit, raises the potentials (which keeps the invariant
 * and makes the shortest paths cost 0), then augments along paths of reduced cost 0 found by depth-first
 * search. When no unit is left, the invariant is the textbook optimality condition. Scores are small
 * integers, so the length of the shortest path takes few distinct values and phases are few.
 *
 * Warm restart: when candidate edges are added, a mentee with a new edge of negative reduced cost is taken
 * out again (its unit is back, its mentor's place becomes a vacancy that must be refilled), and its potential
 * is raised until its edges are fine. Nothing else changes, so the invariant holds and the phases resume
 * from an almost complete flow instead of from scratch.
 */
export interface CandidateGraph {
  readonly n: number;
  readonly m: number;
  /** Edges of mentee i are start[i] .. start[i+1]-1; a later graph may only append to each mentee's edges. */
  readonly start: Int32Array;
  readonly mentor: Int32Array;
  /** maxScore - score: non-negative, so the first Dijkstra needs no potentials. */
  readonly cost: Int32Array;
  readonly capacity: Int32Array;
  /** Cost of the mentee -> sink edge: the value of one match plus maxScore. */
  readonly unmatchedCost: number;
}

export interface FlowSolution {
  /** Mentor index per mentee, -1 when unmatched. */
  readonly mentorOf: Int32Array;
  /**
   * LP dual price of a place with each mentor, in the certificate's units (a pair is worth unmatchedCost -
   * cost, i.e. matchValue + score): the mentor's residual distance to the sink, 0 for mentors with room left.
   */
  readonly prices: Float64Array;
  /** Phases run by the last `solve`. */
  readonly phases: number;
}

const FREE = 0;
const MATCHED = 1;
const UNMATCHED = 2;
const VACANT = -1;

/** Binary min-heap of (distance, node) with lazy deletion: a stale entry is skipped when popped. */
class NodeHeap {
  private keys = new Float64Array(1024);
  private nodes = new Int32Array(1024);
  private size = 0;

  get empty(): boolean {
    return this.size === 0;
  }

  get topKey(): number {
    return this.keys[0];
  }

  clear(): void {
    this.size = 0;
  }

  push(key: number, node: number): void {
    if (this.size === this.keys.length) this.grow();
    let at = this.size++;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[at] = this.keys[parent];
      this.nodes[at] = this.nodes[parent];
      at = parent;
    }
    this.keys[at] = key;
    this.nodes[at] = node;
  }

  /** Removes the smallest entry and returns its node (read `topKey` first for its key). */
  pop(): number {
    const top = this.nodes[0];
    const key = this.keys[--this.size];
    const node = this.nodes[this.size];
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= key) break;
      this.keys[at] = this.keys[child];
      this.nodes[at] = this.nodes[child];
      at = child;
    }
    this.keys[at] = key;
    this.nodes[at] = node;
    return top;
  }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    const nodes = new Int32Array(this.nodes.length * 2);
    nodes.set(this.nodes);
    this.keys = keys;
    this.nodes = nodes;
  }
}

/**
 * Solver state. Nodes are mentees 0..n-1, mentors n..n+m-1 and the sink n+m. Mentor j owns the slots
 * slotStart[j] .. slotStart[j]+load[j]-1, one per unit it sends to the sink; a slot holds the mentee who
 * brings that unit, or VACANT after a warm restart took the mentee out.
 */
export class MinCostFlow {
  private g: CandidateGraph;
  private readonly n: number;
  private readonly m: number;
  private readonly sink: number;
  private free = 0;
  private vacancies = 0;
  private readonly state: Uint8Array;
  private readonly edgeOf: Int32Array;
  private readonly slotStart: Int32Array;
  private readonly slotMentee: Int32Array;
  private readonly load: Int32Array;
  private readonly vacant: Int32Array;
  private readonly potential: Float64Array;
  private readonly distance: Float64Array;
  private readonly settled: Uint8Array;
  private readonly heap = new NodeHeap();
  // Depth-first search state, reset every phase.
  private readonly pointer: Int32Array;
  private readonly dead: Uint8Array;
  private readonly onPath: Uint8Array;
  private readonly path: Int32Array;

  constructor(graph: CandidateGraph) {
    const { n, m, capacity, start } = graph;
    this.g = graph;
    this.n = n;
    this.m = m;
    this.sink = n + m;
    const nodes = n + m + 1;
    this.state = new Uint8Array(n);
    this.edgeOf = new Int32Array(n).fill(-1);
    this.slotStart = new Int32Array(m + 1);
    for (let j = 0; j < m; j++) this.slotStart[j + 1] = this.slotStart[j] + capacity[j];
    this.slotMentee = new Int32Array(this.slotStart[m]);
    this.load = new Int32Array(m);
    this.vacant = new Int32Array(m);
    this.potential = new Float64Array(nodes);
    this.distance = new Float64Array(nodes);
    this.settled = new Uint8Array(nodes);
    this.pointer = new Int32Array(nodes);
    this.dead = new Uint8Array(nodes);
    this.onPath = new Uint8Array(nodes);
    this.path = new Int32Array(nodes);
    // A mentee without candidates can only stay unmatched: route it to the sink now, outside every search.
    for (let i = 0; i < n; i++) {
      if (start[i + 1] > start[i]) this.free++;
      else this.state[i] = UNMATCHED;
    }
  }

  /** Units the sink still has to receive directly (the rest go to refill vacancies). */
  private get sinkDemand(): number {
    return this.free - this.vacancies;
  }

  /** Runs phases until every mentee's unit has arrived; returns the number of phases. */
  solve(onPhase?: (placed: number) => void): number {
    let phases = 0;
    while (this.free > 0) {
      const targetDistance = this.shortestPaths();
      if (targetDistance === Infinity) throw new Error('matching: no route to the sink although every mentee may stay unmatched');
      this.raisePotentials(targetDistance);
      this.augmentAlongTightPaths();
      phases++;
      onPhase?.(this.n - this.free);
    }
    return phases;
  }

  /**
   * Switches to a graph whose mentee edge lists extend the current ones, and takes out every mentee with a
   * new edge of negative reduced cost (see the warm restart above). Returns how many were taken out.
   */
  extend(graph: CandidateGraph): number {
    const old = this.g;
    const { n, edgeOf, potential } = this;
    this.g = graph;
    let reopened = 0;
    for (let i = 0; i < n; i++) {
      if (edgeOf[i] >= 0) edgeOf[i] = graph.start[i] + (edgeOf[i] - old.start[i]);
      const firstNew = graph.start[i] + (old.start[i + 1] - old.start[i]);
      let worst = 0;
      for (let e = firstNew; e < graph.start[i + 1]; e++) worst = Math.min(worst, graph.cost[e] + potential[i] - potential[n + graph.mentor[e]]);
      // An unmatched mentee with new edges is taken out too: one that had no edges at all was never part of
      // the potentials' bookkeeping, so its edge back from the sink may not satisfy the invariant.
      if (worst < 0 || (this.state[i] === UNMATCHED && graph.start[i + 1] > firstNew)) {
        this.takeOut(i);
        reopened++;
      }
    }
    return reopened;
  }

  /** Gives mentee i its unit back; a matched mentee leaves a vacancy that the next phases must refill. */
  private takeOut(i: number): void {
    const { n, sink, state, edgeOf, potential, slotMentee, slotStart } = this;
    const { start, mentor, cost, unmatchedCost } = this.g;
    if (state[i] === MATCHED) {
      const j = mentor[edgeOf[i]];
      for (let s = slotStart[j]; s < slotStart[j] + this.load[j]; s++) {
        if (slotMentee[s] === i) slotMentee[s] = VACANT;
      }
      this.vacant[j]++;
      this.vacancies++;
    }
    state[i] = FREE;
    edgeOf[i] = -1;
    this.free++;
    // A free mentee has no residual edge coming in, so raising its potential only fixes its outgoing edges.
    let needed = potential[sink] - unmatchedCost;
    for (let e = start[i]; e < start[i + 1]; e++) needed = Math.max(needed, potential[n + mentor[e]] - cost[e]);
    potential[i] = Math.max(potential[i], needed);
  }

  private isTarget(v: number): boolean {
    if (v === this.sink) return this.sinkDemand > 0;
    return v >= this.n && this.vacant[v - this.n] > 0;
  }

  /** Dijkstra on reduced costs from every free mentee; stops at the first target settled and returns its distance. */
  private shortestPaths(): number {
    const { n, m, sink, state, potential, distance, settled, heap, load, slotStart, slotMentee } = this;
    const { start, mentor, cost, capacity, unmatchedCost } = this.g;
    distance.fill(Infinity);
    settled.fill(0);
    heap.clear();
    for (let i = 0; i < n; i++) {
      if (state[i] !== FREE) continue;
      distance[i] = 0;
      heap.push(0, i);
    }
    while (!heap.empty) {
      const d = heap.topKey;
      const u = heap.pop();
      if (settled[u] === 1 || d > distance[u]) continue;
      settled[u] = 1;
      if (this.isTarget(u)) return d;
      const pu = potential[u];
      if (u < n) {
        const matched = this.edgeOf[u];
        for (let e = start[u]; e < start[u + 1]; e++) {
          if (e !== matched) this.relax(n + mentor[e], d + cost[e] + pu - potential[n + mentor[e]]);
        }
        if (state[u] !== UNMATCHED) this.relax(sink, d + unmatchedCost + pu - potential[sink]);
      } else if (u < sink) {
        const j = u - n;
        for (let s = slotStart[j]; s < slotStart[j] + load[j]; s++) {
          const i = slotMentee[s];
          if (i !== VACANT) this.relax(i, d - cost[this.edgeOf[i]] + pu - potential[i]);
        }
        if (load[j] < capacity[j]) this.relax(sink, d + pu - potential[sink]);
      } else {
        // The sink has all it needs: routes may pass through it, taking a unit back from a mentor or an unmatched mentee.
        for (let j = 0; j < m; j++) if (load[j] > 0) this.relax(n + j, d + pu - potential[n + j]);
        for (let i = 0; i < n; i++) if (state[i] === UNMATCHED) this.relax(i, d - unmatchedCost + pu - potential[i]);
      }
    }
    return Infinity;
  }

  private relax(v: number, dv: number): void {
    if (dv < this.distance[v]) {
      this.distance[v] = dv;
      this.heap.push(dv, v);
    }
  }

  /** Nodes settled before the target move by their distance, all others by the target's: reduced costs stay >= 0. */
  private raisePotentials(targetDistance: number): void {
    const { potential, distance, settled } = this;
    for (let v = 0; v < potential.length; v++) potential[v] += settled[v] === 1 ? distance[v] : targetDistance;
  }

  /**
   * Augments along paths whose every edge has reduced cost 0, from each free mentee in index order. A node
   * from which the search found no way to a target is dead for the rest of the phase, so each edge is
   * examined about once per phase. The search may miss some tight paths (it never revisits a node on the
   * current path); the next phase then finds them at distance 0, which costs time, never optimality.
   */
  private augmentAlongTightPaths(): void {
    const { n, sink, state, pointer, dead, onPath, path } = this;
    pointer.fill(0);
    dead.fill(0);
    for (let root = 0; root < n; root++) {
      if (state[root] !== FREE || dead[root] === 1) continue;
      let depth = 1;
      path[0] = root;
      onPath[root] = 1;
      while (depth > 0) {
        const u = path[depth - 1];
        const next = u < n ? this.tightFromMentee(u) : u < sink ? this.tightFromMentor(u) : this.tightFromSink();
        if (next < 0) {
          dead[u] = 1;
          onPath[u] = 0;
          depth--;
          continue;
        }
        path[depth++] = next;
        if (this.isTarget(next)) {
          this.augment(depth);
          for (let d = 0; d < depth - 1; d++) onPath[path[d]] = 0;
          break;
        }
        onPath[next] = 1;
      }
    }
  }

  private open(v: number): boolean {
    return this.dead[v] === 0 && this.onPath[v] === 0;
  }

  /** Next tight edge out of a mentee, from its pointer on: to a mentor, or to the sink (staying unmatched); -1 if none. */
  private tightFromMentee(i: number): number {
    const { n, sink, potential, pointer } = this;
    const { start, mentor, cost, unmatchedCost } = this.g;
    const degree = start[i + 1] - start[i];
    const matched = this.edgeOf[i];
    for (; pointer[i] < degree; pointer[i]++) {
      const e = start[i] + pointer[i];
      const v = n + mentor[e];
      if (e !== matched && this.open(v) && cost[e] + potential[i] - potential[v] === 0) return v;
    }
    if (pointer[i] === degree) {
      if (this.state[i] !== UNMATCHED && this.open(sink) && unmatchedCost + potential[i] - potential[sink] === 0) return sink;
      pointer[i]++;
    }
    return -1;
  }

  /**
   * Next tight edge out of a mentor: back to one of its mentees (pointer < load), or to the sink while it has
   * room (pointer === load). After an augmentation through the sink edge the load grows and the pointer lands
   * on the new mentee's slot, so one mentor can take several paths in a phase.
   */
  private tightFromMentor(u: number): number {
    const { n, sink, potential, pointer, slotMentee } = this;
    const j = u - n;
    const base = this.slotStart[j];
    const load = this.load[j];
    for (; pointer[u] < load; pointer[u]++) {
      const i = slotMentee[base + pointer[u]];
      if (i !== VACANT && this.open(i) && potential[u] - potential[i] - this.g.cost[this.edgeOf[i]] === 0) return i;
    }
    if (pointer[u] === load) {
      if (load < this.g.capacity[j] && this.open(sink) && potential[u] === potential[sink]) return sink;
      pointer[u]++;
    }
    return -1;
  }

  /** Next tight edge out of the sink (only walked when it needs nothing more): to a mentor with load, or to an unmatched mentee. */
  private tightFromSink(): number {
    const { n, m, sink, potential, pointer } = this;
    for (; pointer[sink] < m + n; pointer[sink]++) {
      const k = pointer[sink];
      if (k < m) {
        if (this.load[k] > 0 && this.open(n + k) && potential[sink] === potential[n + k]) return n + k;
      } else {
        const i = k - m;
        if (this.state[i] === UNMATCHED && this.open(i) && potential[sink] - this.g.unmatchedCost - potential[i] === 0) return i;
      }
    }
    return -1;
  }

  /**
   * Applies a path from a free mentee to a target. Along it: a mentee takes the mentor after it (or becomes
   * unmatched when the sink follows); a mentor gives the slot of the mentee after it to the mentee before it,
   * or opens a slot for it when the sink follows; a mentor reached from the sink gives up a slot instead. The
   * path ends at the sink, which absorbs the unit, or at a mentor with a vacancy, which is filled or closed.
   */
  private augment(depth: number): void {
    const { n, sink, path, pointer, state, edgeOf, slotMentee, slotStart, load } = this;
    for (let d = 0; d < depth; d++) {
      const x = path[d];
      const last = d === depth - 1;
      if (x < n) {
        const next = path[d + 1];
        state[x] = next === sink ? UNMATCHED : MATCHED;
        edgeOf[x] = next === sink ? -1 : this.g.start[x] + pointer[x];
      } else if (x < sink) {
        const j = x - n;
        const fromSink = path[d - 1] === sink;
        const entering = path[d - 1];
        if (last) {
          const slot = this.vacantSlot(j);
          if (fromSink) this.removeSlot(j, slot);
          else slotMentee[slot] = entering;
          this.vacant[j]--;
          this.vacancies--;
        } else if (path[d + 1] === sink) {
          slotMentee[slotStart[j] + load[j]++] = entering;
        } else if (fromSink) {
          this.removeSlot(j, slotStart[j] + pointer[x]);
        } else {
          slotMentee[slotStart[j] + pointer[x]] = entering;
        }
      }
    }
    this.free--;
  }

  private vacantSlot(j: number): number {
    for (let s = this.slotStart[j]; s < this.slotStart[j] + this.load[j]; s++) if (this.slotMentee[s] === VACANT) return s;
    throw new Error('matching: vacancy count out of step with the slots');
  }

  private removeSlot(j: number, slot: number): void {
    const lastSlot = this.slotStart[j] + --this.load[j];
    this.slotMentee[slot] = this.slotMentee[lastSlot];
  }

  /**
   * The flow as an assignment, with mentor prices for the certificate. Resets the potentials to minus each
   * node's residual distance to the sink: still valid (so a warm restart can follow), and they give every
   * mentor the highest price consistent with this optimum. The potentials left by the phases would also be a
   * valid dual, but they price mentors as low as the pruned pairs allow, and pairs outside the pruned graph
   * then beat them, which forces needless widening rounds.
   */
  solution(phases: number): FlowSolution {
    const { n, m, sink, potential, distance, settled } = this;
    this.distancesToSink();
    const shift = potential[sink];
    for (let v = 0; v < potential.length; v++) {
      // distance[v] is the reduced distance to the sink: actual distance = distance[v] - potential[v] + potential[sink].
      potential[v] = settled[v] === 1 ? potential[v] - shift - distance[v] : potential[v] - shift;
    }
    const prices = new Float64Array(m);
    // Only mentors without capacity (and so without edges) are out of reach; any price at least a pair's value keeps their pairs unviolated.
    for (let j = 0; j < m; j++) prices[j] = settled[n + j] === 1 ? -potential[n + j] : this.g.unmatchedCost;
    const mentorOf = Int32Array.from(this.edgeOf, (e) => (e < 0 ? -1 : this.g.mentor[e]));
    return { mentorOf, prices, phases };
  }

  /** Dijkstra towards the sink on reduced costs, walking residual edges backwards. */
  private distancesToSink(): void {
    const { n, m, sink, state, edgeOf, potential, distance, settled, heap, load } = this;
    const { mentor, cost, capacity, unmatchedCost } = this.g;
    const incoming = edgesByMentor(this.g);
    distance.fill(Infinity);
    settled.fill(0);
    heap.clear();
    distance[sink] = 0;
    heap.push(0, sink);
    while (!heap.empty) {
      const d = heap.topKey;
      const y = heap.pop();
      if (settled[y] === 1 || d > distance[y]) continue;
      settled[y] = 1;
      if (y === sink) {
        for (let j = 0; j < m; j++) if (load[j] < capacity[j]) this.relax(n + j, potential[n + j] - potential[sink]);
        for (let i = 0; i < n; i++) if (state[i] === MATCHED) this.relax(i, unmatchedCost + potential[i] - potential[sink]);
      } else if (y >= n) {
        // Residual edges mentee -> this mentor: candidate edges that are not the mentee's own match.
        for (let k = incoming.start[y - n]; k < incoming.start[y - n + 1]; k++) {
          const e = incoming.edge[k];
          const i = incoming.mentee[k];
          if (e !== edgeOf[i]) this.relax(i, d + cost[e] + potential[i] - potential[y]);
        }
      } else if (state[y] === MATCHED) {
        // The one residual edge into a matched mentee comes from its mentor.
        const e = edgeOf[y];
        const u = n + mentor[e];
        this.relax(u, d - cost[e] + potential[u] - potential[y]);
      }
    }
  }
}

/** Reverse adjacency: for each mentor, its candidate edges and their mentees. */
function edgesByMentor(g: CandidateGraph): { start: Int32Array; edge: Int32Array; mentee: Int32Array } {
  const { n, m, start, mentor } = g;
  const first = new Int32Array(m + 1);
  for (let e = 0; e < start[n]; e++) first[mentor[e] + 1]++;
  for (let j = 0; j < m; j++) first[j + 1] += first[j];
  const fill = first.slice(0, m);
  const edge = new Int32Array(start[n]);
  const mentee = new Int32Array(start[n]);
  for (let i = 0; i < n; i++) {
    for (let e = start[i]; e < start[i + 1]; e++) {
      const at = fill[mentor[e]]++;
      edge[at] = e;
      mentee[at] = i;
    }
  }
  return { start: first, edge, mentee };
}
