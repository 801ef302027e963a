using System.Text;
using Yalu.Formats.Bulletins;
using Yalu.Formats.PrefLib;
using Yalu.Formats.Setoff;
using Yalu.Formats.TradeMaximizer;

namespace Yalu.Fuzz;

/// <summary>
/// Every reader of outside input, one line each. A reader that lands later (bundles) is fuzzed by
/// adding its line here, e.g. <c>new("bundle", [".bundle"], b => ResultChecks.Check(BundleReader.Read(b, "fuzz.bundle")))</c>.
/// </summary>
internal static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("trademaximizer", [".txt"], b => ResultChecks.Check(TradeMaximizerReader.Read(b, "fuzz.txt"), d => d.Graph)),
        new("preflib", [".wmd"], b => ResultChecks.Check(PrefLibReader.Read(b, "fuzz.wmd"), g => g)),
        new("kidney", [".input"], KidneyInput.Run, KidneyInput.Seed),
        new("setoff", [".csv"], b => { var r = ObligationListReader.Read(b, "fuzz.csv"); ResultChecks.Check(r); if (r.Value is { } list) ResultChecks.CheckObligations(list); }),
        new("bulletin", [".bulletin"], b => ResultChecks.Check(BulletinText.Check(Encoding.UTF8.GetString(b), "fuzz.bulletin").Result)),
        new("card", [".card-seed"], SyncFuzz.Card, SyncFuzz.Seed),
        new("bundle", [".bundle-seed"], SyncFuzz.Bundle, SyncFuzz.Seed),
        new("bundle-body", [".body-seed"], SyncFuzz.Body, SyncFuzz.Seed),
        new("replica", [".replica-seed"], ReplicaFuzz.Run, ReplicaFuzz.Seed),
    ];

    /// <summary>The target named <paramref name="name"/> (any case), or null.</summary>
    public static FuzzTarget? Find(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));
}
