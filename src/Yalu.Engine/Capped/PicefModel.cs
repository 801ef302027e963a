using System.Collections.Immutable;

namespace Yalu.Engine.Capped;

/// <summary>
/// The position-indexed model of a part (PICEF: Dickerson, Manlove, Plaut, Sandholm and Trimble,
/// "Position-indexed formulations for kidney exchange", EC 2016): a Boolean per enumerated loop and
/// per chain arc and position. Each pair receives at most once (from a loop or a chain arc at any
/// position), each donor gives at most once, and a pair passes an item on at position p + 1 only if
/// it received one at position p. Solves small parts outright, and serves as the exact step of
/// large ones restricted to the loops and chain arcs that reduced-cost fixing keeps.
/// </summary>
internal static class PicefModel
{
    /// <summary>What to put in the model and how to solve it.</summary>
    /// <param name="Cycles">Loop indices to include; null for all.</param>
    /// <param name="ArcFilter">Which chain arc e from u at position p to include; null for all.</param>
    /// <param name="HintCycles">Loops of a clearing to start from (always included).</param>
    /// <param name="HintChains">Chains of that clearing, gift order (their arcs are always included).</param>
    /// <param name="UpperBound">A bound known to hold (the solver may stop when it reaches it).</param>
    /// <param name="Seconds">Time the solver may take.</param>
    /// <param name="Backend">The solver.</param>
    /// <param name="LowerBound">Only clearings worth at least this are wanted (0: any).</param>
    /// <param name="MustCover">Vertices every wanted clearing uses; null for none.</param>
    /// <param name="Feasibility">Any clearing within the bounds will do (CP-SAT then skips its costly probing).</param>
    /// <param name="Credit">Credit floors to impose as side rows; null for none.</param>
    public sealed record Request(
        IReadOnlyList<int>? Cycles, Func<int, int, int, bool>? ArcFilter, IReadOnlyCollection<int> HintCycles,
        IReadOnlyList<int[]> HintChains, long UpperBound, double Seconds, IntegerBackend Backend, long LowerBound = 0,
        bool[]? MustCover = null, bool Feasibility = false, CreditRows? Credit = null);

    /// <summary>The credit side constraint in a part's terms.</summary>
    /// <param name="OwnerOf">The user of each vertex of the part.</param>
    /// <param name="ValueOf">The value of each vertex's item, in fen.</param>
    /// <param name="Floors">Each user's floor, in fen (see <see cref="Market.Graphs.CreditConstraint"/>).</param>
    /// <param name="Groups">Groups of vertices of which at most one may be used.</param>
    public sealed record CreditRows(int[] OwnerOf, long[] ValueOf, ImmutableArray<long> Floors, IReadOnlyList<int[]> Groups);

    /// <summary>What the solver found: a clearing (its <see cref="PartSolution.Bound"/> a bound over this model), and whether that is proven.</summary>
    public readonly record struct Outcome(PartSolution Solution, bool Proven);

    /// <summary>Positions at which an arc out of u can be used: 1 for a donor, dist(u) + 1 … L for a pair.</summary>
    public static (int First, int Last) Positions(GiftGraph g, int[] chainDist, int u, int maxChain) =>
        g.IsDonor[u] ? (1, 1) : (chainDist[u] + 1, maxChain);

    /// <summary>Number of position-indexed chain arc variables the full model would have.</summary>
    public static long ChainVariableCount(GiftGraph g, int[] chainDist, int maxChain)
    {
        long count = 0;
        for (int u = 0; u < g.VertexCount; u++)
        {
            if (!GraphReduction.IsChainArc(g, chainDist, u, maxChain)) continue;
            var (first, last) = Positions(g, chainDist, u, maxChain);
            count += (long)(g.OutStart[u + 1] - g.OutStart[u]) * (last - first + 1);
        }
        return count;
    }

