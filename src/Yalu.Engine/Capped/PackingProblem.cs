using Google.OrTools.Sat;
using Mip = Google.OrTools.LinearSolver;

namespace Yalu.Engine.Capped;

/// <summary>
/// A 0/1 model in the shape every capped model takes: Boolean variables with weights, groups of
/// which at most (or exactly) one may be chosen, flow rows "Σ outs ≤ Σ ins", bounds on the total
/// weight and a starting solution; solved by CP-SAT or by CBC (OR-Tools' MIP interface), whichever
/// suits the model. Not thread-safe; build, solve once.
/// </summary>
internal sealed class PackingProblem
{
    private readonly List<long> _weight = [];
    private readonly List<(int[] Members, bool Exactly)> _groups = [];
    private readonly List<(int[] Outs, int[] Ins)> _flows = [];
    private readonly HashSet<int> _hint = [];
    private readonly List<(int[] Variables, long[] Coefficients, long AtLeast)> _rows = [];

    public int Count => _weight.Count;

    /// <summary>Only solutions worth at least this are wanted (0: any).</summary>
    public long LowerBound { get; set; }

    /// <summary>A bound known to hold; the solver may stop once it reaches it.</summary>
    public long UpperBound { get; set; } = long.MaxValue;

    public int Add(long weight)
    {
        _weight.Add(weight);
        return _weight.Count - 1;
    }

    public void Group(List<int> members, bool exactly)
    {
        if (members.Count >= 2 || exactly) _groups.Add(([.. members], exactly));
    }

    public void Flow(List<int> outs, List<int>? ins) => _flows.Add(([.. outs], ins is null ? [] : [.. ins]));

    public void Hint(int variable) => _hint.Add(variable);

    /// <summary>A side row "Σ coefficients × variables ≥ atLeast" (a trader's credit floor).</summary>
    public void AtLeast(int[] variables, long[] coefficients, long atLeast) => _rows.Add((variables, coefficients, atLeast));

    /// <summary>What a solve found: values (null when no solution), the total, a bound over this model, and whether it is proven.</summary>
    /// <param name="Values">The chosen variables, or null.</param>
    /// <param name="Value">Their total weight.</param>
    /// <param name="Bound">The solver's bound over this model (<see cref="LowerBound"/> − 1 when it proved there is no solution worth that).</param>
    /// <param name="Proven">Whether the solver proved its answer: optimal, or no solution within the bounds.</param>
    public readonly record struct Answer(bool[]? Values, long Value, long Bound, bool Proven);

    public Answer Solve(IntegerBackend backend, double seconds, int workers, long seed, bool feasibility) =>
        backend == IntegerBackend.Cbc ? SolveWithCbc(seconds) : SolveWithCpSat(seconds, workers, seed, feasibility);

    private Answer SolveWithCpSat(double seconds, int workers, long seed, bool feasibility)
    {
        var model = new CpModel();
        var vars = new BoolVar[Count];
        for (int i = 0; i < Count; i++)
        {
            vars[i] = model.NewBoolVar("");
            if (_hint.Contains(i)) model.AddHint(vars[i], true);
        }
        foreach (var (members, exactly) in _groups)
        {
            var literals = members.Select(i => (ILiteral)vars[i]);
            if (exactly) model.AddExactlyOne(literals);
            else model.AddAtMostOne(literals);
        }
        foreach (var (outs, ins) in _flows)
        {
            var left = LinearExpr.Sum(outs.Select(i => vars[i]));
            if (ins.Length == 0) model.Add(left == 0);
            else model.Add(left <= LinearExpr.Sum(ins.Select(i => vars[i])));
        }
        foreach (var (members, coefficients, atLeast) in _rows)
            model.Add(LinearExpr.WeightedSum(members.Select(i => vars[i]), coefficients) >= atLeast);
        var objective = LinearExpr.WeightedSum(vars, _weight);
        if (UpperBound < long.MaxValue) model.Add(objective <= UpperBound);
        if (LowerBound > 0) model.Add(objective >= LowerBound);
        model.Maximize(objective);
        var solver = CpSat.Create(seconds, workers, seed, feasibility);
        var status = solver.Solve(model, null);
        if (status == CpSolverStatus.ModelInvalid) throw new InvalidOperationException("invalid CP-SAT model: " + model.Validate());
        if (status == CpSolverStatus.Infeasible) return Infeasible();
        if (!CpSat.HasSolution(status)) return new Answer(null, 0, UpperBound, false);
        var values = new bool[Count];
        for (int i = 0; i < Count; i++) values[i] = solver.BooleanValue(vars[i]);
        long value = Total(values);
        bool proven = status == CpSolverStatus.Optimal;
        long bound = proven ? value : Math.Max(value, (long)Math.Min(UpperBound, Math.Floor(solver.BestObjectiveBound + 1e-6)));
        return new Answer(values, value, bound, proven);
    }

