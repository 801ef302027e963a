using Google.OrTools.Sat;

namespace Yalu.Engine.Capped;

/// <summary>
/// One CP-SAT model for a part with long chains: a Boolean per enumerated loop, and the chains as
/// routes of CP-SAT's multiple-circuit constraint through a depot (depot → donor → pairs → depot; a
/// vertex off every route points to itself). The length cap becomes a position per pair (a donor's
/// pair is at 1, each leg adds one), left out when the cap cannot bind. Its size does not grow with
/// L, unlike the position-indexed model, so it takes over when chains may be long.
/// </summary>
internal static class RoutesModel
{
    /// <summary>Whether the cap can bind: fewer legs allowed than pairs a chain can reach.</summary>
    public static bool NeedsPositions(GiftGraph g, int[] chainDist, int maxChain)
    {
        int reachable = 0;
        for (int v = 0; v < g.VertexCount; v++)
        {
            if (!g.IsDonor[v] && chainDist[v] >= 1 && chainDist[v] <= maxChain) reachable++;
        }
        return maxChain < reachable;
    }

    public static PartSolution Solve(GiftGraph g, CycleSet cycles, int[] chainDist, SolveContext context, long upperBound)
    {
        int n = g.VertexCount;
        int maxChain = context.Options.MaxChain;
        var model = new CpModel();
        var objectiveVars = new List<BoolVar>();
        var objectiveCoefficients = new List<long>();

        // Node 0 is the depot, node 1 a dummy route that keeps the constraint satisfiable without chains.
        var circuit = model.AddMultipleCircuit();
        var dummy = model.NewBoolVar("");
        circuit.AddArc(0, 1, dummy);
        circuit.AddArc(1, 0, dummy);
        circuit.AddArc(1, 1, dummy.Not());
        var onRoute = new bool[n];
        var node = new int[n];
        int nodes = 2;
        for (int v = 0; v < n; v++)
        {
            onRoute[v] = chainDist[v] <= maxChain && (g.IsDonor[v] || chainDist[v] >= 1);
            if (onRoute[v]) node[v] = nodes++;
        }
        int Node(int v) => node[v];
        bool positions = NeedsPositions(g, chainDist, maxChain);
        var skip = new BoolVar?[n];
        var position = new IntVar?[n];
        for (int v = 0; v < n; v++)
        {
            if (!onRoute[v]) continue;
            var s = model.NewBoolVar("");
            skip[v] = s;
            circuit.AddArc(Node(v), Node(v), s);
            if (g.IsDonor[v])
            {
                circuit.AddArc(0, Node(v), s.Not());
            }
            else
            {
                circuit.AddArc(Node(v), 0, model.NewBoolVar(""));
                if (positions) position[v] = model.NewIntVar(Math.Max(1, chainDist[v]), maxChain, "");
            }
        }
        var arcs = new List<(int Tail, int Head, BoolVar Var)>();
        for (int u = 0; u < n; u++)
        {
            if (!onRoute[u] || !GraphReduction.IsChainArc(g, chainDist, u, maxChain)) continue;
            for (int e = g.OutStart[u]; e < g.OutStart[u + 1]; e++)
            {
                int v = g.OutTo[e];
                if (!onRoute[v]) continue;
                var y = model.NewBoolVar("");
                circuit.AddArc(Node(u), Node(v), y);
                arcs.Add((u, v, y));
                objectiveVars.Add(y);
                objectiveCoefficients.Add(g.OutWeight[e]);
                if (!positions) continue;
                if (g.IsDonor[u]) model.Add(position[v]! == 1).OnlyEnforceIf(y);
                else model.Add(position[v]! == position[u]! + 1).OnlyEnforceIf(y);
            }
        }

        var cover = new List<ILiteral>[n];
        var cycleVars = new BoolVar[cycles.Count];
        for (int c = 0; c < cycles.Count; c++)
        {
            var x = model.NewBoolVar("");
            cycleVars[c] = x;
            foreach (int v in cycles.Of(c)) (cover[v] ??= []).Add(x);
            objectiveVars.Add(x);
            objectiveCoefficients.Add(cycles.Weight[c]);
        }
        for (int v = 0; v < n; v++)
        {
            var loops = cover[v];
            if (loops is null) continue;
            // A pair on a loop is off every route.
            if (onRoute[v]) model.Add(LinearExpr.Sum(loops) <= skip[v]!);
            else if (loops.Count >= 2) model.AddAtMostOne(loops);
        }
        var objective = LinearExpr.WeightedSum(objectiveVars, objectiveCoefficients);
        if (upperBound < long.MaxValue) model.Add(objective <= upperBound);
        model.Maximize(objective);

        var solution = new PartSolution
        {
            Formulation = "routes",
            CycleCount = cycles.Count,
            ChainVariables = arcs.Count,
            Columns = cycles.Count + arcs.Count,
            Bound = upperBound,
        };
        var solver = CpSat.Create(context.RemainingSeconds, context.Options.Workers, context.Options.Seed);
        var status = solver.Solve(model, null);
        if (status is CpSolverStatus.ModelInvalid or CpSolverStatus.Infeasible)
            throw new InvalidOperationException($"the routes model is {status}, which cannot happen: " + model.Validate());
        if (!CpSat.HasSolution(status)) return solution;
        bool proven = status == CpSolverStatus.Optimal;
        solution.Bound = proven
            ? (long)Math.Round(solver.ObjectiveValue)
            : (long)Math.Min(upperBound, Math.Floor(solver.BestObjectiveBound + 1e-6));
        for (int c = 0; c < cycles.Count; c++)
        {
            if (!solver.BooleanValue(cycleVars[c])) continue;
            solution.Cycles.Add(cycles.Of(c).ToArray());
            solution.CycleIndices.Add(c);
        }
        var successor = new int[n];
        Array.Fill(successor, -1);
        foreach (var (tail, head, y) in arcs)
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
        solution.Bound = Math.Max(solution.Bound, solution.Value);
        return solution;
    }
}
