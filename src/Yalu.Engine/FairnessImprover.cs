using Google.OrTools.Sat;
using Yalu.Market.Graphs;

namespace Yalu.Engine;

/// <summary>
/// Lexicographic improvement of a math trade with CP-SAT over a set of allowed arcs (the optimal
/// face of the exact solve, or every want for users-first): a cycle cover (every item receives
/// exactly one item, its own when it does not trade) optimised criterion by criterion, each one
/// then fixed at the value reached so later ones never undo it.
/// </summary>
/// <remarks>
/// <para>Users trading: a literal per user implied by the disjunction of its items trading.
/// Smaller loops: the sum of squared loop sizes is Σ L² = 2·Σ positions + T, where each loop's real
/// items are numbered 0..L−1 from a head; the head is forced to be the loop's lowest-indexed item by
/// a loop label (every arc copies the label, a label may not exceed its item's index, and the head
/// is the item whose label equals its index), so minimising the positions minimises Σ L² exactly.</para>
/// <para>CP-SAT runs with a deterministic-time budget and a fixed seed, so a run is reproducible.</para>
/// </remarks>
internal sealed class FairnessImprover
{
    private readonly WantGraph _graph;
    private readonly MathTradeOptions _options;
    private readonly CpModel _model = new();
    private readonly int[] _nodes;          // model index → item, real items first
    private readonly int[] _index;          // item → model index, or -1
    private readonly List<(int From, int To, long Cost, BoolVar X)> _arcs = [];
    private readonly ILiteral[] _trades;    // per model node: "this real item trades" (unset for dummies)
    private readonly LinearExpr[] _tradeExprs;
    private readonly int[] _receives;       // current solution: item → item received (itself when not trading)
    private readonly int _realCount;

    public FairnessImprover(WantGraph graph, IReadOnlyList<int> nodes, IEnumerable<(int From, int To, long Cost)> arcs, int[] receives, MathTradeOptions options)
    {
        _graph = graph;
        _options = options;
        _receives = (int[])receives.Clone();
        _nodes = [.. nodes.Where(i => !graph.IsDummy(i)).Order(), .. nodes.Where(graph.IsDummy).Order()];
        _realCount = _nodes.Count(i => !graph.IsDummy(i));
        _index = new int[graph.ItemCount];
        Array.Fill(_index, -1);
        for (int k = 0; k < _nodes.Length; k++) _index[_nodes[k]] = k;

        var outgoing = new List<ILiteral>[_nodes.Length];
        var incoming = new List<ILiteral>[_nodes.Length];
        for (int k = 0; k < _nodes.Length; k++)
        {
            outgoing[k] = [];
            incoming[k] = [];
        }
        _trades = new ILiteral[_nodes.Length];
        _tradeExprs = new LinearExpr[_nodes.Length];
        foreach (var (from, to, cost) in arcs)
        {
            var x = _model.NewBoolVar("");
            _arcs.Add((from, to, cost, x));
            outgoing[_index[from]].Add(x);
            incoming[_index[to]].Add(x);
            if (from == to && !graph.IsDummy(from))
            {
                _trades[_index[from]] = x.Not();
                _tradeExprs[_index[from]] = 1 - (LinearExpr)x;
            }
        }
        for (int k = 0; k < _nodes.Length; k++)
        {
            _model.AddExactlyOne(outgoing[k]);
            _model.AddExactlyOne(incoming[k]);
            if (_trades[k] is null && k < _realCount)
            {
                _trades[k] = _model.TrueLiteral();
                _tradeExprs[k] = LinearExpr.Constant(1);
            }
        }
        Hint();
    }

