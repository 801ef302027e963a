using Yalu.Formats;
using Yalu.Formats.Setoff;
using Yalu.Market.Graphs;

namespace Yalu.Fuzz;

/// <summary>
/// The cheap checks every read result must pass, so that a reader that returns nonsense is caught as
/// surely as one that throws: a value exactly when there is no error, every diagnostic placed on a real
/// line with a code and a message, and a graph whose wants point at items, with non-negative costs and
/// finite non-negative weights, and no item wanting itself.
/// </summary>
internal static class ResultChecks
{
    /// <summary>The checks on any read result: for readers whose value holds no want graph.</summary>
    public static void Check<T>(ParseResult<T> result)
        where T : class
    {
        if (result.Success != (result.Errors.Count == 0))
            Fail($"Success is {result.Success} with {result.Errors.Count} errors");
        foreach (var d in result.Errors.Concat(result.Warnings)) CheckDiagnostic(d);
    }

    /// <summary>The checks on a read result and on the want graph its value holds.</summary>
    public static void Check<T>(ParseResult<T> result, Func<T, WantGraph> graphOf)
        where T : class
    {
        Check(result);
        if (result.Value is not null) CheckGraph(graphOf(result.Value));
    }

    private static void CheckDiagnostic(FormatDiagnostic d)
    {
        if (d.Line < 1 || d.Column < 0) Fail($"diagnostic at line {d.Line}, column {d.Column}: {d}");
        if (string.IsNullOrWhiteSpace(d.Code) || string.IsNullOrWhiteSpace(d.Message) || string.IsNullOrEmpty(d.Source))
            Fail($"diagnostic without code, message or source: {d}");
        _ = d.ToString();
    }

    private static void CheckGraph(WantGraph graph)
    {
        int n = graph.ItemCount;
        for (int item = 0; item < n; item++)
        {
            _ = graph.ItemName(item);
            int owner = graph.Owner(item);
            if (owner < -1 || owner >= graph.UserCount) Fail($"item {item} has owner {owner} of {graph.UserCount} users");
            var wants = graph.WantsOf(item);
            var costs = graph.CostsOf(item);
            var weights = graph.WeightsOf(item);
            if (costs.Length != wants.Length || weights.Length != wants.Length) Fail($"item {item}: wants, costs and weights differ in length");
            for (int k = 0; k < wants.Length; k++)
            {
                if ((uint)wants[k] >= (uint)n) Fail($"item {item} wants item {wants[k]} of {n}");
                if (wants[k] == item) Fail($"item {item} wants itself");
                if (costs[k] < 0) Fail($"item {item} wants item {wants[k]} at cost {costs[k]}");
                if (!double.IsFinite(weights[k]) || weights[k] < 0) Fail($"item {item} wants item {wants[k]} with weight {weights[k]}");
            }
        }
    }

    /// <summary>
    /// The checks on an obligation list: one name per party, one id per obligation when there are ids,
    /// every obligation between two different parties in range with a positive amount, and the totals
    /// the network reports equal to what its obligations add up to.
    /// </summary>
    public static void CheckObligations(ObligationList list)
    {
        var network = list.Network;
        if (list.Parties.Count != network.PartyCount) Fail($"{list.Parties.Count} names for {network.PartyCount} parties");
        if (list.Ids is { } ids && ids.Count != network.Count) Fail($"{ids.Count} ids for {network.Count} obligations");
        if (list.Parties.Distinct(StringComparer.Ordinal).Count() != list.Parties.Count) Fail("two parties have the same name");
        long total = 0;
        var positions = new long[network.PartyCount];
        foreach (var o in network.Obligations)
        {
            if ((uint)o.Debtor >= (uint)network.PartyCount || (uint)o.Creditor >= (uint)network.PartyCount) Fail($"party out of range in {o}");
            if (o.Debtor == o.Creditor) Fail($"self-debt {o}");
            if (o.Amount <= 0) Fail($"amount not positive in {o}");
            total = checked(total + o.Amount);
            positions[o.Debtor] -= o.Amount;
            positions[o.Creditor] += o.Amount;
        }
        if (total != network.TotalDebt) Fail($"total debt {network.TotalDebt}, obligations add up to {total}");
        if (positions.Where(p => p > 0).Sum() != network.NetInternalDebt) Fail("net internal debt differs from the positions");
    }

    private static void Fail(string message) => throw new InvariantViolationException(message);
}
