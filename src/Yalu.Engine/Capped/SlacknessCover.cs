namespace Yalu.Engine.Capped;

/// <summary>
/// Finds a clearing worth a bound by complementary slackness. Given dual prices under which the
/// bound is Σπ (the relaxation's prices, or the assignment's potentials), a clearing worth the bound
/// uses only loops and chain arcs of zero reduced cost, covers every vertex of positive price, and
/// ends its chains only where that costs nothing; any selection with those properties is worth the
/// bound, hence optimal. With millions of zero-cost loops such a selection is easy to find, if
/// looked for the right way: Algorithm X picks loops for the must-cover pairs (most constrained
/// first, the preferred loops first), then the chains are routed through what is left (enumerated
/// for Algorithm X when that is cheap, else by the MIP). Every result is checked before use.
/// </summary>
internal sealed class SlacknessCover(GiftGraph g, CycleSet cycles, int[] chainDist, SolveContext context)
{
    /// <summary>Most loops handed to Algorithm X.</summary>
    private const int MaxLoopOptions = 6_000_000;

    /// <summary>Most chains enumerated for Algorithm X before the MIP routes them instead.</summary>
    private const int MaxChainOptions = 1_000_000;

    /// <summary>Longest chains enumerated; longer caps are routed by the MIP.</summary>
    private const int MaxEnumeratedLegs = 8;

    /// <summary>Algorithm X's search nodes per vertex: when it succeeds it needs about one per loop chosen.</summary>
    private const long NodesPerVertex = 4;

    /// <summary>Time the MIP may take to route chains.</summary>
    private const double RoutingSeconds = 3;

    private readonly int _maxChain = g.DonorCount > 0 ? context.Options.MaxChain : 0;

    /// <summary>A split value that gives every must-cover pair to the loops but lets Algorithm X leave to the chains those it cannot cover.</summary>
    public const double Greedy = -1;

    /// <summary>
    /// A clearing worth <paramref name="target"/> or null. <paramref name="loopShare"/> says how much
    /// each vertex is on loops (in the relaxation or the assignment); for each split s, the must-cover
    /// pairs with share at least s are the loops' job and the rest the chains' (<see cref="Greedy"/>:
    /// all of them, with leftovers going to the chains).
    /// </summary>
    public PartSolution? Find(
        long target, bool[] must, double[] loopShare, IReadOnlyList<int> preferred, Func<int, bool> loopAllowed,
        Func<int, int, int, bool> arcAllowed, Func<int, int, int, bool> endAllowed, IReadOnlyList<double> splits)
    {
        int n = g.VertexCount;
        var optionCycle = new List<int>(preferred);
        var taken = new HashSet<int>(preferred);
        for (int c = 0; c < cycles.Count; c++)
        {
            if (!taken.Contains(c) && loopAllowed(c)) optionCycle.Add(c);
            if (optionCycle.Count > MaxLoopOptions) return null;
        }
        bool chains = _maxChain >= 1;
        if (!chains)
        {
            // Without chains every must-cover pair needs a loop: when one has none, there is no cover
            // (and building Algorithm X's tables for millions of loops would be wasted).
            var covered = new bool[n];
            foreach (int c in optionCycle)
            {
                foreach (int v in cycles.Of(c)) covered[v] = true;
            }
            for (int v = 0; v < n; v++)
            {
                if (must[v] && !g.IsDonor[v] && !covered[v])
                {
                    Trace($"cover: pair {v} must receive but lies on no allowed loop");
                    return null;
                }
            }
        }
        var start = new int[optionCycle.Count + 1];
        for (int o = 0; o < optionCycle.Count; o++) start[o + 1] = start[o] + cycles.Of(optionCycle[o]).Length;
        var items = new int[start[^1]];
        for (int o = 0; o < optionCycle.Count; o++) cycles.Of(optionCycle[o]).CopyTo(items.AsSpan(start[o]));
        Trace($"cover: {optionCycle.Count} loop options");
        var cover = new ExactCover(n, start, items, optionCycle.Count);
        long nodes = 1000 + (NodesPerVertex * n);

        foreach (double split in chains ? splits : [0])
        {
            if (context.Expired) return null;
            var primary = new bool[n];
            for (int v = 0; v < n; v++) primary[v] = must[v] && !g.IsDonor[v] && (!chains || loopShare[v] >= split);
            int skippable = chains && split < 0 ? g.DonorCount * _maxChain : 0;
            var chosen = cover.Solve(primary, nodes, context.CancellationToken, skippable);
            Trace($"cover: split {split} {(chosen is null ? "failed" : "found")} after {cover.Nodes} nodes");
            if (chosen is null) continue;
            var solution = new PartSolution();
            var used = new bool[n];
            long loops = 0;
            foreach (int o in chosen)
            {
                int c = optionCycle[o];
                solution.Cycles.Add(cycles.Of(c).ToArray());
                solution.CycleIndices.Add(c);
                foreach (int v in cycles.Of(c)) used[v] = true;
                loops += cycles.Weight[c];
            }
            if (chains && loops < target)
            {
                var routed = Route(target - loops, must, used, arcAllowed, endAllowed, nodes);
                if (routed is null) continue;
                solution.Chains.AddRange(routed);
            }
            solution.Value = SolutionValue.Of(g, solution, context.Options.MaxCycle, context.Options.MaxChain);
            Trace($"cover: value {solution.Value} of {target}");
            if (solution.Value >= target) return solution;
        }
        return null;
    }

