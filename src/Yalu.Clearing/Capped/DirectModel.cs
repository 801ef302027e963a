using Google.OrTools.Sat;

namespace Yalu.Clearing.Capped;

/// <summary>
/// One CP-SAT model for a part: a Boolean per enumerated loop, and per chain arc and position (the
/// position-indexed chain part of PICEF: Dickerson, Manlove, Plaut, Sandholm and Trimble,
/// "Position-indexed formulations for kidney exchange", EC 2016). Each pair receives at most once
/// (from a loop or a chain arc at any position), each donor gives at most once, and a pair passes an
/// item on at position p + 1 only if it received at position p. Solves small parts outright, and
/// large ones restricted to the loops and chain arcs that reduced-cost fixing keeps.
/// </summary>
internal static class DirectModel
{
    /// <summary>What to put in the model besides the chain structure.</summary>
    /// <param name="Cycles">Loop indices to include; null for all.</param>
    /// <param name="ArcFilter">Which chain arc e from u at position p to include; null for all.</param>
    /// <param name="HintCycles">Loops of a clearing to start from (always included).</param>
    /// <param name="HintChains">Chains of that clearing, gift order (their arcs are always included).</param>
    /// <param name="UpperBound">A bound known to hold (CP-SAT stops when it reaches it).</param>
    /// <param name="Seconds">Time CP-SAT may take.</param>
    /// <param name="LowerBound">Only clearings worth at least this are wanted (0: any).</param>
    /// <param name="MustCover">Vertices every wanted clearing uses; null for none.</param>
    /// <param name="CycleScore">How much the search should prefer each loop (e.g. its value in the relaxation); null for CP-SAT's own search.</param>
    /// <param name="ArcScore">Likewise for arc e at position p.</param>
    public sealed record Request(
        IReadOnlyList<int>? Cycles, Func<int, int, int, bool>? ArcFilter, IReadOnlyCollection<int> HintCycles,
        IReadOnlyList<int[]> HintChains, long UpperBound, double Seconds, long LowerBound = 0, bool[]? MustCover = null,
        Func<int, double>? CycleScore = null, Func<int, int, double>? ArcScore = null);

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

    /// <summary>Solves the whole part in one model.</summary>
    public static PartSolution Solve(GiftGraph g, CycleSet cycles, int[] chainDist, SolveContext context, long knownBound)
    {
        var outcome = Solve(g, cycles, chainDist, context, new Request(null, null, [], [], knownBound, context.RemainingSeconds));
        outcome.Solution.Formulation = "direct";
        outcome.Solution.CycleCount = cycles.Count;
        return outcome.Solution;
    }

    /// <summary>What CP-SAT found: a clearing (with <see cref="PartSolution.Bound"/> its bound over this model) and whether it is proven.</summary>
    public readonly record struct Outcome(PartSolution Solution, bool Proven);

    public static Outcome Solve(GiftGraph g, CycleSet cycles, int[] chainDist, SolveContext context, Request request)
    {
        if (Environment.GetEnvironmentVariable("YALU_MIP") is { } backend)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var r = MipModel.Solve(backend, g, cycles, chainDist, context, request);
            Console.Error.WriteLine($"[mip {backend}] {r.Solution.Columns} columns: {r.Solution.Value} proven {r.Proven} in {clock.ElapsedMilliseconds} ms");
            return r;
        }
        int n = g.VertexCount;
        int maxChain = context.Options.MaxChain;
        var model = new CpModel();
        var cover = new List<ILiteral>[n];
        var objectiveVars = new List<BoolVar>();
        var objectiveCoefficients = new List<long>();

