using System.Collections.Immutable;
using Yalu.Market.Graphs;

namespace Yalu.Engine.Capped;

/// <summary>
/// Capped clearing (market days, kidney exchange): item-disjoint loops of at most k items and chains
/// of at most L legs started by donor items, of the greatest total want weight; proven optimal, or,
/// when the time limit stops it, the best clearing found with a proven bound and gap.
/// </summary>
/// <remarks>
/// <para>Pipeline (docs/capped-clearing.md): arcs on no loop within k and no chain within L are
/// removed and the rest split into independent parts; each part's loops are enumerated; an
/// assignment relaxation without caps gives a first bound; small parts are solved by one CP-SAT
/// model (enumerated loops, position-indexed chain arcs: PICEF, Dickerson, Manlove, Plaut, Sandholm
/// and Trimble, EC 2016), large ones by column generation over loops and chains with GLOP, then
/// CP-SAT over the generated columns and, if needed, those that reduced-cost fixing keeps.</para>
/// <para>Weights are scaled to integers (a power of ten), so bounds and comparisons are exact.
/// Deterministic: the same graph, options and seed give the same result. Thread-safe: an instance
/// holds only its options and clock.</para>
/// </remarks>
public sealed class CappedSolver
{
    /// <summary>Parts with at most this many loops and position-indexed chain arcs are solved by one PICEF model.</summary>
    private const long DirectLimit = 5_000;

    /// <summary>Chain caps above this are long: positions would multiply the chain arcs, so routes model them.</summary>
    private const int LongChain = 4;

    /// <summary>
    /// Parts with long chains that no cap can bind (L at least the pairs chains reach) and at most this
    /// many loops and arcs are solved by one routes model.
    /// </summary>
    private const long RoutesLimit = 200_000;

    /// <summary>Parts with long chains and at most this many loops and arcs are solved by one routes model even when the cap binds.</summary>
    private const long SmallRoutes = 20_000;

    /// <summary>Parts with long chains whose cap binds and at most this many loops and chain-arc positions are solved by one PICEF model.</summary>
    private const long PicefLimit = 50_000;

    private readonly CappedOptions _options;
    private readonly TimeProvider _clock;

