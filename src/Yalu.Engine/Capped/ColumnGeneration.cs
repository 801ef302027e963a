using Google.OrTools.LinearSolver;

namespace Yalu.Engine.Capped;

/// <summary>
/// Column generation over PICEF (Dickerson, Manlove, Plaut, Sandholm and Trimble, "Position-indexed
/// formulations for kidney exchange", EC 2016) for one large part: a column per loop of at most k
/// items and per chain arc at a position, each vertex on at most one chosen loop or incoming arc,
/// a pair giving at position p + 1 only if it received at position p. The linear relaxation is
/// solved by GLOP over a growing set of columns, all of them priced exactly each round (loops by
/// scanning the enumeration, arc positions by scanning the arcs) and the best added, a few per
/// vertex. The search stops as soon as the relaxation reaches a bound already proven (then that is
/// its value) or no column prices out (then the sum of the vertex prices is its value).
/// </summary>
/// <remarks>
/// The integer step uses the prices: a clearing worth Σπ − δ uses no column of reduced cost below
/// −δ and leaves out no vertex priced above δ (its worth is Σπ plus its columns' reduced costs, minus
/// the prices of the vertices it leaves out, minus non-negative flow terms). First CP-SAT looks for a
/// clearing worth the bound among the master's columns under those constraints (they propagate far
/// better than the bound alone); then, with the prices of the optimal relaxation, among every column
/// they allow (reduced-cost fixing), for a target that starts at the bound and drops each time CP-SAT
/// proves it out of reach. A clearing that reaches the target is optimal.
/// </remarks>
internal sealed class ColumnGeneration : IDisposable
{
    /// <summary>Reduced costs above this many weight units (the weights as given, not scaled) count as positive.</summary>
    private const double Tolerance = 1e-7;

    /// <summary>Most new columns through one vertex in one round.</summary>
    private const int PerVertexPerRound = 3;

    /// <summary>New columns per round, per vertex of the part.</summary>
    private const int ColumnsPerVertex = 2;

    /// <summary>Most loops reduced-cost fixing may leave for CP-SAT before the solver settles for a bound.</summary>
    private const int MaxFixedCycles = 3_000_000;

    /// <summary>Time the MIP gets to find a clearing at the bound among the master's columns before the exact step.</summary>
    private const double MasterPackingSeconds = 10;

    private readonly GiftGraph _g;
    private readonly CycleSet _cycles;
    private readonly int[] _chainDist;
    private readonly bool _integralWeights;
    private readonly double _unit;
    private readonly double _epsilon;
    private readonly SolveContext _context;
    private readonly int _maxChain;
    private readonly Solver _lp;
    private readonly Constraint[] _capacity;
    private readonly Constraint?[] _flow;
    private readonly Objective _objective;
    private readonly List<Variable> _vars = [];
    private readonly List<int> _columnCycle = [];
    private readonly List<long> _columnArc = [];
    private readonly bool[] _cycleInMaster;
    private readonly HashSet<long> _arcInMaster = [];
    private readonly double[] _price;
    private readonly double[] _flowPrice;
    private readonly int[] _roundCount;
    private readonly int[] _arcTail;
    private readonly SlacknessCover _cover;
    private readonly Dictionary<int, double> _cycleValue = [];
    private readonly Dictionary<long, double> _arcValue = [];
    private bool _masterSolved;

