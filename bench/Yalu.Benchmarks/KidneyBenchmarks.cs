using BenchmarkDotNet.Attributes;
using Yalu.Engine.Capped;
using Yalu.Formats.PrefLib;
using Yalu.Market.Graphs;

namespace Yalu.Benchmarks;

/// <summary>
/// Capped clearing (k = 3, L = 3) of PrefLib kidney pools from ../shared/data/kidney (or
/// $YALU_SHARED_DATA): Yalu's automatic pipeline against the textbook PICEF model on the same pool,
/// in one process. Run: dotnet run -c Release --project bench/Yalu.Benchmarks -- --filter '*Kidney*'
/// </summary>
[MemoryDiagnoser]
public class KidneyBenchmarks
{
    private WantGraph? _graph;

    [Params("00036-00000091.wmd", "00036-00000131.wmd", "00036-00000171.wmd")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        string root = Environment.GetEnvironmentVariable("YALU_SHARED_DATA") ?? SharedData.Find();
        var parsed = PrefLibReader.ReadFile(Path.Combine(root, "kidney", File));
        _graph = parsed.Value ?? throw new InvalidOperationException("unreadable " + File);
    }

    [Benchmark(Baseline = true)]
    public double Picef() => Solve(CappedFormulation.Picef);

    [Benchmark]
    public double Auto() => Solve(CappedFormulation.Auto);

    private double Solve(CappedFormulation formulation)
    {
        var result = new CappedSolver(new CappedOptions { MaxCycle = 3, MaxChain = 3, Formulation = formulation }).Solve(_graph!);
        if (result.Clearing.Status != ClearingStatus.Optimal) throw new InvalidOperationException($"{formulation} did not prove {File} optimal");
        return result.Objective;
    }
}