    /// <summary>Applies the criteria in order within the time budgets; returns the final assignment and what each reached.</summary>
    public (int[] Receives, List<CriterionOutcome> Outcomes) Run(IReadOnlyList<FairnessCriterion> criteria, CancellationToken cancellationToken)
    {
        var outcomes = new List<CriterionOutcome>();
        int searched = criteria.Count(c => c != FairnessCriterion.SumOfSquares);
        double budget = _options.ImprovementTimeLimit.TotalSeconds;
        for (int c = 0; c < criteria.Count; c++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var criterion = criteria[c];
            long started = System.Diagnostics.Stopwatch.GetTimestamp();
            var loopBudget = _options.LoopSearchTimeLimit
                ?? (_graph.RealItemCount < MathTradeOptions.LargeTrade ? TimeSpan.FromSeconds(1) : TimeSpan.Zero);
            if (criterion == FairnessCriterion.SumOfSquares && loopBudget <= TimeSpan.Zero)
            {
                // Loops: the greedy split alone; the trivial bound is every trading item in a 2-loop.
                PolishLoops();
                long squares = SumOfSquares();
                long floor = 2 * CountTrading();
                outcomes.Add(new CriterionOutcome(criterion, squares, floor, squares == floor, System.Diagnostics.Stopwatch.GetElapsedTime(started)));
                continue;
            }
            // Each searched criterion gets an equal share of what is left; loops get their own budget.
            double share = criterion == FairnessCriterion.SumOfSquares
                ? loopBudget.TotalSeconds
                : budget / Math.Max(1, searched--);
            var (expression, maximise, evaluate, scale) = Objective(criterion);
            using var solver = new CpSolver
            {
                StringParameters = string.Join(' ',
                    $"max_deterministic_time:{Math.Max(share, 0.01).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}",
                    $"max_time_in_seconds:{(20 * share + 5).ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)}",
                    $"num_workers:{_options.Workers}",
                    $"random_seed:{unchecked((int)_options.Seed) & int.MaxValue}",
                    // Users and items: branching on the LP relaxation proves these fast (UK 2021-06: 186 users,
                    // proved, in under a second); loop positions do better with the default search.
                    criterion == FairnessCriterion.SumOfSquares ? "" : "search_branching:LP_SEARCH linearization_level:2",
                    "log_search_progress:false"),
            };
            if (maximise) _model.Maximize(expression);
            else _model.Minimize(expression);
            var status = solver.Solve(_model);
            if (criterion != FairnessCriterion.SumOfSquares) budget -= Math.Min(share, solver.Response?.DeterministicTime ?? share);

            long value = evaluate();
            long bound = maximise ? long.MaxValue : long.MinValue;
            bool proved = false;
            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                long found = (long)Math.Round(solver.ObjectiveValue);
                if (status == CpSolverStatus.Optimal || (maximise ? found > value : found < value))
                {
                    ReadSolution(solver);
                    value = evaluate();
                }
                bound = (long)Math.Round(solver.BestObjectiveBound);
                proved = status == CpSolverStatus.Optimal;
            }
            else if (status is CpSolverStatus.Infeasible or CpSolverStatus.ModelInvalid)
            {
                throw new InvalidOperationException($"the improvement model is {status}: the exact solve's solution should satisfy it");
            }
            if (proved) bound = value;
            if (maximise) _model.Add(expression >= value);
            else _model.Add(expression <= value);
            Hint();
            long offset = criterion == FairnessCriterion.SumOfSquares ? CountTrading() : 0;
            bool unbounded = bound is long.MaxValue or long.MinValue;
            outcomes.Add(new CriterionOutcome(criterion, value * scale + offset, unbounded ? bound : bound * scale + offset, proved,
                System.Diagnostics.Stopwatch.GetElapsedTime(started)));
        }
        return (_receives, outcomes);
    }

    private long SumOfSquares() => 2 * LabelsOf(_receives).Positions.Take(_realCount).Sum(p => (long)p) + CountTrading();

    /// <summary>
    /// The criterion as a linear expression, its sense, its value at the current solution, and the
    /// factor to the reported figure (reported = value·scale, plus the items trading for sum of squares).
    /// </summary>
    private (LinearExpr Expression, bool Maximise, Func<long> Evaluate, long Scale) Objective(FairnessCriterion criterion)
    {
        switch (criterion)
        {
            case FairnessCriterion.UsersTrading:
            {
                var terms = new List<BoolVar>();
                foreach (var items in ItemsByUser().Values)
                {
                    var y = _model.NewBoolVar("");
                    _model.AddBoolOr(items.Select(k => _trades[k])).OnlyEnforceIf(y);
                    terms.Add(y);
                }
                return (LinearExpr.Sum(terms), true, () => TradingCountsByUser().Count(c => c.Value > 0), 1);
            }
            case FairnessCriterion.FavoredUserItems:
            {
                var items = ItemsByUser().GetValueOrDefault(_options.FavorUser ?? "", []);
                return (LinearExpr.Sum(items.Select(k => _tradeExprs[k])), true, () => TradingCountsByUser().GetValueOrDefault(_options.FavorUser ?? ""), 1);
            }
            case FairnessCriterion.UsersSumOfSquares:
            {
                var squares = new List<IntVar>();
                foreach (var items in ItemsByUser().Values)
                {
                    var count = _model.NewIntVar(0, items.Count, "");
                    _model.Add(count == LinearExpr.Sum(items.Select(k => _tradeExprs[k])));
                    var square = _model.NewIntVar(0, (long)items.Count * items.Count, "");
                    _model.AddMultiplicationEquality(square, count, count);
                    squares.Add(square);
                }
                return (LinearExpr.Sum(squares), false, () => TradingCountsByUser().Values.Sum(c => (long)c * c), 1);
            }
            case FairnessCriterion.ItemsTrading:
                return (LinearExpr.Sum(_tradeExprs.Take(_realCount)), true, CountTrading, 1);
            case FairnessCriterion.TotalCost:
            {
                // A dummy costs the non-trade cost whatever it receives, so only real items' wants count.
                var priced = _arcs.Where(a => a.From != a.To && !_graph.IsDummy(a.From)).ToList();
                var costs = priced.ToDictionary(a => (a.From, a.To), a => a.Cost);
                long Total()
                {
                    long total = 0;
                    foreach (int item in _nodes)
                    {
                        if (_receives[item] != item && !_graph.IsDummy(item)) total += costs[(item, _receives[item])];
                    }
                    return total;
                }
                return (LinearExpr.WeightedSum(priced.Select(a => a.X), priced.Select(a => a.Cost)), false, Total, 1);
            }
            case FairnessCriterion.SumOfSquares:
            {
                PolishLoops();
                var positions = AddLoopPositions();
                return (LinearExpr.Sum(positions), false, () => LabelsOf(_receives).Positions.Take(_realCount).Sum(p => (long)p), 2);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(criterion), criterion, null);
        }
    }

    /// <summary>The model indices of each user's real items, by user name.</summary>
    private Dictionary<string, List<int>> ItemsByUser()
    {
        var byUser = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int k = 0; k < _realCount; k++)
        {
            int owner = _graph.Owner(_nodes[k]);
            if (owner < 0) continue;
            string name = _graph.UserName(owner);
            if (!byUser.TryGetValue(name, out var list)) byUser[name] = list = [];
            list.Add(k);
        }
        return byUser;
    }

    /// <summary>Loop labels, heads and positions; returns the positions of the real items.</summary>
    private List<IntVar> AddLoopPositions()
    {
        int n = _nodes.Length;
        var label = new IntVar[n];
        var head = new BoolVar[n];
        var position = new IntVar[n];
        for (int k = 0; k < n; k++)
        {
            label[k] = _model.NewIntVar(0, k, "");
            head[k] = _model.NewBoolVar("");
            position[k] = _model.NewIntVar(0, _realCount, "");
            _model.Add(label[k] == k).OnlyEnforceIf(head[k]);
            _model.Add(label[k] <= k - 1).OnlyEnforceIf(head[k].Not());
            _model.Add(position[k] == 0).OnlyEnforceIf(head[k]);
        }
        foreach (var (from, to, _, x) in _arcs)
        {
            int i = _index[from], j = _index[to];
            if (i == j)
            {
                _model.AddImplication(x, head[i]);
                continue;
            }
            _model.Add(label[j] == label[i]).OnlyEnforceIf(x);
            int step = j < _realCount ? 1 : 0;
            _model.Add(position[j] == position[i] + step).OnlyEnforceIf([x, head[j].Not()]);
        }
        // Hint the current solution's labels, heads and positions.
        var (labels, positions) = LabelsOf(_receives);
        for (int k = 0; k < n; k++)
        {
            _model.AddHint(label[k], labels[k]);
            _model.AddHint(head[k], labels[k] == k ? 1 : 0);
            _model.AddHint(position[k], positions[k]);
        }
        _positionVars = (label, head, position);
        return [.. position.Take(_realCount)];
    }

    private (IntVar[] Label, BoolVar[] Head, IntVar[] Position)? _positionVars;

    /// <summary>Labels (lowest model index in the loop) and positions (real items counted from the head) of an assignment.</summary>
    private (int[] Labels, int[] Positions) LabelsOf(int[] receives)
    {
        int n = _nodes.Length;
        var labels = new int[n];
        var positions = new int[n];
        var seen = new bool[n];
        var cycle = new List<int>();
        for (int start = 0; start < n; start++)
        {
            if (seen[start]) continue;
            cycle.Clear();
            for (int k = start; !seen[k]; k = _index[receives[_nodes[k]]])
            {
                seen[k] = true;
                cycle.Add(k);
            }
            int min = cycle.Min();
            int at = cycle.IndexOf(min);
            int p = 0;
            for (int s = 0; s < cycle.Count; s++)
            {
                int k = cycle[(at + s) % cycle.Count];
                labels[k] = min;
                if (s > 0 && k < _realCount) p++;
                positions[k] = s == 0 ? 0 : p;
            }
        }
        return (labels, positions);
    }

    private void Hint()
    {
        _model.ClearHints();
        foreach (var (from, to, _, x) in _arcs) _model.AddHint(x, _receives[from] == to ? 1 : 0);
        if (_positionVars is var (label, head, position))
        {
            var (labels, positions) = LabelsOf(_receives);
            for (int k = 0; k < _nodes.Length; k++)
            {
                _model.AddHint(label[k], labels[k]);
                _model.AddHint(head[k], labels[k] == k ? 1 : 0);
                _model.AddHint(position[k], positions[k]);
            }
        }
    }

    private void ReadSolution(CpSolver solver)
    {
        foreach (var (from, to, _, x) in _arcs)
        {
            if (solver.BooleanValue(x)) _receives[from] = to;
        }
    }

    private long CountTrading()
    {
        long count = 0;
        for (int k = 0; k < _realCount; k++)
        {
            if (_receives[_nodes[k]] != _nodes[k]) count++;
        }
        return count;
    }

    /// <summary>
    /// Splits loops greedily: two arcs a→a' and b→b' of one loop are replaced by a→b' and b→a' when
    /// both are allowed, which cuts the loop in two without changing who trades (so no earlier
    /// criterion moves) and lowers the sum of squares by 2·L₁·L₂. The most balanced split is taken
    /// first, until no loop can be split. Deterministic and fast; CP-SAT then starts from the result.
    /// </summary>
    private void PolishLoops()
    {
        var allowed = new HashSet<long>(_arcs.Count);
        long n = _graph.ItemCount;
        foreach (var (from, to, _, _) in _arcs)
        {
            if (from != to) allowed.Add(from * n + to);
        }
        var seen = new bool[_graph.ItemCount];
        var cycle = new List<int>();
        var realBefore = new List<int>();
        bool changed = true;
        while (changed)
        {
            changed = false;
            Array.Clear(seen);
            foreach (int start in _nodes)
            {
                if (seen[start] || _receives[start] == start) continue;
                cycle.Clear();
                for (int v = start; !seen[v]; v = _receives[v])
                {
                    seen[v] = true;
                    cycle.Add(v);
                }
                realBefore.Clear();
                int real = 0;
                foreach (int v in cycle)
                {
                    realBefore.Add(real);
                    if (!_graph.IsDummy(v)) real++;
                }
                realBefore.Add(real);
                int len = cycle.Count, bestI = -1, bestJ = -1;
                long bestGain = 0;
                for (int i = 0; i < len; i++)
                {
                    int a = cycle[i], aNext = cycle[(i + 1) % len];
                    for (int j = i + 2; j < len; j++)
                    {
                        int b = cycle[j], bNext = cycle[(j + 1) % len];
                        if (bNext == a) continue;
                        // Loop one: aNext..b; loop two: bNext..a.
                        long first = realBefore[j + 1] - realBefore[i + 1];
                        long gain = 2 * first * (real - first);
                        if (gain <= bestGain) continue;
                        if (allowed.Contains(a * n + bNext) && allowed.Contains(b * n + aNext))
                        {
                            bestGain = gain;
                            bestI = i;
                            bestJ = j;
                        }
                    }
                }
                if (bestI >= 0)
                {
                    int a = cycle[bestI], aNext = cycle[(bestI + 1) % len];
                    int b = cycle[bestJ], bNext = cycle[(bestJ + 1) % len];
                    _receives[a] = bNext;
                    _receives[b] = aNext;
                    changed = true;
                }
            }
        }
    }

    /// <summary>Items trading per user (users with none are absent).</summary>
    private Dictionary<string, int> TradingCountsByUser()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = 0; k < _realCount; k++)
        {
            int item = _nodes[k];
            int owner = _graph.Owner(item);
            if (owner < 0 || _receives[item] == item) continue;
            string name = _graph.UserName(owner);
            counts[name] = counts.GetValueOrDefault(name) + 1;
        }
        return counts;
    }
}
