using Google.OrTools.LinearSolver;

namespace Yalu.Clearing.Capped;

/// <summary>Experimental: <see cref="DirectModel"/>'s model as a MIP for an MPSolver backend (SCIP, CBC).</summary>
internal static class MipModel
{
    public static DirectModel.Outcome Solve(string backend, GiftGraph g, CycleSet cycles, int[] chainDist, SolveContext context, DirectModel.Request request)
    {
        int n = g.VertexCount;
        int maxChain = context.Options.MaxChain;
        using var mip = Solver.CreateSolver(backend) ?? throw new InvalidOperationException("no " + backend);
        var cover = new List<Variable>[n];
        var objective = mip.Objective();
        objective.SetMaximization();
        var total = mip.MakeConstraint(request.LowerBound > 0 ? request.LowerBound : double.NegativeInfinity,
            request.UpperBound < long.MaxValue ? request.UpperBound : double.PositiveInfinity, "");
        var cycleIndex = new List<int>();
        var cycleVars = new List<Variable>();
        var hintVars = new MPVariableVector();
        var hintValues = new List<double>();
        var hintCycles = new HashSet<int>(request.HintCycles);
        var seen = new HashSet<int>();
        foreach (int c in (request.Cycles ?? Enumerable.Range(0, cycles.Count).ToList()).Concat(hintCycles))
        {
            if (!seen.Add(c)) continue;
            var x = mip.MakeBoolVar("");
            cycleIndex.Add(c);
            cycleVars.Add(x);
            objective.SetCoefficient(x, cycles.Weight[c]);
            total.SetCoefficient(x, cycles.Weight[c]);
            foreach (int v in cycles.Of(c)) (cover[v] ??= []).Add(x);
            if (hintCycles.Contains(c)) { hintVars.Add(x); hintValues.Add(1); }
        }
        var hintArcs = new HashSet<(int, int)>();
        foreach (var chain in request.HintChains)
        {
            for (int i = 1; i < chain.Length; i++) hintArcs.Add((g.FindArc(chain[i - 1], chain[i]), i));
        }
        var arcVars = new List<(int Tail, int Head, Variable Var)>();
        var inflow = new Dictionary<(int, int), List<Variable>>();
        var outflow = new Dictionary<(int, int), List<Variable>>();
        for (int u = 0; u < n; u++)
        {
            if (!GraphReduction.IsChainArc(g, chainDist, u, maxChain)) continue;
            var (first, last) = DirectModel.Positions(g, chainDist, u, maxChain);
            for (int e = g.OutStart[u]; e < g.OutStart[u + 1]; e++)
            {
                int v = g.OutTo[e];
                for (int p = first; p <= last; p++)
                {
                    bool hinted = hintArcs.Contains((e, p));
                    if (!hinted && request.ArcFilter is { } filter && !filter(u, e, p)) continue;
                    var y = mip.MakeBoolVar("");
                    arcVars.Add((u, v, y));
                    (cover[v] ??= []).Add(y);
                    if (g.IsDonor[u]) (cover[u] ??= []).Add(y);
                    else { if (!outflow.TryGetValue((u, p), out var o)) outflow[(u, p)] = o = []; o.Add(y); }
                    if (!inflow.TryGetValue((v, p), out var list)) inflow[(v, p)] = list = [];
                    list.Add(y);
                    objective.SetCoefficient(y, g.OutWeight[e]);
                    total.SetCoefficient(y, g.OutWeight[e]);
                    if (hinted) { hintVars.Add(y); hintValues.Add(1); }
                }
            }
        }
        foreach (var ((u, p), outs) in outflow)
        {
            var row = mip.MakeConstraint(double.NegativeInfinity, 0, "");
            foreach (var y in outs) row.SetCoefficient(y, 1);
            if (inflow.TryGetValue((u, p - 1), out var ins)) foreach (var y in ins) row.SetCoefficient(y, -1);
        }
        for (int v = 0; v < n; v++)
        {
            bool must = request.MustCover is { } m && m[v];
            if (cover[v] is null) { if (must) return new DirectModel.Outcome(new PartSolution { Bound = request.LowerBound - 1 }, true); continue; }
            var row = mip.MakeConstraint(must ? 1 : 0, 1, "");
            foreach (var x in cover[v]) row.SetCoefficient(x, 1);
        }
        if (hintVars.Count > 0) mip.SetHint(hintVars, [.. hintValues]);
        mip.SetTimeLimit((long)Math.Min(int.MaxValue, request.Seconds * 1000));
        var status = mip.Solve();
        var solution = new PartSolution { ChainVariables = arcVars.Count, Columns = cycleVars.Count + arcVars.Count, Bound = request.UpperBound };
        if (status == Solver.ResultStatus.INFEASIBLE) { solution.Bound = request.LowerBound - 1; return new DirectModel.Outcome(solution, true); }
        if (status is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE)) return new DirectModel.Outcome(solution, false);
        for (int i = 0; i < cycleVars.Count; i++)
        {
            if (cycleVars[i].SolutionValue() < 0.5) continue;
            solution.Cycles.Add(cycles.Of(cycleIndex[i]).ToArray());
            solution.CycleIndices.Add(cycleIndex[i]);
        }
        var successor = new int[n];
        Array.Fill(successor, -1);
        foreach (var (tail, head, y) in arcVars) if (y.SolutionValue() > 0.5) successor[tail] = head;
        for (int d = 0; d < n; d++)
        {
            if (!g.IsDonor[d] || successor[d] < 0) continue;
            var chain = new List<int> { d };
            for (int v = successor[d]; v >= 0 && chain.Count <= maxChain; v = successor[v]) chain.Add(v);
            solution.Chains.Add([.. chain]);
        }
        solution.Value = SolutionValue.Of(g, solution, context.Options.MaxCycle, maxChain);
        bool proven = status == Solver.ResultStatus.OPTIMAL;
        solution.Bound = proven ? solution.Value : Math.Max(solution.Value, (long)Math.Min(request.UpperBound, Math.Floor(objective.BestBound() + 1e-6)));
        return new DirectModel.Outcome(solution, proven);
    }
}