    private Answer SolveWithCbc(double seconds)
    {
        using var solver = Mip.Solver.CreateSolver("CBC") ?? throw new InvalidOperationException("OR-Tools has no CBC solver");
        var vars = new Mip.Variable[Count];
        var objective = solver.Objective();
        objective.SetMaximization();
        bool bounded = UpperBound < long.MaxValue || LowerBound > 0;
        var total = bounded
            ? solver.MakeConstraint(LowerBound > 0 ? LowerBound : double.NegativeInfinity, UpperBound < long.MaxValue ? UpperBound : double.PositiveInfinity, "")
            : null;
        var hintVars = new Mip.MPVariableVector();
        var hintValues = new List<double>();
        for (int i = 0; i < Count; i++)
        {
            vars[i] = solver.MakeBoolVar("");
            objective.SetCoefficient(vars[i], _weight[i]);
            total?.SetCoefficient(vars[i], _weight[i]);
            if (_hint.Contains(i))
            {
                hintVars.Add(vars[i]);
                hintValues.Add(1);
            }
        }
        foreach (var (members, exactly) in _groups)
        {
            var row = solver.MakeConstraint(exactly ? 1 : 0, 1, "");
            foreach (int i in members) row.SetCoefficient(vars[i], 1);
        }
        foreach (var (outs, ins) in _flows)
        {
            var row = solver.MakeConstraint(double.NegativeInfinity, 0, "");
            foreach (int i in outs) row.SetCoefficient(vars[i], 1);
            foreach (int i in ins) row.SetCoefficient(vars[i], -1);
        }
        foreach (var (members, coefficients, atLeast) in _rows)
        {
            var row = solver.MakeConstraint(atLeast, double.PositiveInfinity, "");
            for (int k = 0; k < members.Length; k++) row.SetCoefficient(vars[members[k]], coefficients[k]);
        }
        if (hintVars.Count > 0) solver.SetHint(hintVars, [.. hintValues]);
        solver.SetTimeLimit((long)Math.Clamp(seconds * 1000, 10, int.MaxValue));
        var status = solver.Solve();
        if (status == Mip.Solver.ResultStatus.INFEASIBLE) return Infeasible();
        if (status is not (Mip.Solver.ResultStatus.OPTIMAL or Mip.Solver.ResultStatus.FEASIBLE)) return new Answer(null, 0, UpperBound, false);
        var values = new bool[Count];
        for (int i = 0; i < Count; i++) values[i] = vars[i].SolutionValue() > 0.5;
        long value = Total(values);
        bool proven = status == Mip.Solver.ResultStatus.OPTIMAL;
        long bound = proven ? value : Math.Max(value, (long)Math.Min(UpperBound, Math.Floor(objective.BestBound() + 1e-6)));
        return new Answer(values, value, bound, proven);
    }

    /// <summary>No solution within the bounds; only meaningful when bounds or exact groups restrict the model (else a bug).</summary>
    private Answer Infeasible()
    {
        if (LowerBound <= 0 && !_groups.Any(g => g.Exactly))
            throw new InvalidOperationException("a packing model without a lower bound or must-cover vertices is infeasible, which cannot happen");
        return new Answer(null, 0, LowerBound - 1, true);
    }

    private long Total(bool[] values)
    {
        long total = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i]) total += _weight[i];
        }
        return total;
    }
}