    /// <summary>Creates a solver; throws <see cref="ArgumentException"/> listing every invalid option.</summary>
    /// <param name="options">The caps and limits; <see cref="CappedOptions.Default"/> when null.</param>
    /// <param name="clock">Measures phases and the time limit; <see cref="TimeProvider.System"/> when null.</param>
    public CappedSolver(CappedOptions? options = null, TimeProvider? clock = null)
    {
        _options = options ?? CappedOptions.Default;
        var errors = _options.Validate();
        if (errors.Count > 0) throw new ArgumentException(string.Join("; ", errors), nameof(options));
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>Where solver steps are narrated, for diagnosis (tests, benchmarks); null by default.</summary>
    internal Action<string>? Log { get; set; }

    /// <summary>
    /// Clears <paramref name="graph"/>. Throws <see cref="ArgumentException"/> when it has dummy items
    /// (capped clearing counts items per loop, which dummies would distort).
    /// </summary>
    public CappedResult Solve(WantGraph graph, IProgress<ClearingProgress>? progress = null, CancellationToken cancellationToken = default) =>
        Solve(graph, credit: null, progress, cancellationToken);

    /// <summary>
    /// Clears <paramref name="graph"/> under <paramref name="credit"/> (when not null): no user's net
    /// change in value falls below their floor. The floors couple exchanges that share no item, so
    /// the reduced graph is solved as one position-indexed model (PICEF) with one side row per user
    /// whose floor an exchange could break, by CP-SAT (integer coefficients, so "optimal" is exact):
    /// the best clearing that meets every floor, proven, or within the time limit the best found and
    /// its bound. Throws <see cref="ArgumentException"/> on dummy items or a constraint that does not fit the graph.
    /// </summary>
    public CappedResult Solve(WantGraph graph, CreditConstraint? credit, IProgress<ClearingProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        credit?.CheckFits(graph);
        var context = new SolveContext(_options, _clock, progress, cancellationToken) { Log = Log ?? (Environment.GetEnvironmentVariable("YALU_TRACE") is null ? null : Console.Error.WriteLine) };
        bool countOnly = _options.Weights == CappedWeights.Count;
        long scale = WeightScale.Choose(graph, countOnly);

        var stamp = context.Timestamp();
        context.Report("reducing", 0, 1);
        var gift = GiftGraph.Create(graph, countOnly, scale);
        var chainDist = GraphReduction.ChainDistances(gift, _options.MaxChain);
        var keep = new bool[gift.ArcCount];
        for (int u = 0; u < gift.VertexCount; u++)
        {
            if (!GraphReduction.IsChainArc(gift, chainDist, u, _options.MaxChain)) continue;
            for (int e = gift.OutStart[u]; e < gift.OutStart[u + 1]; e++) keep[e] = true;
        }
        GraphReduction.MarkCycleArcs(gift, _options.MaxCycle, keep, cancellationToken);
        var parts = GraphReduction.Split(gift, keep);
        context.Record("reduce", stamp);

        var solutions = new List<(GiftGraph Part, PartSolution Solution)>(parts.Count);
        if (credit is not null && parts.Count > 0)
        {
            // One model over every part: a trader's lots may lie in several.
            var vertices = parts.SelectMany(p => p.Items).Order().ToArray();
            var whole = gift.Subgraph(vertices, keep);
            context.Report("solving", 0, 1);
            solutions.Add((whole, SolveWithCredit(graph, whole, credit, context)));
            context.Report("solving", 1, 1);
            return Assemble(graph, gift, solutions, scale, context);
        }
        for (int i = 0; i < parts.Count; i++)
        {
            context.Report("solving", i, parts.Count);
            solutions.Add((parts[i], SolvePart(parts[i], scale, context)));
        }
        context.Report("solving", parts.Count, parts.Count);
        return Assemble(graph, gift, solutions, scale, context);
    }

    private PartSolution SolveWithCredit(WantGraph graph, GiftGraph part, CreditConstraint credit, SolveContext context)
    {
        var stamp = context.Timestamp();
        int maxChain = _options.MaxChain;
        var chainDist = GraphReduction.ChainDistances(part, maxChain);
        var cycles = CycleSet.Enumerate(part, _options.MaxCycle, _options.MaxEnumeratedCycles, context.CancellationToken)
            ?? throw new InvalidOperationException(
                $"more than {_options.MaxEnumeratedCycles:N0} loops of at most {_options.MaxCycle} items: lower the loop cap");
        context.Record("enumerate", stamp);
        stamp = context.Timestamp();
        var ownerOf = new int[part.VertexCount];
        var valueOf = new long[part.VertexCount];
        for (int v = 0; v < part.VertexCount; v++)
        {
            int item = part.Items[v];
            ownerOf[v] = graph.Owner(item);
            valueOf[v] = credit.ItemValues[item];
        }
        var local = new Dictionary<int, int>();
        for (int v = 0; v < part.VertexCount; v++) local[part.Items[v]] = v;
        var groups = credit.Groups
            .Select(g => g.Where(local.ContainsKey).Select(i => local[i]).ToArray())
            .Where(g => g.Length >= 2)
            .ToList();
        var rows = new PicefModel.CreditRows(ownerOf, valueOf, credit.UserFloors, groups);
        var request = new PicefModel.Request(null, null, [], [], TrivialBound(part), context.RemainingSeconds, IntegerBackend.CpSat, Credit: rows);
        var outcome = PicefModel.Solve(part, cycles, chainDist, context, request);
        var solution = outcome.Solution;
        solution.Formulation = "picef-credit";
        solution.CycleCount = cycles.Count;
        if (outcome.Proven) solution.Bound = solution.Value;
        context.Record("picef-credit", stamp);
        return solution;
    }

    private PartSolution SolvePart(GiftGraph part, long scale, SolveContext context)
    {
        var stamp = context.Timestamp();
        int maxChain = _options.MaxChain;
        var chainDist = GraphReduction.ChainDistances(part, maxChain);
        // The assignment bound needs no loops: on two workers it is computed while they are enumerated.
        var boundStamp = stamp;
        var assignmentTask = _options.Workers > 1 && part.ArcCount >= 10_000
            ? Task.Run(() => AssignmentBound.Compute(part, chainDist, maxChain, withPotentials: true), context.CancellationToken)
            : null;
        var cycles = CycleSet.Enumerate(part, _options.MaxCycle, _options.MaxEnumeratedCycles, context.CancellationToken)
            ?? throw new InvalidOperationException(
                $"more than {_options.MaxEnumeratedCycles:N0} loops of at most {_options.MaxCycle} items in one part: lower the loop cap");
        long chainVariables = PicefModel.ChainVariableCount(part, chainDist, maxChain);
        context.Record("enumerate", stamp);

        if (assignmentTask is null) boundStamp = context.Timestamp();
        var assignment = assignmentTask?.GetAwaiter().GetResult() ?? AssignmentBound.Compute(part, chainDist, maxChain, withPotentials: true);
        long bound = Math.Min(TrivialBound(part), assignment.Bound);
        context.Record("bound", boundStamp);

        var formulation = _options.Formulation;
        bool longChains = part.DonorCount > 0 && maxChain > LongChain;
        if (formulation == CappedFormulation.Auto)
        {
            // Often some clearing reaches the assignment bound; complementary slackness finds it fast.
            if (assignment.Bound == bound && assignment.Receiver.Length > 0)
            {
                stamp = context.Timestamp();
                var found = new SlacknessCover(part, cycles, chainDist, context).FromAssignment(assignment);
                context.Record("cover", stamp);
                if (found is not null)
                {
                    found.Formulation = "assignment";
                    found.CycleCount = cycles.Count;
                    found.Bound = found.Value;
                    return found;
                }
            }
            long size = cycles.Count + (longChains ? part.ArcCount : chainVariables);
            // Positions make the routes model slow where the cap binds (100-random-weights, L = 6: over
            // two minutes); there the position-indexed model is better when it stays small.
            bool binds = longChains && RoutesModel.NeedsPositions(part, chainDist, maxChain);
            bool smallPicef = binds && cycles.Count + chainVariables <= PicefLimit;
            bool routes = longChains && (binds ? size <= SmallRoutes && !smallPicef : size <= RoutesLimit);
            formulation = routes ? CappedFormulation.Routes
                : size <= DirectLimit || smallPicef ? CappedFormulation.Picef
                : CappedFormulation.ColumnGeneration;
        }
        stamp = context.Timestamp();
        PartSolution solution;
        switch (formulation)
        {
            case CappedFormulation.Routes:
                solution = RoutesModel.Solve(part, cycles, chainDist, context, bound);
                context.Record("routes", stamp);
                return solution;
            case CappedFormulation.Picef:
                solution = PicefModel.SolveAll(part, cycles, chainDist, context, bound);
                context.Record("picef", stamp);
                return solution;
            default:
                using (var generation = new ColumnGeneration(part, cycles, chainDist, scale, context))
                {
                    return generation.Solve(bound);
                }
        }
    }

    /// <summary>Every pair receives at most once: the sum over pairs of their best incoming weight.</summary>
    private static long TrivialBound(GiftGraph g)
    {
        var best = new long[g.VertexCount];
        for (int e = 0; e < g.ArcCount; e++) best[g.OutTo[e]] = Math.Max(best[g.OutTo[e]], g.OutWeight[e]);
        long total = 0;
        foreach (long w in best) total = checked(total + w);
        return total;
    }

    private static CappedResult Assemble(
        WantGraph graph, GiftGraph gift, List<(GiftGraph Part, PartSolution Solution)> solutions, long scale, SolveContext context)
    {
        var loops = new List<Exchange>();
        var chains = new List<Exchange>();
        long bound = 0, value = 0;
        bool optimal = true;
        long cycles = 0, chainVariables = 0, columns = 0;
        int rounds = 0, arcsKept = 0;
        var formulations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (part, solution) in solutions)
        {
            foreach (var cycle in solution.Cycles)
            {
                // Gift order s → a → b → s is receive order [s, b, a]: s receives b's item.
                var items = ImmutableArray.CreateBuilder<int>(cycle.Length);
                items.Add(part.Items[cycle[0]]);
                for (int i = cycle.Length - 1; i >= 1; i--) items.Add(part.Items[cycle[i]]);
                loops.Add(new Exchange(items.MoveToImmutable(), IsLoop: true));
            }
            foreach (var chain in solution.Chains)
            {
                // Gift order d → v1 → … → vm is receive order [vm, …, v1, d].
                var items = ImmutableArray.CreateBuilder<int>(chain.Length);
                for (int i = chain.Length - 1; i >= 0; i--) items.Add(part.Items[chain[i]]);
                chains.Add(new Exchange(items.MoveToImmutable(), IsLoop: false));
            }
            bound = checked(bound + solution.Bound);
            value = checked(value + solution.Value);
            optimal &= solution.Optimal;
            cycles += solution.CycleCount;
            chainVariables += solution.ChainVariables;
            columns += solution.Columns;
            rounds += solution.Rounds;
            arcsKept += part.ArcCount;
            formulations.Add(solution.Formulation);
        }
        loops.Sort((a, b) => a.Items[0].CompareTo(b.Items[0]));
        chains.Sort((a, b) => a.Items[^1].CompareTo(b.Items[^1]));

        var costs = new long[graph.ItemCount];
        foreach (var exchange in loops.Concat(chains))
        {
            var items = exchange.Items;
            int receivers = exchange.IsLoop ? items.Length : items.Length - 1;
            for (int i = 0; i < receivers; i++)
            {
                int receiver = items[i], given = items[(i + 1) % items.Length];
                int at = graph.WantsOf(receiver).IndexOf(given);
                if (at < 0) throw new InvalidOperationException("a solution uses a want that does not exist");
                costs[receiver] = graph.CostsOf(receiver)[at];
            }
        }
        var status = optimal ? ClearingStatus.Optimal : ClearingStatus.Feasible;
        var clearing = new ClearingResult(graph, status, loops, chains, costs);
        var statistics = new CappedStatistics(
            graph.ItemCount - graph.DonorCount, graph.DonorCount, gift.ArcCount, arcsKept, solutions.Count, cycles, chainVariables,
            columns, rounds, formulations.Count == 0 ? "none" : string.Join("+", formulations));
        // Totals of scaled integers, divided once: 25.591149 rather than a sum of rounding errors.
        return new CappedResult(clearing, (double)value / scale, (double)bound / scale, context.Phases, statistics);
    }
}