        var cycleIndex = new List<int>();
        var cycleVars = new List<BoolVar>();
        var scored = new List<(double Score, int Order, BoolVar Var)>();
        var hintCycles = request.HintCycles as IReadOnlySet<int> ?? new HashSet<int>(request.HintCycles);
        void AddCycle(int c)
        {
            var x = model.NewBoolVar("");
            cycleIndex.Add(c);
            cycleVars.Add(x);
            foreach (int v in cycles.Of(c)) (cover[v] ??= []).Add(x);
            objectiveVars.Add(x);
            objectiveCoefficients.Add(cycles.Weight[c]);
            if (hintCycles.Contains(c)) model.AddHint(x, true);
            if (request.CycleScore is { } score) scored.Add((score(c), scored.Count, x));
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

        // The hinted chains' arcs, by (arc, position).
        var hintArcs = new HashSet<(int, int)>();
        foreach (var chain in request.HintChains)
        {
            for (int i = 1; i < chain.Length; i++) hintArcs.Add((g.FindArc(chain[i - 1], chain[i]), i));
        }

        // Chain arcs by position: inflow[(v, p)] are the arcs into v at position p, outflow[(u, p)] out of u.
        var arcVars = new List<(int Tail, int Head, BoolVar Var)>();
        var inflow = new Dictionary<(int, int), List<BoolVar>>();
        var outflow = new Dictionary<(int, int), List<BoolVar>>();
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
                    var y = model.NewBoolVar("");
                    arcVars.Add((u, v, y));
                    (cover[v] ??= []).Add(y);
                    if (g.IsDonor[u]) (cover[u] ??= []).Add(y);
                    else Append(outflow, (u, p), y);
                    Append(inflow, (v, p), y);
                    objectiveVars.Add(y);
                    objectiveCoefficients.Add(g.OutWeight[e]);
                    if (hinted) model.AddHint(y, true);
                    if (request.ArcScore is { } score) scored.Add((score(e, p), scored.Count, y));
                }
            }
        }
        foreach (var ((u, p), outs) in outflow)
        {
            var expr = LinearExpr.Sum(outs);
            if (inflow.TryGetValue((u, p - 1), out var ins)) model.Add(expr <= LinearExpr.Sum(ins));
            else model.Add(expr == 0);
        }
        for (int v = 0; v < n; v++)
        {
            var literals = cover[v];
            if (request.MustCover is { } must && must[v]) model.AddExactlyOne(literals ?? []);
            else if (literals is { Count: >= 2 }) model.AddAtMostOne(literals);
        }
        var objective = LinearExpr.WeightedSum(objectiveVars, objectiveCoefficients);
        if (request.UpperBound < long.MaxValue) model.Add(objective <= request.UpperBound);
        if (request.LowerBound > 0) model.Add(objective >= request.LowerBound);
        model.Maximize(objective);
        if (scored.Count > 0)
        {
            // Decide the columns the relaxation likes best first, each to true first: a dive with propagation and learning.
            scored.Sort((a, b) => a.Score != b.Score ? b.Score.CompareTo(a.Score) : a.Order.CompareTo(b.Order));
            model.AddDecisionStrategy(scored.Select(t => (IntVar)t.Var), DecisionStrategyProto.Types.VariableSelectionStrategy.ChooseFirst,
                DecisionStrategyProto.Types.DomainReductionStrategy.SelectMaxValue);
        }

        var solution = new PartSolution
        {
            ChainVariables = arcVars.Count,
            Columns = cycleVars.Count + arcVars.Count,
            Bound = request.UpperBound,
        };
        var solver = CpSat.Create(request.Seconds, context.Options.Workers, context.Options.Seed);
        var status = solver.Solve(model, null);
        if (status == CpSolverStatus.ModelInvalid) throw new InvalidOperationException("the capped model is invalid: " + model.Validate());
        if (status == CpSolverStatus.Infeasible)
        {
            if (request.LowerBound <= 0 && request.MustCover is null)
                throw new InvalidOperationException("the capped model is infeasible, which cannot happen (no exchange is always feasible)");
            // No clearing worth LowerBound: proven, with no solution.
            solution.Bound = request.LowerBound - 1;
            return new Outcome(solution, true);
        }
        bool proven = status == CpSolverStatus.Optimal;
        if (!CpSat.HasSolution(status)) return new Outcome(solution, false);
        solution.Bound = proven
            ? (long)Math.Round(solver.ObjectiveValue)
            : (long)Math.Min(request.UpperBound, Math.Floor(solver.BestObjectiveBound + 1e-6));

        for (int i = 0; i < cycleVars.Count; i++)
        {
            if (!solver.BooleanValue(cycleVars[i])) continue;
            solution.Cycles.Add(cycles.Of(cycleIndex[i]).ToArray());
            solution.CycleIndices.Add(cycleIndex[i]);
        }
        var successor = new int[n];
        Array.Fill(successor, -1);
        foreach (var (tail, head, y) in arcVars)
        {
            if (solver.BooleanValue(y)) successor[tail] = head;
        }
        for (int d = 0; d < n; d++)
        {
            if (!g.IsDonor[d] || successor[d] < 0) continue;
            var chain = new List<int> { d };
            for (int v = successor[d]; v >= 0 && chain.Count <= maxChain; v = successor[v]) chain.Add(v);
            solution.Chains.Add([.. chain]);
        }
        solution.Value = SolutionValue.Of(g, solution, context.Options.MaxCycle, maxChain);
        return new Outcome(solution, proven);
    }

    private static void Append(Dictionary<(int, int), List<BoolVar>> map, (int, int) key, BoolVar y)
    {
        if (!map.TryGetValue(key, out var list)) map[key] = list = [];
        list.Add(y);
    }
}
