using System.Collections.Immutable;
using Google.OrTools.Graph;
using Yalu.Market.Graphs;

namespace Yalu.Engine;

/// <summary>
/// Exact math-trade clearing with unbounded loops: the most items trading and, among those, the
/// lowest total want cost — TradeMaximizer's objective, solved exactly.
/// </summary>
/// <remarks>
/// <para>Formulation (as in TradeMaximizer): every item is both a receiver and a sender; the owner of
/// item <c>i</c> may receive item <c>j</c> when <c>i</c> wants <c>j</c>, at the want's cost, or keep
/// <c>i</c> at <see cref="WantGraph.NonTradeCost"/>. A minimum-cost perfect assignment of receivers to
/// senders is then a set of disjoint loops (a permutation) of minimum total cost; with the default
/// non-trade cost (10^9, larger than any sum of want costs) that is the most items trading first and
/// the lowest cost second. Dummy items cost the non-trade cost whatever they receive, so they never
/// change the objective; after solving, each real item that receives a dummy is given what the chain
/// of dummies ends in.</para>
/// <para>Before solving, wants between different strongly connected components are dropped (they lie
/// on no loop) and each component is solved alone with OR-Tools' <see cref="LinearSumAssignment"/>
/// (Goldberg and Kennedy's cost-scaling push-relabel). Deterministic: the same graph and options give
/// the same result on every run and machine.</para>
/// <para>Thread-safe: an instance holds only its options.</para>
/// </remarks>
public sealed class MathTradeSolver
{
    private readonly MathTradeOptions _options;

    /// <summary>Creates a solver; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    public MathTradeSolver(MathTradeOptions? options = null)
    {
        _options = options ?? MathTradeOptions.Default;
        var errors = _options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
    }

    /// <summary>Clears <paramref name="graph"/>; see <see cref="Clear"/>.</summary>
    public ClearingResult Solve(WantGraph graph, IProgress<ClearingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Clear(graph, progress, cancellationToken).Result;

    /// <summary>
    /// Clears <paramref name="graph"/>: the exact solve (most items, lowest cost), then the improvement
    /// that <see cref="MathTradeOptions.Ordering"/> asks for. The result is <see cref="ClearingStatus.Optimal"/>
    /// for the exact criteria; what the improvement proved is in <see cref="MathTradeOutcome.Criteria"/>.
    /// </summary>
    public MathTradeOutcome Clear(WantGraph graph, IProgress<ClearingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.DonorCount > 0)
            throw new ArgumentException("unbounded math-trade clearing has no chains: clear graphs with donor items with capped loops and chains", nameof(graph));
        int n = graph.ItemCount;
        progress?.Report(new ClearingProgress("pruning", 0, 1));
        int[] component = StronglyConnectedComponents.Compute(graph, out int componentCount);

        // Members of each component that can loop at all (at least one want inside it and one real item).
        var members = GroupMembers(graph, component, componentCount);

        var receives = new int[n];
        for (int i = 0; i < n; i++) receives[i] = i;

        var rng = new SplitMix64(_options.Seed);
        var solved = new List<ComponentSolve>(members.Count);
        for (int c = 0; c < members.Count; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Report(new ClearingProgress("solving", c, members.Count));
            solved.Add(SolveComponent(graph, members[c], component, receives, ref rng, cancellationToken));
        }
        progress?.Report(new ClearingProgress("solving", members.Count, members.Count));
        bool improve = _options.Ordering != MathTradeOrdering.Plain && solved.Count > 0;
        var face = improve || _options.Explain ? FaceArcs(solved) : default;

        var final = receives;
        List<CriterionOutcome> outcomes = [];
        if (improve)
        {
            progress?.Report(new ClearingProgress("improving", 0, 1));
            var start = receives;
            if (_options.Ordering == MathTradeOrdering.UsersFirst)
            {
                // Start the search over every want from the best users trading on the optimal face:
                // users-first can only do better than that, never worse.
                (start, _) = new FairnessImprover(graph, face.Nodes, face.Arcs, receives, _options)
                    .Run([FairnessCriterion.UsersTrading], cancellationToken);
            }
            var (nodes, arcs) = _options.Ordering == MathTradeOrdering.UsersFirst ? AllArcs(solved) : face;
            var improver = new FairnessImprover(graph, nodes, arcs, start, _options);
            (final, outcomes) = improver.Run(Criteria(_options.Ordering), cancellationToken);
            progress?.Report(new ClearingProgress("improving", 1, 1));
        }
        var result = BuildResult(graph, final);
        if (!_options.Explain) return new MathTradeOutcome(result, outcomes, []);

        progress?.Report(new ClearingProgress("explaining", 0, 1));
        var canTrade = new bool[n];
        foreach (var (from, to, _) in face.Arcs)
        {
            if (from != to) canTrade[from] = canTrade[to] = true;
        }
        var untraded = UntradedExplainer.Explain(graph, final, component, canTrade, result);
        return new MathTradeOutcome(result, outcomes, untraded);
    }