    /// <param name="g">The part.</param>
    /// <param name="cycles">Its loops.</param>
    /// <param name="chainDist">Fewest legs to reach each vertex from a donor.</param>
    /// <param name="scale">Scaled weight units per unit of the weights as given (1 for integer weights).</param>
    /// <param name="context">The solve's context.</param>
    public ColumnGeneration(GiftGraph g, CycleSet cycles, int[] chainDist, long scale, SolveContext context)
    {
        // The relaxation works in the weights as given, which keeps GLOP's numbers near 1; prices are
        // scaled back for everything else, which compares integers.
        _unit = scale;
        _epsilon = Tolerance * scale;
        _g = g;
        _cycles = cycles;
        _chainDist = chainDist;
        _integralWeights = scale == 1;
        _cover = new SlacknessCover(g, cycles, chainDist, context);
        _context = context;
        _maxChain = g.DonorCount > 0 ? context.Options.MaxChain : 0;
        int n = g.VertexCount;
        _cycleInMaster = new bool[cycles.Count];
        _price = new double[n];
        _roundCount = new int[n];
        _flowPrice = new double[n * (_maxChain + 1)];
        _arcTail = new int[g.ArcCount];
        for (int u = 0; u < n; u++)
        {
            for (int e = g.OutStart[u]; e < g.OutStart[u + 1]; e++) _arcTail[e] = u;
        }
        _lp = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools has no GLOP solver");
        // Without presolve GLOP keeps its basis when only columns are added, so each round is a warm start.
        _lp.SetSolverSpecificParametersAsString("use_preprocessing:false");
        _capacity = new Constraint[n];
        for (int v = 0; v < n; v++) _capacity[v] = _lp.MakeConstraint(double.NegativeInfinity, 1.0, "");
        // Flow rows (v, p), p = 1 … L − 1: what v gives at position p + 1 is at most what it received at p.
        _flow = new Constraint?[n * (_maxChain + 1)];
        for (int v = 0; v < n; v++)
        {
            if (g.IsDonor[v]) continue;
            for (int p = Math.Max(1, chainDist[v]); p < _maxChain; p++) _flow[FlowRow(v, p)] = _lp.MakeConstraint(double.NegativeInfinity, 0.0, "");
        }
        _objective = _lp.Objective();
        _objective.SetMaximization();
    }

    /// <summary>Pricing rounds run.</summary>
    public int Rounds { get; private set; }

    public void Dispose() => _lp.Dispose();

    private int FlowRow(int v, int p) => (v * (_maxChain + 1)) + p;

    private long ArcKey(int e, int p) => ((long)e * (_maxChain + 1)) + p;

    /// <summary>Solves the part; <paramref name="knownBound"/> is a bound already proven (e.g. <see cref="AssignmentBound"/>).</summary>
    public PartSolution Solve(long knownBound)
    {
        long bound = knownBound;
        var stamp = _context.Timestamp();
        AddGreedyCycles();
        var relaxation = Relax(stopAt: knownBound);
        if (relaxation.Converged) bound = Math.Min(bound, relaxation.Bound);
        _context.Record("relax", stamp);

        stamp = _context.Timestamp();
        var incumbent = RoundedMaster();
        if (incumbent.Value < bound && _masterSolved && !_context.Expired)
        {
            var packed = PackMaster(bound);
            if (packed is not null && packed.Value > incumbent.Value) incumbent = packed;
        }
        _context.Record("integer", stamp);
        if (incumbent.Value < bound && !relaxation.Converged && !_context.Expired)
        {
            // The relaxation reached the known bound but the master's columns do not hold a clearing
            // worth it: finish the relaxation, for its bound and its prices.
            stamp = _context.Timestamp();
            relaxation = Relax(stopAt: long.MaxValue);
            if (relaxation.Converged) bound = Math.Min(bound, relaxation.Bound);
            _context.Record("relax", stamp);
        }
        if (incumbent.Value < bound && relaxation.Converged && !_context.Expired)
        {
            stamp = _context.Timestamp();
            (incumbent, bound) = FixAndSolve(incumbent, relaxation.PriceSum, bound);
            _context.Record("integer", stamp);
        }
        return Finish(incumbent, bound);
    }

    private PartSolution Finish(PartSolution incumbent, long bound)
    {
        incumbent.Bound = Math.Max(bound, incumbent.Value);
        incumbent.Formulation = "column-generation";
        incumbent.CycleCount = _cycles.Count;
        incumbent.Rounds = Rounds;
        incumbent.Columns = _vars.Count;
        incumbent.ChainVariables = _arcInMaster.Count;
        return incumbent;
    }

    private readonly record struct Relaxation(bool Converged, long Bound, double PriceSum);

    private void Trace(string message)
    {
        _context.Log?.Invoke($"[{_context.Elapsed.TotalMilliseconds:0} ms] {message}");
    }

    private void AddGreedyCycles()
    {
        var used = new bool[_g.VertexCount];
        for (int c = 0; c < _cycles.Count; c++)
        {
            bool free = true;
            foreach (int v in _cycles.Of(c)) free &= !used[v];
            if (!free) continue;
            foreach (int v in _cycles.Of(c)) used[v] = true;
            AddCycle(c);
        }
    }