    /// <summary>
    /// Under the assignment's potentials: loops and arcs of zero reduced cost, the vertices that must
    /// receive, chain ends that cost nothing, and loop shares from the optimal assignment itself.
    /// </summary>
    public PartSolution? FromAssignment(AssignmentBound assignment)
    {
        int n = g.VertexCount;
        var must = new bool[n];
        for (int v = 0; v < n; v++) must[v] = assignment.KeepSlack(v) > 0;
        // Follow each vertex's givers back: a loop returns to it, a chain reaches a donor.
        var share = new double[n];
        for (int v = 0; v < n; v++)
        {
            if (g.IsDonor[v] || assignment.GiverOf[v] == v) continue;
            int x = assignment.GiverOf[v];
            for (int steps = 0; x != v && !g.IsDonor[x] && assignment.GiverOf[x] != x && steps < n; steps++) x = assignment.GiverOf[x];
            share[v] = x == v ? 1 : 0;
        }
        return Find(
            assignment.Bound, must, share, [], c => CycleSlack(assignment, c) == 0,
            (u, e, _) => assignment.ArcSlack(u, g.OutTo[e], g.OutWeight[e]) == 0,
            (d, v, _) => assignment.PoolSlack(d, v) == 0, [Greedy]);
    }

    private long CycleSlack(AssignmentBound assignment, int c)
    {
        // Each vertex of a loop receives once and gives once, so the arcs' potentials sum to the vertices' keep slacks.
        long slack = -cycles.Weight[c];
        foreach (int v in cycles.Of(c)) slack += assignment.KeepSlack(v);
        return slack;
    }

    /// <summary>Chains through the unused vertices worth <paramref name="need"/>, covering the must-cover ones left; null when none is found.</summary>
    private List<int[]>? Route(
        long need, bool[] must, bool[] used, Func<int, int, int, bool> arcAllowed, Func<int, int, int, bool> endAllowed, long nodes)
    {
        int n = g.VertexCount;
        if (_maxChain <= MaxEnumeratedLegs)
        {
            var routes = ChainCover.Solve(g, _maxChain, used, must, arcAllowed, endAllowed, MaxChainOptions, nodes, context.CancellationToken);
            Trace($"route: chain cover {(routes is null ? "failed" : $"{Worth(routes)} of {need}")}");
            if (routes is not null && Worth(routes) >= need) return routes;
        }
        var left = new bool[n];
        for (int v = 0; v < n; v++) left[v] = must[v] && !used[v];
        var request = new PicefModel.Request(
            [], (u, e, p) => !used[u] && !used[g.OutTo[e]] && arcAllowed(u, e, p), [], [], need,
            Math.Min(context.RemainingSeconds, RoutingSeconds), IntegerBackend.Cbc, LowerBound: need, MustCover: left, Feasibility: true);
        var outcome = PicefModel.Solve(g, cycles, chainDist, context, request);
        return outcome.Solution.Value >= need ? outcome.Solution.Chains : null;
    }

    private void Trace(string message) => context.Log?.Invoke($"[{context.Elapsed.TotalMilliseconds:0} ms] {message}");

    private long Worth(List<int[]> chains)
    {
        long total = 0;
        foreach (var chain in chains)
        {
            for (int i = 1; i < chain.Length; i++) total += g.OutWeight[g.FindArc(chain[i - 1], chain[i])];
        }
        return total;
    }
}
