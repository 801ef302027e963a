using Google.OrTools.LinearSolver;

namespace Yalu.Clearing.Capped;

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
    /// <summary>Reduced costs above this (in scaled weight units, where weights are integers) count as positive.</summary>
    private const double Epsilon = 1e-6;

    /// <summary>Most new columns through one vertex in one round.</summary>
    private const int PerVertexPerRound = 3;

    /// <summary>Most loops reduced-cost fixing may leave for CP-SAT before the solver settles for a bound.</summary>
    private const int MaxFixedCycles = 3_000_000;

    /// <summary>Time CP-SAT gets to find a clearing at the bound among the master's columns before the exact step.</summary>
    private static readonly double MasterPackingSeconds = double.Parse(Environment.GetEnvironmentVariable("YALU_MASTER_S") ?? "10", System.Globalization.CultureInfo.InvariantCulture);

    private static readonly bool Debug = Environment.GetEnvironmentVariable("YALU_DEBUG") is not null;

    private readonly GiftGraph _g;
    private readonly CycleSet _cycles;
    private readonly int[] _chainDist;
    private readonly bool _integralWeights;
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
    private readonly List<double> _candidateReduced = [];
    private readonly List<long> _candidateId = [];
    private readonly Dictionary<int, double> _cycleValue = [];
    private readonly Dictionary<long, double> _arcValue = [];
    private bool _masterSolved;

    public ColumnGeneration(GiftGraph g, CycleSet cycles, int[] chainDist, bool integralWeights, SolveContext context)
    {
        _g = g;
        _cycles = cycles;
        _chainDist = chainDist;
        _integralWeights = integralWeights;
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
            Trace($"master at {bound}: {(packed is null ? "none" : packed.Value)}");
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
        if (Debug) Console.Error.WriteLine($"[cg {_context.Elapsed.TotalMilliseconds:0}ms] {message}");
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
        _objective.SetCoefficient(x, _cycles.Weight[c]);
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
        _objective.SetCoefficient(y, _g.OutWeight[e]);
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
            var status = _lp.Solve();
            _masterSolved = status == Solver.ResultStatus.OPTIMAL;
            if (!_masterSolved) return new Relaxation(false, long.MaxValue, double.NaN);
            double priceSum = 0;
            for (int v = 0; v < _capacity.Length; v++)
            {
                _price[v] = Math.Max(0, _capacity[v].DualValue());
                priceSum += _price[v];
            }
            for (int i = 0; i < _flow.Length; i++) _flowPrice[i] = _flow[i] is { } row ? Math.Max(0, row.DualValue()) : 0;
            Trace($"round {Rounds} z={_objective.Value():0.####} columns={_vars.Count}");
            if (_objective.Value() >= stopAt - Epsilon) return new Relaxation(false, long.MaxValue, priceSum);
            if (PriceAndAdd() > 0) continue;
            // Every reduced cost is at most Epsilon, and a clearing has fewer columns than vertices.
            double slack = (_capacity.Length * Epsilon) + (1e-9 * Math.Abs(priceSum)) + 1e-6;
            return new Relaxation(true, (long)Math.Floor(priceSum + slack), priceSum);
        }
    }

    /// <summary>
    /// Prices every loop and arc position and adds the best that price out: up to about two per vertex,
    /// best reduced cost first, no vertex in more than <see cref="PerVertexPerRound"/> of them.
    /// </summary>
    private int PriceAndAdd()
    {
        _candidateReduced.Clear();
        _candidateId.Clear();
        var start = _cycles.Start;
        var vertices = _cycles.Vertices;
        var weight = _cycles.Weight;
        var price = _price;
        for (int c = 0; c < _cycles.Count; c++)
        {
            double reduced = weight[c];
            int end = start[c + 1];
            for (int i = start[c]; i < end; i++) reduced -= price[vertices[i]];
            if (reduced <= Epsilon || _cycleInMaster[c]) continue;
            _candidateReduced.Add(reduced);
            _candidateId.Add(c);
        }
        for (int u = 0; u < _g.VertexCount; u++)
        {
            if (!GraphReduction.IsChainArc(_g, _chainDist, u, _maxChain)) continue;
            var (first, last) = DirectModel.Positions(_g, _chainDist, u, _maxChain);
            for (int e = _g.OutStart[u]; e < _g.OutStart[u + 1]; e++)
            {
                for (int p = first; p <= last; p++)
                {
                    double reduced = ArcReduced(u, e, p);
                    if (reduced <= Epsilon || _arcInMaster.Contains(ArcKey(e, p))) continue;
                    _candidateReduced.Add(reduced);
                    _candidateId.Add(-1 - ArcKey(e, p));
                }
            }
        }
        int count = _candidateId.Count;
        if (count == 0) return 0;
        int limit = 2 * _g.VertexCount;
        Array.Clear(_roundCount);
        int added = 0;
        foreach (int i in SelectTop(Math.Min(count, 4 * limit)))
        {
            long id = _candidateId[i];
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

    /// <summary>
    /// Indices of about the <paramref name="wanted"/> candidates of highest reduced cost, sorted (ties by
    /// id, for determinism). A histogram of the reduced costs finds the cut-off, so only those near the
    /// top are sorted.
    /// </summary>
    private int[] SelectTop(int wanted)
    {
        int count = _candidateId.Count;
        double max = 0;
        for (int i = 0; i < count; i++) max = Math.Max(max, _candidateReduced[i]);
        const int Buckets = 1024;
        var histogram = new int[Buckets];
        double scale = (Buckets - 1) / max;
        for (int i = 0; i < count; i++) histogram[(int)(_candidateReduced[i] * scale)]++;
        int cut = Buckets - 1, above = histogram[cut];
        while (cut > 0 && above < wanted) above += histogram[--cut];
        var picked = new List<int>(above);
        for (int i = 0; i < count; i++)
        {
            if ((int)(_candidateReduced[i] * scale) >= cut) picked.Add(i);
        }
        var result = picked.ToArray();
        Array.Sort(result, (a, b) =>
        {
            int byCost = _candidateReduced[b].CompareTo(_candidateReduced[a]);
            return byCost != 0 ? byCost : _candidateId[a].CompareTo(_candidateId[b]);
        });
        return result;
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
        var solution = new PartSolution();
        foreach (int c in cycles)
        {
            solution.Cycles.Add(_cycles.Of(c).ToArray());
            solution.CycleIndices.Add(c);
        }
        for (int d = 0; d < _g.VertexCount; d++)
        {
            if (!_g.IsDonor[d] || !successor.ContainsKey(d)) continue;
            var chain = new List<int> { d };
            for (int v = d; chain.Count <= _maxChain && successor.TryGetValue(v, out int next); v = next) chain.Add(next);
            solution.Chains.Add([.. chain]);
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
        double slack = _objective.Value() - target;
        if (slack < -Epsilon) return null;
        _cycleValue.Clear();
        _arcValue.Clear();
        for (int j = 0; j < _vars.Count; j++)
        {
            double x = _vars[j].SolutionValue();
            if (x <= 1e-9) continue;
            if (_columnCycle[j] >= 0) _cycleValue[_columnCycle[j]] = x;
            else _arcValue[_columnArc[j]] = x;
        }
        var cycles = new List<int>();
        foreach (int c in _columnCycle)
        {
            if (c >= 0 && CycleReduced(c) >= -slack - Epsilon) cycles.Add(c);
        }
        if (Debug)
        {
            var hist = new SortedDictionary<double, int>();
            foreach (var x in _cycleValue.Values.Concat(_arcValue.Values)) { double k = Math.Round(x, 3); hist[k] = hist.GetValueOrDefault(k) + 1; }
            Trace("x histogram: " + string.Join(" ", hist.Select(kv => $"{kv.Key}:{kv.Value}")));
        }
        if (Environment.GetEnvironmentVariable("YALU_DIVE") is not null)
        {
            var dived = Dive(target, slack, cycles);
            Trace($"dive: {(dived is null ? "none" : dived.Value)}");
            if (dived is not null && dived.Value >= target) return dived;
        }
        if (ExactCoverHook is { } hook)
        {
            var options = new List<int[]>(); var scores = new List<double>();
            foreach (int c in cycles) { options.Add(_cycles.Of(c).ToArray()); scores.Add(_cycleValue.GetValueOrDefault(c)); }
            hook(_g.VertexCount, options, [.. scores], MustCover(slack));
        }
        var hint = RoundedMaster();
        var request = new DirectModel.Request(
            cycles, (u, e, p) => _arcInMaster.Contains(ArcKey(e, p)) && ArcReduced(u, e, p) >= -slack - Epsilon,
            hint.CycleIndices, hint.Chains, target, Math.Min(_context.RemainingSeconds, MasterPackingSeconds),
            LowerBound: target, MustCover: MustCover(slack), CycleScore: c => _cycleValue.GetValueOrDefault(c), ArcScore: (e, p) => _arcValue.GetValueOrDefault(ArcKey(e, p)));
        var outcome = DirectModel.Solve(_g, _cycles, _chainDist, _context, request);
        return outcome.Solution.Value >= target ? outcome.Solution : null;
    }

    /// <summary>Experimental: an LP dive over the master's zero-slack columns.</summary>
    private PartSolution? Dive(long target, double slack, List<int> cycles)
    {
        using var lp = Solver.CreateSolver("GLOP")!;
        lp.SetSolverSpecificParametersAsString("use_preprocessing:false");
        int n = _g.VertexCount;
        var must = MustCover(slack);
        var rows = new Constraint[n];
        for (int v = 0; v < n; v++) rows[v] = lp.MakeConstraint(must[v] ? 1 : 0, 1, "");
        var flows = new Dictionary<int, Constraint>();
        Constraint Flow(int u, int p)
        {
            int key = FlowRow(u, p);
            if (!flows.TryGetValue(key, out var row))
            {
                bool tight = _flowPrice[key] > slack + Epsilon;
                flows[key] = row = lp.MakeConstraint(tight ? 0 : double.NegativeInfinity, 0, "");
            }
            return row;
        }
        var obj = lp.Objective();
        obj.SetMaximization();
        var vars = new List<Variable>();
        var colCycle = new List<int>();
        var colArc = new List<long>();
        foreach (int c in cycles)
        {
            var x = lp.MakeNumVar(0, 1, "");
            obj.SetCoefficient(x, _cycles.Weight[c]);
            foreach (int v in _cycles.Of(c)) rows[v].SetCoefficient(x, 1);
            vars.Add(x); colCycle.Add(c); colArc.Add(-1);
        }
        foreach (long key in _arcInMaster)
        {
            int e = (int)(key / (_maxChain + 1)), p = (int)(key % (_maxChain + 1));
            int u = _arcTail[e], v = _g.OutTo[e];
            if (ArcReduced(u, e, p) < -slack - Epsilon) continue;
            var y = lp.MakeNumVar(0, 1, "");
            obj.SetCoefficient(y, _g.OutWeight[e]);
            rows[v].SetCoefficient(y, 1);
            if (_g.IsDonor[u]) rows[u].SetCoefficient(y, 1);
            else Flow(u, p - 1).SetCoefficient(y, 1);
            if (p < _maxChain) Flow(v, p).SetCoefficient(y, -1);
            vars.Add(y); colCycle.Add(-1); colArc.Add(key);
        }
        var fixedStack = new List<int>();
        int steps = 0, backtracks = 0;
        var sw = System.Diagnostics.Stopwatch.StartNew();
        while (steps++ < 2000)
        {
            var status = lp.Solve();
            double z = status == Solver.ResultStatus.OPTIMAL ? obj.Value() : double.NegativeInfinity;
            if (z < target - 1e-6)
            {
                if (fixedStack.Count == 0 || ++backtracks > 50) { Trace($"dive failed after {steps} steps, {backtracks} backtracks, {sw.ElapsedMilliseconds} ms"); return null; }
                int last = fixedStack[^1];
                fixedStack.RemoveAt(fixedStack.Count - 1);
                vars[last].SetBounds(0, 0);
                continue;
            }
            int best = -1;
            double bestX = 0;
            for (int j = 0; j < vars.Count; j++)
            {
                double x = vars[j].SolutionValue();
                if (x > 1e-6 && x < 1 - 1e-6 && x > bestX) { best = j; bestX = x; }
            }
            if (best < 0)
            {
                Trace($"dive integral after {steps} steps, {backtracks} backtracks, {sw.ElapsedMilliseconds} ms");
                var cyc = new List<int>();
                var succ = new Dictionary<int, int>();
                for (int j = 0; j < vars.Count; j++)
                {
                    if (vars[j].SolutionValue() < 0.5) continue;
                    if (colCycle[j] >= 0) cyc.Add(colCycle[j]);
                    else { int e = (int)(colArc[j] / (_maxChain + 1)); succ[_arcTail[e]] = _g.OutTo[e]; }
                }
                var sol = new PartSolution();
                foreach (int c in cyc) { sol.Cycles.Add(_cycles.Of(c).ToArray()); sol.CycleIndices.Add(c); }
                for (int d = 0; d < n; d++)
                {
                    if (!_g.IsDonor[d] || !succ.ContainsKey(d)) continue;
                    var chain = new List<int> { d };
                    for (int v = d; chain.Count <= _maxChain && succ.TryGetValue(v, out int nx); v = nx) chain.Add(nx);
                    sol.Chains.Add([.. chain]);
                }
                sol.Value = SolutionValue.Of(_g, sol, _context.Options.MaxCycle, _context.Options.MaxChain);
                return sol;
            }
            vars[best].SetBounds(1, 1);
            fixedStack.Add(best);
        }
        return null;
    }

    /// <summary>Vertices priced above <paramref name="slack"/>: a clearing within that slack of Σπ uses every one of them.</summary>
    private bool[] MustCover(double slack)
    {
        var must = new bool[_price.Length];
        for (int v = 0; v < must.Length; v++) must[v] = _price[v] > slack + Epsilon;
        return must;
    }

    /// <summary>
    /// Reduced-cost fixing with the prices of the optimal relaxation, for a target that starts at the
    /// bound; each time CP-SAT proves no clearing reaches it, the bound drops below it and the target
    /// follows (by one for integer weights, else straight to one unit above the incumbent).
    /// </summary>
    internal static Action<GiftGraph, CycleSet, double[], double[], int[]>? DebugHook { get; set; }

    internal static Action<int, List<int[]>, double[], bool[]>? ExactCoverHook { get; set; }

    private (PartSolution Incumbent, long Bound) FixAndSolve(PartSolution incumbent, double priceSum, long bound)
    {
        DebugHook?.Invoke(_g, _cycles, _price, _flowPrice, _chainDist);
        if (Debug)
        {
            for (int i = 0; i < 3; i++)
            {
                var sw = System.Diagnostics.Stopwatch.StartNew();
                _lp.Solve();
                Trace($"re-solve {sw.ElapsedMilliseconds} ms, iterations {_lp.Iterations()}");
            }
            _vars[^1].SetLb(1);
            var sw2 = System.Diagnostics.Stopwatch.StartNew();
            var st = _lp.Solve();
            Trace($"fixed one: {st} {_objective.Value()} {sw2.ElapsedMilliseconds} ms, iterations {_lp.Iterations()}");
            _vars[^1].SetLb(0);
        }
        long target = bound;
        while (target > incumbent.Value && !_context.Expired)
        {
            double slack = priceSum - target;
            var cycles = new List<int>();
            for (int c = 0; c < _cycles.Count; c++)
            {
                if (CycleReduced(c) >= -slack - Epsilon) cycles.Add(c);
            }
            if (cycles.Count > MaxFixedCycles) break;
            var request = new DirectModel.Request(
                cycles, (u, e, p) => ArcReduced(u, e, p) >= -slack - Epsilon, incumbent.CycleIndices, incumbent.Chains,
                bound, _context.RemainingSeconds, LowerBound: target, MustCover: MustCover(slack));
            var outcome = DirectModel.Solve(_g, _cycles, _chainDist, _context, request);
            Trace($"target {target}: {cycles.Count} loops, {outcome.Solution.ChainVariables} chain arcs: {outcome.Solution.Value} (proven {outcome.Proven})");
            if (outcome.Solution.Value > incumbent.Value) incumbent = outcome.Solution;
            if (incumbent.Value >= target) return (incumbent, incumbent.Value);
            if (!outcome.Proven) return (incumbent, bound);
            bound = target - 1;
            target = _integralWeights ? bound : incumbent.Value + 1;
        }
        return (incumbent, Math.Max(bound, incumbent.Value));
    }
}