    private void AddCycle(int c)
    {
        var x = _lp.MakeNumVar(0.0, double.PositiveInfinity, "");
        _objective.SetCoefficient(x, _cycles.Weight[c] / _unit);
        foreach (int v in _cycles.Of(c)) _capacity[v].SetCoefficient(x, 1.0);
        _vars.Add(x);
        _columnCycle.Add(c);
        _columnArc.Add(-1);
        _cycleInMaster[c] = true;
    }

    private void AddArc(int e, int p)
    {
        int u = _arcTail[e], v = _g.OutTo[e];
        var y = _lp.MakeNumVar(0.0, double.PositiveInfinity, "");
        _objective.SetCoefficient(y, _g.OutWeight[e] / _unit);
        _capacity[v].SetCoefficient(y, 1.0);
        if (_g.IsDonor[u]) _capacity[u].SetCoefficient(y, 1.0);
        else _flow[FlowRow(u, p - 1)]!.SetCoefficient(y, 1.0);
        if (p < _maxChain) _flow[FlowRow(v, p)]!.SetCoefficient(y, -1.0);
        _vars.Add(y);
        _columnCycle.Add(-1);
        _columnArc.Add(ArcKey(e, p));
        _arcInMaster.Add(ArcKey(e, p));
    }

    /// <summary>The reduced cost of arc e (from u) at position p under the current prices.</summary>
    private double ArcReduced(int u, int e, int p)
    {
        int v = _g.OutTo[e];
        double reduced = _g.OutWeight[e] - _price[v] - (p == 1 ? _price[u] : _flowPrice[FlowRow(u, p - 1)]);
        return p < _maxChain ? reduced + _flowPrice[FlowRow(v, p)] : reduced;
    }

    private double CycleReduced(int c)
    {
        double reduced = _cycles.Weight[c];
        foreach (int v in _cycles.Of(c)) reduced -= _price[v];
        return reduced;
    }

