using Yalu.Market.Graphs;

namespace Yalu.Engine.Tests;

/// <summary>Small want graphs written as text: "A:B C" means A wants B then C, at costs 1, 2, …</summary>
internal static class GraphFactory
{
    public const long NonTrade = 1_000_000_000L;

    /// <summary>
    /// Each line is "owner item: want want …". Items starting with '%' are dummies (private to their owner).
    /// Costs are the 1-based positions in the list unless given as "name=cost".
    /// </summary>
    public static WantGraph Parse(params string[] lines)
    {
        var builder = new WantGraphBuilder(NonTrade);
        var parsed = new List<(int Item, string[] Wants)>();
        foreach (string line in lines)
        {
            var halves = line.Split(':');
            var head = halves[0].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int owner = builder.User(head[0]);
            int item = builder.AddItem(head[1], head[1], owner, head[1].StartsWith('%'));
            parsed.Add((item, halves.Length > 1 ? halves[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) : []));
        }
        foreach (var (item, wants) in parsed)
        {
            for (int k = 0; k < wants.Length; k++)
            {
                var parts = wants[k].Split('=');
                long cost = parts.Length > 1 ? long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) : k + 1;
                if (builder.IsDummyItem(item)) cost = NonTrade;
                builder.AddWant(item, builder.Find(parts[0]), cost);
            }
        }
        return builder.Build();
    }

    public static string[] Names(WantGraph graph, Exchange exchange) =>
        [.. exchange.Items.Select(graph.ItemName)];
}