    /// <summary>Solves a whole (small) part in one model.</summary>
    public static PartSolution SolveAll(GiftGraph g, CycleSet cycles, int[] chainDist, SolveContext context, long knownBound)
    {
        var request = new Request(null, null, [], [], knownBound, context.RemainingSeconds, IntegerBackend.Cbc);
        var outcome = Solve(g, cycles, chainDist, context, request);
        var solution = outcome.Solution;
        solution.Formulation = "picef";
        solution.CycleCount = cycles.Count;
        if (outcome.Proven) solution.Bound = solution.Value;
        return solution;
    }

    public static Outcome Solve(GiftGraph g, CycleSet cycles, int[] chainDist, SolveContext context, Request request)
    {
        int n = g.VertexCount;
        int maxChain = context.Options.MaxChain;
        var problem = new PackingProblem { LowerBound = request.LowerBound, UpperBound = request.UpperBound };
        var cover = new List<int>?[n];

        var cycleIndex = new List<int>();
        var hintCycles = request.HintCycles as IReadOnlySet<int> ?? new HashSet<int>(request.HintCycles);
        void AddCycle(int c)
        {
            int x = problem.Add(cycles.Weight[c]);
            cycleIndex.Add(c);
            foreach (int v in cycles.Of(c)) (cover[v] ??= []).Add(x);
            if (hintCycles.Contains(c)) problem.Hint(x);
        }
        if (request.Cycles is null)
        {
            for (int c = 0; c < cycles.Count; c++) AddCycle(c);
        }
        else
        {
            var seen = new HashSet<int>();
            foreach (int c in request.Cycles.Concat(hintCycles))
            {
                if (seen.Add(c)) AddCycle(c);
            }
        }
        int firstArc = problem.Count;

        var hintArcs = new HashSet<(int, int)>();
        foreach (var chain in request.HintChains)
        {
            for (int i = 1; i < chain.Length; i++) hintArcs.Add((g.FindArc(chain[i - 1], chain[i]), i));
        }
        // Chain arcs by position: inflow[(v, p)] are the arcs into v at position p, outflow[(u, p)] out of u.
        var arcs = new List<(int Tail, int Head)>();
        var inflow = new Dictionary<(int, int), List<int>>();
        var outflow = new Dictionary<(int, int), List<int>>();
        for (int u = 0; u < n; u++)
        {
            if (!GraphReduction.IsChainArc(g, chainDist, u, maxChain)) continue;
            var (first, last) = Positions(g, chainDist, u, maxChain);
            for (int e = g.OutStart[u]; e < g.OutStart[u + 1]; e++)
            {
                int v = g.OutTo[e];
                for (int p = first; p <= last; p++)
                {
                    bool hinted = hintArcs.Contains((e, p));
                    if (!hinted && request.ArcFilter is { } filter && !filter(u, e, p)) continue;
                    int y = problem.Add(g.OutWeight[e]);
                    arcs.Add((u, v));
                    (cover[v] ??= []).Add(y);
                    if (g.IsDonor[u]) (cover[u] ??= []).Add(y);
                    else Append(outflow, (u, p), y);
                    Append(inflow, (v, p), y);
                    if (hinted) problem.Hint(y);
                }
            }
        }
        if (request.Credit is { } credit) AddCreditRows(problem, cycles, cycleIndex, arcs, firstArc, credit);
        foreach (var ((u, p), outs) in outflow) problem.Flow(outs, inflow.GetValueOrDefault((u, p - 1)));
        for (int v = 0; v < n; v++)
        {
            bool must = request.MustCover is { } m && m[v];
            if (cover[v] is { } members) problem.Group(members, must);
            else if (must) problem.Group([], exactly: true);
        }

        var solution = new PartSolution
        {
            ChainVariables = arcs.Count,
            Columns = problem.Count,
            Bound = request.UpperBound,
        };
        var answer = problem.Solve(request.Backend, request.Seconds, context.Options.Workers, context.Options.Seed, request.Feasibility);
        solution.Bound = answer.Bound;
        if (answer.Values is not { } values) return new Outcome(solution, answer.Proven);
        for (int i = 0; i < cycleIndex.Count; i++)
        {
            if (!values[i]) continue;
            solution.Cycles.Add(cycles.Of(cycleIndex[i]).ToArray());
            solution.CycleIndices.Add(cycleIndex[i]);
        }
        var successor = new int[n];
        Array.Fill(successor, -1);
        for (int i = 0; i < arcs.Count; i++)
        {
            if (values[firstArc + i]) successor[arcs[i].Tail] = arcs[i].Head;
        }
        for (int d = 0; d < n; d++)
        {
            if (!g.IsDonor[d] || successor[d] < 0) continue;
            var chain = new List<int> { d };
            for (int v = successor[d]; v >= 0 && chain.Count <= maxChain; v = successor[v]) chain.Add(v);
            solution.Chains.Add([.. chain]);
        }
        solution.Value = SolutionValue.Of(g, solution, context.Options.MaxCycle, maxChain);
        return new Outcome(solution, answer.Proven);
    }