    private static FairnessCriterion[] Criteria(MathTradeOrdering ordering) => ordering switch
    {
        MathTradeOrdering.UsersTrading => [FairnessCriterion.UsersTrading, FairnessCriterion.SumOfSquares],
        MathTradeOrdering.ChainSizesSumOfSquares => [FairnessCriterion.SumOfSquares],
        MathTradeOrdering.UsersSumOfSquares => [FairnessCriterion.UsersSumOfSquares, FairnessCriterion.UsersTrading, FairnessCriterion.SumOfSquares],
        MathTradeOrdering.FavorUser => [FairnessCriterion.FavoredUserItems, FairnessCriterion.UsersTrading, FairnessCriterion.SumOfSquares],
        MathTradeOrdering.UsersFirst => [FairnessCriterion.UsersTrading, FairnessCriterion.ItemsTrading, FairnessCriterion.TotalCost, FairnessCriterion.SumOfSquares],
        _ => [],
    };

    /// <summary>Every arc of every solved component (for users-first, which may leave the optimal face).</summary>
    private static (List<int> Nodes, List<(int, int, long)> Arcs) AllArcs(List<ComponentSolve> solved)
    {
        var nodes = new List<int>();
        var arcs = new List<(int, int, long)>();
        foreach (var part in solved)
        {
            nodes.AddRange(part.Members);
            foreach (var arc in part.Arcs) arcs.Add((part.Members[arc.From], part.Members[arc.To], arc.Cost));
        }
        return (nodes, arcs);
    }

    /// <summary>
    /// The arcs that some optimal assignment uses (zero reduced cost), less those that join two
    /// strongly connected components of that face (they lie on no loop of it).
    /// </summary>
    private static (List<int> Nodes, List<(int, int, long)> Arcs) FaceArcs(List<ComponentSolve> solved)
    {
        var nodes = new List<int>();
        var arcs = new List<(int, int, long)>();
        foreach (var part in solved)
        {
            int m = part.Members.Length;
            var zero = OptimalFace.ZeroReducedCost(m, part.Arcs, part.Assigned);
            var face = new List<AssignmentArc>();
            for (int a = 0; a < part.Arcs.Length; a++)
            {
                if (zero[a]) face.Add(part.Arcs[a]);
            }
            var scc = StronglyConnectedComponents.Compute(m, face.Where(a => a.From != a.To).Select(a => (a.From, a.To)));
            nodes.AddRange(part.Members);
            foreach (var arc in face)
            {
                if (arc.From == arc.To || scc[arc.From] == scc[arc.To])
                    arcs.Add((part.Members[arc.From], part.Members[arc.To], arc.Cost));
            }
        }
        return (nodes, arcs);
    }

    private static List<int[]> GroupMembers(WantGraph graph, int[] component, int componentCount)
    {
        var size = new int[componentCount];
        var hasReal = new bool[componentCount];
        for (int i = 0; i < component.Length; i++)
        {
            size[component[i]]++;
            if (!graph.IsDummy(i)) hasReal[component[i]] = true;
        }
        var slot = new int[componentCount];
        var groups = new List<int[]>();
        Array.Fill(slot, -1);
        var fill = new List<int>();
        for (int i = 0; i < component.Length; i++)
        {
            int c = component[i];
            if (size[c] < 2 || !hasReal[c]) continue;
            if (slot[c] < 0)
            {
                slot[c] = groups.Count;
                groups.Add(new int[size[c]]);
                fill.Add(0);
            }
            groups[slot[c]][fill[slot[c]]++] = i;
        }
        return groups;
    }