    /// <summary>
    /// Column generation until no column prices out (converged, with the rounded-down dual bound), the
    /// master reaches <paramref name="stopAt"/> (whose value is then the relaxation's), or time runs out.
    /// </summary>
    private Relaxation Relax(long stopAt)
    {
        while (true)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            if (_context.Expired) return new Relaxation(false, long.MaxValue, double.NaN);
            Rounds++;
            _context.Report("pricing", Rounds, 0);
            _lp.SetTimeLimit((long)Math.Min(int.MaxValue, Math.Ceiling(_context.RemainingSeconds * 1000)));
            var lpStart = _context.Elapsed;
            var status = _lp.Solve();
            var lpTime = _context.Elapsed - lpStart;
            _masterSolved = status == Solver.ResultStatus.OPTIMAL;
            if (!_masterSolved) return new Relaxation(false, long.MaxValue, double.NaN);
            double priceSum = 0;
            for (int v = 0; v < _capacity.Length; v++)
            {
                _price[v] = Math.Max(0, _capacity[v].DualValue()) * _unit;
                priceSum += _price[v];
            }
            for (int i = 0; i < _flow.Length; i++) _flowPrice[i] = _flow[i] is { } row ? Math.Max(0, row.DualValue()) * _unit : 0;
            double value = _objective.Value() * _unit;
            Trace($"round {Rounds} z={value:0.####} columns={_vars.Count} lp {lpTime.TotalMilliseconds:0} ms iterations {_lp.Iterations()}");
            if (value >= stopAt - _epsilon) return new Relaxation(false, long.MaxValue, priceSum);
            if (PriceAndAdd() > 0) continue;
            // Every reduced cost is at most ε, and a clearing has fewer columns than vertices; the rest
            // covers GLOP's rounding.
            double slack = (_capacity.Length * _epsilon) + (1e-9 * Math.Abs(priceSum)) + (1e-6 * _unit);
            return new Relaxation(true, (long)Math.Floor(priceSum + slack), priceSum);
        }
    }

    /// <summary>
    /// Prices every loop and arc position and adds the best that price out: up to about two per vertex,
    /// best reduced cost first, no vertex in more than <see cref="PerVertexPerRound"/> of them.
    /// </summary>
    private int PriceAndAdd()
    {
        int limit = ColumnsPerVertex * _g.VertexCount;
        int wanted = 8 * limit;
        // The loops are priced in slices, one per worker, each keeping its best candidates in a bounded
        // heap, so that millions of equal reduced costs cost no sorting; the slices' best are then
        // merged, which gives the same columns whatever the number of workers. Ties are broken by a
        // hash of the id: deterministic, and spread over the pool rather than bunched at low vertices.
        int slices = Math.Clamp(Math.Min(_context.Options.Workers, Environment.ProcessorCount), 1, (_cycles.Count / 100_000) + 1);
        var best = new Best[slices + 1];
        Parallel.For(0, slices, new ParallelOptions { MaxDegreeOfParallelism = slices }, slice =>
        {
            var top = new Best(wanted);
            var start = _cycles.Start;
            var vertices = _cycles.Vertices;
            var weight = _cycles.Weight;
            var price = _price;
            var inMaster = _cycleInMaster;
            double epsilon = _epsilon;
            int from = (int)((long)_cycles.Count * slice / slices), to = (int)((long)_cycles.Count * (slice + 1) / slices);
            for (int c = from; c < to; c++)
            {
                double reduced = weight[c];
                int end = start[c + 1];
                for (int i = start[c]; i < end; i++) reduced -= price[vertices[i]];
                if (reduced <= epsilon || inMaster[c]) continue;
                top.Offer(reduced, c);
            }
            best[slice] = top;
        });
        var arcs = new Best(wanted);
        for (int u = 0; u < _g.VertexCount; u++)
        {
            if (!GraphReduction.IsChainArc(_g, _chainDist, u, _maxChain)) continue;
            var (first, last) = PicefModel.Positions(_g, _chainDist, u, _maxChain);
            for (int e = _g.OutStart[u]; e < _g.OutStart[u + 1]; e++)
            {
                for (int p = first; p <= last; p++)
                {
                    double reduced = ArcReduced(u, e, p);
                    if (reduced <= _epsilon || _arcInMaster.Contains(ArcKey(e, p))) continue;
                    arcs.Offer(reduced, -1 - ArcKey(e, p));
                }
            }
        }
        best[slices] = arcs;
        var merged = new List<(double Reduced, long Id)>();
        foreach (var top in best) merged.AddRange(top.Items);
        // Highest reduced cost first, ties by the hash.
        merged.Sort((x, y) => x.Reduced != y.Reduced ? y.Reduced.CompareTo(x.Reduced) : Best.Tie(x.Id).CompareTo(Best.Tie(y.Id)));
        if (merged.Count > wanted) merged.RemoveRange(wanted, merged.Count - wanted);
        if (merged.Count == 0) return 0;
        Array.Clear(_roundCount);
        int added = 0;
        foreach (var (_, id) in merged)
        {
            if (id >= 0)
            {
                var cycle = _cycles.Of((int)id);
                bool full = true;
                foreach (int v in cycle) full &= _roundCount[v] >= PerVertexPerRound;
                if (full) continue;
                foreach (int v in cycle) _roundCount[v]++;
                AddCycle((int)id);
            }
            else
            {
                long key = -1 - id;
                int e = (int)(key / (_maxChain + 1)), p = (int)(key % (_maxChain + 1));
                int u = _arcTail[e], v = _g.OutTo[e];
                if (_roundCount[u] >= PerVertexPerRound && _roundCount[v] >= PerVertexPerRound) continue;
                _roundCount[u]++;
                _roundCount[v]++;
                AddArc(e, p);
            }
            if (++added >= limit) break;
        }
        return added;
    }

    /// <summary>The master's solution rounded down: loops above one half, and chains followed from donors along arcs above one half.</summary>
    private PartSolution RoundedMaster()
    {
        var cycles = new List<int>();
        var successor = new Dictionary<int, int>();
        for (int j = 0; j < _vars.Count && _masterSolved; j++)
        {
            if (_vars[j].SolutionValue() <= 0.5) continue;
            if (_columnCycle[j] >= 0)
            {
                cycles.Add(_columnCycle[j]);
            }
            else
            {
                int e = (int)(_columnArc[j] / (_maxChain + 1));
                successor[_arcTail[e]] = _g.OutTo[e];
            }
        }
        // Within GLOP's tolerances two columns through one vertex can both sit a hair above one half:
        // the first one taken keeps the vertex.
        var solution = new PartSolution();
        var used = new bool[_g.VertexCount];
        foreach (int c in cycles)
        {
            var cycle = _cycles.Of(c);
            bool free = true;
            foreach (int v in cycle) free &= !used[v];
            if (!free) continue;
            foreach (int v in cycle) used[v] = true;
            solution.Cycles.Add(cycle.ToArray());
            solution.CycleIndices.Add(c);
        }
        for (int d = 0; d < _g.VertexCount; d++)
        {
            if (!_g.IsDonor[d] || !successor.ContainsKey(d)) continue;
            var chain = new List<int> { d };
            used[d] = true;
            for (int v = d; chain.Count <= _maxChain && successor.TryGetValue(v, out int next) && !used[next]; v = next)
            {
                chain.Add(next);
                used[next] = true;
            }
            if (chain.Count > 1) solution.Chains.Add([.. chain]);
        }
        solution.Value = SolutionValue.Of(_g, solution, _context.Options.MaxCycle, _context.Options.MaxChain);
        return solution;
    }

    /// <summary>
    /// Looks for a clearing worth <paramref name="target"/> among the master's columns, under the
    /// master's optimal prices (every master column has a reduced cost of at most zero under them).
    /// </summary>
    private PartSolution? PackMaster(long target)
    {
        double slack = (_objective.Value() * _unit) - target;
        if (slack < -_epsilon) return null;
        ReadMasterValues();
        var covered = CoverWithPrices(target, slack);
        if (covered is not null) return covered;
        var cycles = new List<int>();
        foreach (int c in _columnCycle)
        {
            if (c >= 0 && CycleReduced(c) >= -slack - _epsilon) cycles.Add(c);
        }
        var hint = RoundedMaster();
        var request = new PicefModel.Request(
            cycles, (u, e, p) => _arcInMaster.Contains(ArcKey(e, p)) && ArcReduced(u, e, p) >= -slack - _epsilon,
            hint.CycleIndices, hint.Chains, target, Math.Min(_context.RemainingSeconds, MasterPackingSeconds), IntegerBackend.Cbc,
            LowerBound: target, MustCover: MustCover(slack));
        var outcome = PicefModel.Solve(_g, _cycles, _chainDist, _context, request);
        return outcome.Solution.Value >= target ? outcome.Solution : null;
    }

    /// <summary>The master's solution values of its loops and arc positions (those above zero).</summary>
    private void ReadMasterValues()
    {
        _cycleValue.Clear();
        _arcValue.Clear();
        for (int j = 0; j < _vars.Count && _masterSolved; j++)
        {
            double x = _vars[j].SolutionValue();
            if (x <= 1e-9) continue;
            if (_columnCycle[j] >= 0) _cycleValue[_columnCycle[j]] = x;
            else _arcValue[_columnArc[j]] = x;
        }
    }

    /// <summary>
    /// <see cref="SlacknessCover"/> under the relaxation's prices with Σπ − target = <paramref name="slack"/>:
    /// loops and arcs of reduced cost within the slack, vertices priced above it, chain ends of zero
    /// flow price, loop shares from the relaxation's solution.
    /// </summary>
    private PartSolution? CoverWithPrices(long target, double slack)
    {
        var share = new double[_g.VertexCount];
        foreach (var (c, x) in _cycleValue)
        {
            foreach (int v in _cycles.Of(c)) share[v] += x;
        }
        var preferred = _cycleValue.Where(kv => CycleReduced(kv.Key) >= -slack - _epsilon)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Select(kv => kv.Key).ToList();
        return _cover.Find(
            target, MustCover(slack), share, preferred, c => CycleReduced(c) >= -slack - _epsilon,
            (u, e, p) => ArcReduced(u, e, p) >= -slack - _epsilon,
            (_, v, p) => p == _maxChain || _flowPrice[FlowRow(v, p)] <= slack + _epsilon, [0.5, SlacknessCover.Greedy, 0.9]);
    }

    /// <summary>Vertices priced above <paramref name="slack"/>: a clearing within that slack of Σπ uses every one of them.</summary>
    private bool[] MustCover(double slack)
    {
        var must = new bool[_price.Length];
        for (int v = 0; v < must.Length; v++) must[v] = _price[v] > slack + _epsilon;
        return must;
    }

    /// <summary>
    /// Reduced-cost fixing with the prices of the optimal relaxation, for a target that starts at the
    /// bound; each time CP-SAT proves no clearing reaches it, the bound drops below it and the target
    /// follows (by one for integer weights, else straight to one unit above the incumbent).
    /// </summary>
    private (PartSolution Incumbent, long Bound) FixAndSolve(PartSolution incumbent, double priceSum, long bound)
    {
        ReadMasterValues();
        long target = bound;
        while (target > incumbent.Value && !_context.Expired)
        {
            double slack = priceSum - target;
            // Complementary slackness first: cheap, and at the bound it settles the question.
            var covered = CoverWithPrices(target, slack);
            if (covered is not null && covered.Value > incumbent.Value) incumbent = covered;
            if (incumbent.Value >= bound) return (incumbent, incumbent.Value);
            if (incumbent.Value >= target)
            {
                target = incumbent.Value + 1;
                continue;
            }
            var cycles = new List<int>();
            for (int c = 0; c < _cycles.Count; c++)
            {
                if (CycleReduced(c) >= -slack - _epsilon) cycles.Add(c);
            }
            if (cycles.Count > MaxFixedCycles) break;
            var request = new PicefModel.Request(
                cycles, (u, e, p) => ArcReduced(u, e, p) >= -slack - _epsilon, incumbent.CycleIndices, incumbent.Chains,
                bound, _context.RemainingSeconds, IntegerBackend.Cbc, LowerBound: target, MustCover: MustCover(slack));
            var outcome = PicefModel.Solve(_g, _cycles, _chainDist, _context, request);
            Trace($"target {target}: {cycles.Count} loops, {outcome.Solution.ChainVariables} chain arcs: {outcome.Solution.Value} (proven {outcome.Proven})");
            if (outcome.Solution.Value > incumbent.Value) incumbent = outcome.Solution;
            if (!outcome.Proven)
            {
                // A clearing worth the target or more lies in this model, so it is worth at most the model's bound.
                return (incumbent, Math.Max(incumbent.Value, Math.Min(bound, Math.Max(outcome.Solution.Bound, target - 1))));
            }
            // Every clearing worth the target or more lies in this model: its optimum is the optimum.
            if (outcome.Solution.Value >= target) return (incumbent, incumbent.Value);
            bound = target - 1;
            target = _integralWeights ? bound : incumbent.Value + 1;
        }
        return (incumbent, Math.Max(bound, incumbent.Value));
    }

    /// <summary>The best candidates offered, at most a fixed number: a heap whose root is the worst kept (lowest reduced cost, then highest tie key).</summary>
    private sealed class Best(int capacity)
    {
        private readonly PriorityQueue<long, (double Reduced, long NegatedTie)> _heap = new(Math.Min(capacity, 1 << 16));

        public IEnumerable<(double Reduced, long Id)> Items => _heap.UnorderedItems.Select(x => (x.Priority.Reduced, x.Element));

        /// <summary>The tie-break key of a candidate: a fixed mix of its id (splitmix64's finaliser), non-negative.</summary>
        public static long Tie(long id)
        {
            ulong z = unchecked((ulong)id + 0x9E3779B97F4A7C15UL);
            z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
            z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
            return (long)((z ^ (z >> 31)) >> 1);
        }

        public void Offer(double reduced, long id)
        {
            long negatedTie = -Tie(id);
            if (_heap.Count < capacity)
            {
                _heap.Enqueue(id, (reduced, negatedTie));
                return;
            }
            _heap.TryPeek(out _, out var worst);
            if (reduced < worst.Reduced || (reduced == worst.Reduced && negatedTie <= worst.NegatedTie)) return;
            _heap.DequeueEnqueue(id, (reduced, negatedTie));
        }
    }
}