    /// <summary>
    /// One row per user whose floor some exchange could break: Σ over the exchanges they are in of
    /// the value they give minus the value they receive, at least their floor. Receiving u's item
    /// for v's changes v's owner by value(v) − value(u), for loops and chain arcs alike.
    /// </summary>
    private static void AddCreditRows(PackingProblem problem, CycleSet cycles, List<int> cycleIndex, List<(int Tail, int Head)> arcs, int firstArc, CreditRows credit)
    {
        var terms = new Dictionary<int, Dictionary<int, long>>();
        void Term(int variable, int from, int to)
        {
            long change = credit.ValueOf[to] - credit.ValueOf[from];
            if (change == 0) return;
            int user = credit.OwnerOf[to];
            if (!terms.TryGetValue(user, out var row)) terms[user] = row = [];
            row[variable] = checked(row.GetValueOrDefault(variable) + change);
        }
        for (int i = 0; i < cycleIndex.Count; i++)
        {
            var cycle = cycles.Of(cycleIndex[i]);
            for (int k = 0; k < cycle.Length; k++) Term(i, cycle[k], cycle[(k + 1) % cycle.Length]);
        }
        for (int i = 0; i < arcs.Count; i++) Term(firstArc + i, arcs[i].Tail, arcs[i].Head);
        foreach (var group in credit.Groups)
        {
            // Σ over the group's vertices of the variables using them ≤ 1, written as ≥ −1; a loop
            // through two of them counts twice and so can never be chosen.
            var uses = new Dictionary<int, long>();
            var inGroup = group.ToHashSet();
            for (int i = 0; i < cycleIndex.Count; i++)
                foreach (int v in cycles.Of(cycleIndex[i]))
                    if (inGroup.Contains(v)) uses[i] = uses.GetValueOrDefault(i) - 1;
            for (int i = 0; i < arcs.Count; i++)
            {
                if (inGroup.Contains(arcs[i].Head)) uses[firstArc + i] = uses.GetValueOrDefault(firstArc + i) - 1;
            }
            if (uses.Count < 2 && uses.Values.All(c => c >= -1)) continue;
            var members = uses.OrderBy(t => t.Key).ToArray();
            problem.AtLeast([.. members.Select(t => t.Key)], [.. members.Select(t => t.Value)], -1);
        }
        foreach (var (user, row) in terms.OrderBy(t => t.Key))
        {
            // A user who can only gain needs no row: not trading (0) already meets a floor ≤ 0.
            if (row.Values.All(c => c >= 0)) continue;
            var members = row.Where(t => t.Value != 0).OrderBy(t => t.Key).ToArray();
            problem.AtLeast([.. members.Select(t => t.Key)], [.. members.Select(t => t.Value)], credit.Floors[user]);
        }
    }

    private static void Append(Dictionary<(int, int), List<int>> map, (int, int) key, int y)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(y);
    }
}
