using System.Globalization;
using System.Text.Json;
using Xunit;

namespace Yalu.Tests;

/// <summary>
/// Every row of ../shared/data/kidney/expected.tsv cleared through the command line with its (k, L):
/// status optimal, the listed optimum, and a clearing that an independent check of the instance
/// file accepts (every arc exists, loops of at most k, chains of at most L legs from a donor, no
/// item twice, weights adding up to the objective).
/// </summary>
public sealed class KidneyDataTests
{
    /// <summary>One case per expected.tsv row ("file k L"); a placeholder when the data is missing, so the test still runs (and fails under CI).</summary>
    public static TheoryData<string, int, int> Rows()
    {
        var data = new TheoryData<string, int, int>();
        string? root = SharedData.Root;
        string tsv = root is null ? "" : Path.Combine(root, "kidney", "expected.tsv");
        if (!File.Exists(tsv))
        {
            data.Add("(data missing)", 3, 3);
            return data;
        }
        foreach (string line in File.ReadAllLines(tsv).Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split('\t');
            data.Add(cells[0], int.Parse(cells[4], CultureInfo.InvariantCulture), int.Parse(cells[5], CultureInfo.InvariantCulture));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Clear_reaches_the_listed_optimum_with_a_valid_clearing(string file, int k, int l)
    {
        string folder = SharedData.Require("kidney");
        var expected = SharedData.Expected("kidney").Single(r =>
            r["file"] == file && r["k"] == k.ToString(CultureInfo.InvariantCulture) && r["L"] == l.ToString(CultureInfo.InvariantCulture));
        double optimum = double.Parse(expected["optimum"], CultureInfo.InvariantCulture);
        string path = Path.Combine(folder, file);

        var run = CliRun.Run(["clear", path, "--max-cycle", k.ToString(CultureInfo.InvariantCulture),
            "--max-chain", l.ToString(CultureInfo.InvariantCulture), "--json", "--quiet"]);
        Assert.True(run.Code == 0, run.Stderr);
        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.Equal("optimal", root.GetProperty("status").GetString());
        Assert.Equal(optimum, root.GetProperty("objective").GetDouble(), 6);
        Assert.Equal(optimum, root.GetProperty("bound").GetDouble(), 6);

        var instance = Instance.Read(path);
        Assert.Equal(int.Parse(expected["pairs"], CultureInfo.InvariantCulture), instance.Pairs);
        Assert.Equal(int.Parse(expected["donors"], CultureInfo.InvariantCulture), instance.Donors.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        double total = 0;
        int moved = 0;
        foreach (var loop in root.GetProperty("loops").EnumerateArray())
        {
            var items = loop.EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.InRange(items.Length, 2, k);
            foreach (string item in items)
            {
                Assert.True(seen.Add(item), $"{item} moves twice");
                Assert.DoesNotContain(item, instance.Donors);
            }
            // Receive order: the owner of items[i] receives items[i + 1], so the arc is items[i + 1] → items[i].
            for (int i = 0; i < items.Length; i++) total += instance.Weight(items[(i + 1) % items.Length], items[i]);
            moved += items.Length;
        }
        foreach (var chain in root.GetProperty("chains").EnumerateArray())
        {
            var items = chain.EnumerateArray().Select(e => e.GetString()!).ToArray();
            Assert.InRange(items.Length - 1, 1, l);
            Assert.Contains(items[^1], instance.Donors);
            foreach (string item in items) Assert.True(seen.Add(item), $"{item} moves twice");
            for (int i = 0; i < items.Length - 1; i++)
            {
                Assert.DoesNotContain(items[i], instance.Donors);
                total += instance.Weight(items[i + 1], items[i]);
            }
            moved += items.Length - 1;
        }
        Assert.Equal(optimum, total, 6);
        Assert.Equal(int.Parse(expected["transplants"], CultureInfo.InvariantCulture), moved);
    }

    /// <summary>
    /// CBC prints "row inf"/"column inf" lines with printf on this pool; run as a real process, the
    /// JSON on standard output must stay valid (that chatter goes to standard error).
    /// </summary>
    [Fact]
    public async Task Json_stays_valid_when_the_native_solver_prints()
    {
        string path = Path.Combine(SharedData.Require("kidney"), "00036-00000151.wmd");
        var start = new System.Diagnostics.ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string arg in (string[])[Path.Combine(AppContext.BaseDirectory, "yalu.dll"), "clear", path, "--max-cycle", "3", "--max-chain", "3", "--formulation", "picef", "--json", "--quiet"])
            start.ArgumentList.Add(arg);
        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        string stdout = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, await stderr);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal(166, doc.RootElement.GetProperty("objective").GetDouble());
    }

    /// <summary>
    /// The arcs of an instance, read here independently of Yalu's readers: named as Yalu's JSON
    /// names items (a .wmd vertex by its 1-based number, a kidney_solver pair by its 0-based id, an
    /// altruist as "D" plus its 0-based id).
    /// </summary>
    private sealed class Instance
    {
        private readonly Dictionary<(string From, string To), double> _arcs = [];

        public int Pairs { get; private set; }

        public HashSet<string> Donors { get; } = new(StringComparer.Ordinal);

        public double Weight(string from, string to)
        {
            Assert.True(_arcs.TryGetValue((from, to), out double w), $"no arc {from} → {to}");
            Assert.False(Donors.Contains(to), $"an arc into the donor {to} used as a transfer");
            return w;
        }

        public static Instance Read(string path)
        {
            var instance = new Instance();
            var lines = File.ReadAllLines(path);
            if (path.EndsWith(".wmd", StringComparison.Ordinal)) instance.ReadWmd(lines);
            else instance.ReadKidneySolver(lines, Path.ChangeExtension(path, ".ndds"));
            return instance;
        }

        private void ReadWmd(string[] lines)
        {
            if (!lines[0].StartsWith('#'))
            {
                // Old layout: "n,m", n lines "i,name" (1-based), then arcs with 0-based vertices.
                int n = int.Parse(lines[0].Split(',')[0], CultureInfo.InvariantCulture);
                for (int i = 1; i <= n; i++)
                {
                    var (id, name) = Split(lines[i], ',');
                    Classify(id, name);
                }
                ReadWmdArcs(lines.Skip(n + 1), 1);
                return;
            }
            foreach (string line in lines.Where(l => l.StartsWith("# ALTERNATIVE NAME ", StringComparison.Ordinal)))
            {
                var (id, name) = Split(line["# ALTERNATIVE NAME ".Length..], ':');
                Classify(id, name);
            }
            ReadWmdArcs(lines.Where(l => !l.StartsWith('#')), 0);
        }

        private void ReadWmdArcs(IEnumerable<string> lines, int offset)
        {
            foreach (string line in lines)
            {
                var cells = line.Trim().Split(',');
                if (cells.Length < 3) continue;
                string from = (int.Parse(cells[0], CultureInfo.InvariantCulture) + offset).ToString(CultureInfo.InvariantCulture);
                string to = (int.Parse(cells[1], CultureInfo.InvariantCulture) + offset).ToString(CultureInfo.InvariantCulture);
                _arcs[(from, to)] = double.Parse(cells[2], CultureInfo.InvariantCulture);
            }
        }

        private void Classify(string id, string name)
        {
            if (name.StartsWith("Alturist", StringComparison.OrdinalIgnoreCase) || name.StartsWith("Altruist", StringComparison.OrdinalIgnoreCase)) Donors.Add(id);
            else Pairs++;
        }

        private static (string Id, string Name) Split(string text, char separator)
        {
            int at = text.IndexOf(separator, StringComparison.Ordinal);
            return (text[..at].Trim(), text[(at + 1)..].Trim());
        }

        private void ReadKidneySolver(string[] lines, string ndds)
        {
            Pairs = int.Parse(lines[0].Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
            ReadArcs(lines, "");
            if (!File.Exists(ndds)) return;
            var donorLines = File.ReadAllLines(ndds);
            int donors = int.Parse(donorLines[0].Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[0], CultureInfo.InvariantCulture);
            for (int d = 0; d < donors; d++) Donors.Add("D" + d.ToString(CultureInfo.InvariantCulture));
            ReadArcs(donorLines, "D");
        }

        private void ReadArcs(string[] lines, string fromPrefix)
        {
            foreach (string line in lines.Skip(1))
            {
                var cells = line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries);
                if (cells.Length < 3 || cells[0] == "-1") continue;
                _arcs[(fromPrefix + cells[0], cells[1])] = double.Parse(cells[2], CultureInfo.InvariantCulture);
            }
        }
    }
}