    private ComponentSolve SolveComponent(
        WantGraph graph, int[] members, int[] component, int[] receives, ref SplitMix64 rng, CancellationToken cancellationToken)
    {
        int m = members.Length;
        int c = component[members[0]];
        var local = new Dictionary<int, int>(m);
        for (int i = 0; i < m; i++) local[members[i]] = i;

        var arcs = new List<AssignmentArc>(m * 4);
        for (int i = 0; i < m; i++)
        {
            int item = members[i];
            arcs.Add(new AssignmentArc(i, i, graph.NonTradeCost));
            var wants = graph.WantsOf(item);
            var costs = graph.CostsOf(item);
            for (int k = 0; k < wants.Length; k++)
            {
                if (component[wants[k]] == c) arcs.Add(new AssignmentArc(i, local[wants[k]], costs[k]));
            }
        }

        var natural = arcs.ToArray();
        var arcArray = (AssignmentArc[])natural.Clone();
        var best = Assign(m, arcArray, identity: null);
        if (_options.Iterations > 1 && _options.Ordering == MathTradeOrdering.Plain)
        {
            // Every optimal assignment uses only arcs of zero reduced cost, and every perfect
            // assignment over them is optimal: re-solving on that face alone breaks the same ties
            // as re-solving the whole component, on a graph a fraction of the size.
            var zero = OptimalFace.ZeroReducedCost(m, natural, best);
            arcArray = [.. natural.Where((_, a) => zero[a])];
            long bestSquares = SumSquares(graph, members, best);
            var order = new int[m];
            for (int it = 1; it < _options.Iterations; it++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                for (int i = 0; i < m; i++) order[i] = i;
                rng.Shuffle(order.AsSpan());
                rng.Shuffle(arcArray.AsSpan());
                var candidate = Assign(m, arcArray, order);
                long squares = SumSquares(graph, members, candidate);
                if (squares < bestSquares)
                {
                    bestSquares = squares;
                    best = candidate;
                }
            }
        }
        for (int i = 0; i < m; i++) receives[members[i]] = members[best[i]];
        return new ComponentSolve(members, natural, best);
    }

    /// <summary>One strongly connected component's assignment problem and its optimal assignment (local indices).</summary>
    private sealed record ComponentSolve(int[] Members, AssignmentArc[] Arcs, int[] Assigned);

    /// <summary>
    /// Solves the assignment; <paramref name="identity"/>, when given, renumbers the nodes so that
    /// ties are broken differently. Returns, per local receiver, the local sender it is assigned.
    /// </summary>
    private static int[] Assign(int m, AssignmentArc[] arcs, int[]? identity)
    {
        using var assignment = new LinearSumAssignment();
        foreach (var arc in arcs)
        {
            int from = identity is null ? arc.From : identity[arc.From];
            int to = identity is null ? arc.To : identity[arc.To];
            assignment.AddArcWithCost(from, to, arc.Cost);
        }
        var status = assignment.Solve();
        if (status != LinearSumAssignment.Status.OPTIMAL)
        {
            throw new InvalidOperationException(status == LinearSumAssignment.Status.POSSIBLE_OVERFLOW
                ? "the costs are too large for an exact solve (lower the non-trade cost)"
                : $"the assignment solver returned {status}");
        }
        var result = new int[m];
        if (identity is null)
        {
            for (int i = 0; i < m; i++) result[i] = assignment.RightMate(i);
        }
        else
        {
            var inverse = new int[m];
            for (int i = 0; i < m; i++) inverse[identity[i]] = i;
            for (int i = 0; i < m; i++) result[i] = inverse[assignment.RightMate(identity[i])];
        }
        return result;
    }

    private static long SumSquares(WantGraph graph, int[] members, int[] localReceives)
    {
        int m = members.Length;
        var next = ElideDummies(m, i => graph.IsDummy(members[i]), localReceives);
        var seen = new bool[m];
        long sum = 0;
        for (int i = 0; i < m; i++)
        {
            if (seen[i] || next[i] < 0) continue;
            long size = 0;
            for (int v = i; !seen[v]; v = next[v])
            {
                seen[v] = true;
                size++;
            }
            sum += size * size;
        }
        return sum;
    }

    /// <summary>
    /// For every real item, the real item it ends up receiving once chains of dummies are followed,
    /// or -1 when it keeps its own; -1 for every dummy.
    /// </summary>
    private static int[] ElideDummies(int n, Func<int, bool> isDummy, int[] receives)
    {
        var next = new int[n];
        for (int v = 0; v < n; v++)
        {
            next[v] = -1;
            if (isDummy(v) || receives[v] == v) continue;
            int r = receives[v];
            for (int steps = 0; r != v && isDummy(r) && steps <= n; steps++) r = receives[r];
            if (r != v && !isDummy(r)) next[v] = r;
        }
        return next;
    }

    private static ClearingResult BuildResult(WantGraph graph, int[] receives)
    {
        int n = graph.ItemCount;
        var next = ElideDummies(n, graph.IsDummy, receives);
        var costs = new long[n];
        for (int v = 0; v < n; v++)
        {
            if (next[v] >= 0) costs[v] = graph.CostOf(v, receives[v]) ?? throw new InvalidOperationException("assigned a want that does not exist");
        }
        var loops = new List<Exchange>();
        var seen = new bool[n];
        for (int v = 0; v < n; v++)
        {
            if (seen[v] || next[v] < 0) continue;
            var items = ImmutableArray.CreateBuilder<int>();
            for (int w = v; !seen[w]; w = next[w])
            {
                seen[w] = true;
                items.Add(w);
            }
            loops.Add(new Exchange(items.ToImmutable(), IsLoop: true));
        }
        return new ClearingResult(graph, ClearingStatus.Optimal, loops, [], costs);
    }
}
