using BenchmarkDotNet.Attributes;
using Yalu.Engine;
using Yalu.Formats.TradeMaximizer;

namespace Yalu.Benchmarks;

/// <summary>
/// The math-trade pipeline on real want lists from ../shared/data/mathtrade (or $YALU_SHARED_DATA):
/// reading, solving, and both. Run: dotnet run -c Release --project bench/Yalu.Benchmarks -- --filter '*MathTrade*'
/// </summary>
[MemoryDiagnoser]
public class MathTradeBenchmarks
{
    private byte[] _bytes = [];
    private WantListDocument? _document;

    [Params("olwlg-286149-uk-2021-06", "pl-mathandel-ragan", "tm-onewant-2007")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        string root = Environment.GetEnvironmentVariable("YALU_SHARED_DATA") ?? SharedData.Find();
        _bytes = System.IO.File.ReadAllBytes(Path.Combine(root, "mathtrade", File + ".txt"));
        _document = TradeMaximizerReader.Read(_bytes, File).Value ?? throw new InvalidOperationException("unreadable " + File);
    }

    [Benchmark]
    public int Read() => TradeMaximizerReader.Read(_bytes, File).Value!.Graph.ItemCount;

    [Benchmark]
    public int Solve() => new MathTradeSolver().Solve(_document!.Graph).Loops.Count;

    [Benchmark]
    public int ReadAndSolve() => new MathTradeSolver().Solve(TradeMaximizerReader.Read(_bytes, File).Value!.Graph).Loops.Count;
}
