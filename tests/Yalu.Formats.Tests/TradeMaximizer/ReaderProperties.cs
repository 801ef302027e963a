using System.Text;
using CsCheck;
using Xunit;
using Yalu.Formats.TradeMaximizer;

namespace Yalu.Formats.Tests.TradeMaximizer;

/// <summary>
/// Invariants of the reader over generated want-list files: it never throws, and the graph holds
/// exactly the wants the rules accept, at the costs the priority scheme gives them.
/// </summary>
public sealed class ReaderProperties
{
    private static readonly string[] Users = ["ann", "bob lee", "Cy"];
    private static readonly string[] Schemes = ["", "LINEAR-PRIORITIES", "TRIANGLE-PRIORITIES", "SQUARE-PRIORITIES", "SCALED-PRIORITIES"];

    /// <summary>One want list: owner (3 = none), item, whether it is a dummy, colon, case, and coded wants.</summary>
    private sealed record ListSpec(int User, int Name, bool Dummy, bool Colon, bool Upper, int[] Wants);

    private sealed record FileSpec(bool AllowDummies, int Scheme, ListSpec[] Lists);

    private static readonly Gen<ListSpec> GenList = Gen.Select(
        Gen.Int[0, 3], Gen.Int[0, 7], Gen.Int[0, 4].Select(d => d == 0), Gen.Bool, Gen.Bool, Gen.Int[0, 99].Array[0, 8],
        (user, name, dummy, colon, upper, wants) => new ListSpec(user, name, dummy, colon, upper, wants));

    private static readonly Gen<FileSpec> GenFile = Gen.Select(
        Gen.Bool, Gen.Int[0, Schemes.Length - 1], GenList.Array[0, 10],
        (allow, scheme, lists) => new FileSpec(allow, scheme, lists));

    [Fact]
    public void Graph_has_exactly_the_wants_the_rules_accept()
    {
        GenFile.Sample(file =>
        {
            string text = Text(file);
            var result = TradeMaximizerReader.ReadText(text);

            Assert.True(result.Errors.Count == 0, string.Join("; ", result.Errors));
            var graph = result.Value!.Graph;
            var model = Model(file);
            Assert.Equal(model.Select(i => i.Key), Enumerable.Range(0, graph.ItemCount).Select(graph.ItemName));
            for (int i = 0; i < graph.ItemCount; i++)
            {
                Assert.Equal(model[i].Dummy, graph.IsDummy(i));
                Assert.Equal(model[i].Owner, graph.Owner(i) < 0 ? null : graph.UserName(graph.Owner(i)));
                var wants = graph.WantsOf(i).ToArray().Select(graph.ItemName).Zip(graph.CostsOf(i).ToArray());
                Assert.Equal(model[i].Wants, wants);
            }
        }, iter: 2000, print: Text);
    }

    [Fact]
    public void Reader_never_throws_on_fragments_of_the_syntax()
    {
        var fragment = Gen.OneOf(
            "(ann)", "(bob lee)", "(", ")", "a", "B", "c=2", "=", "%g", "%G", ":", ";", "#", "#!", " ", "\t",
            "ALLOW-DUMMIES", "EXPLICIT-PRIORITIES", "CASE-SENSITIVE", "REQUIRE-COLONS", "SCALED-PRIORITIES", "BIG-STEP=0",
            "!BEGIN-OFFICIAL-NAMES", "!END-OFFICIAL-NAMES", "\u00e4", "\r", "\n", "\r\n", "\u001a");
        var gen = Gen.Select(fragment.Array[0, 6], fragments => string.Join(' ', fragments)).Array[0, 12]
            .Select(lines => string.Join('\n', lines));

        gen.Sample(text => CheckOutcome(TradeMaximizerReader.ReadText(text)), iter: 5000, print: text => text);
    }

    [Fact]
    public void Reader_never_throws_on_arbitrary_bytes()
    {
        var alphabet = Gen.OneOf<byte>([.. "ab%():;#!= \t\r\n="u8.ToArray(), 0xE4, 0xC3, 0xA4, 0xEF, 0xBB, 0xBF, 0x1A, 0x00, 0xFF]);

        alphabet.Array[0, 200].Sample(bytes => CheckOutcome(TradeMaximizerReader.Read(bytes, "x")), iter: 5000);
    }

    private static void CheckOutcome(Yalu.Formats.ParseResult<WantListDocument> result)
    {
        Assert.Equal(result.Errors.Count == 0, result.Success);
        Assert.All(result.Errors, e => Assert.True(e.Line >= 1 && e.Column >= 0));
        if (result.Value is { } doc)
        {
            var graph = doc.Graph;
            for (int i = 0; i < graph.ItemCount; i++)
            {
                var wants = graph.WantsOf(i).ToArray();
                Assert.DoesNotContain(i, wants);
                Assert.Equal(wants.Length, wants.Distinct().Count());
            }
        }
    }

    private static string Text(FileSpec file)
    {
        var text = new StringBuilder();
        text.Append("#! ").Append(file.AllowDummies ? "ALLOW-DUMMIES " : "").Append(Schemes[file.Scheme]).Append('\n');
        foreach (var list in file.Lists)
        {
            if (list.User < Users.Length) text.Append('(').Append(Users[list.User]).Append(") ");
            string item = Written(list);
            text.Append(list.Upper ? item.ToUpperInvariant() : item).Append(list.Colon ? " : " : " ");
            foreach (int code in list.Wants) text.Append(WantToken(code, item)).Append(' ');
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string Written(ListSpec list) => list.Dummy ? "%g" + (list.Name % 2) : "it" + list.Name;

    /// <summary>A want: 0 a big step, 1-5 a real item (maybe unlisted), 6 an unknown name, 7-8 a dummy, 9 the item itself.</summary>
    private static string WantToken(int code, string item)
    {
        int kind = code % 10, value = code / 10;
        return kind switch
        {
            0 => ";",
            <= 5 => (value % 2 == 0 ? "it" : "It") + (value % 8),
            6 => "zz" + (value % 3),
            <= 8 => (value % 2 == 0 ? "%g" : "%G") + (value % 2),
            _ => item,
        };
    }

    private sealed record ModelItem(string Key, bool Dummy, string? Owner, List<(string, long)> Wants);

    /// <summary>The items and wants TradeMaximizer's rules give, computed directly from the spec.</summary>
    private static List<ModelItem> Model(FileSpec file)
    {
        string scheme = Schemes[file.Scheme];
        int bigStep = scheme == "SCALED-PRIORITIES" ? 0 : 9;
        var items = new List<ModelItem>();
        var byKey = new Dictionary<string, ModelItem>();
        var accepted = new List<(ModelItem Item, ListSpec List)>();
        foreach (var list in file.Lists)
        {
            string? user = list.User < Users.Length ? Users[list.User].ToUpperInvariant() : null;
            string name = list.Dummy ? "%G" + (list.Name % 2) : "IT" + list.Name;
            string key = list.Dummy && user is not null && file.AllowDummies ? $"{name} for user ({user})" : name;
            if (byKey.ContainsKey(key)) continue;
            var item = new ModelItem(key, list.Dummy, user, []);
            items.Add(item);
            byKey.Add(key, item);
            accepted.Add((item, list));
        }
        foreach (var (from, list) in accepted)
        {
            long rank = 1;
            var row = new List<(string To, long Rank)>();
            foreach (int code in list.Wants)
            {
                string token = WantToken(code, Written(list)).ToUpperInvariant();
                if (token == ";")
                {
                    rank += bigStep;
                    continue;
                }
                if (token[0] == '%')
                {
                    if (from.Owner is null) continue;
                    token = $"{token} for user ({from.Owner})";
                }
                if (!byKey.TryGetValue(token, out var to) || to == from || row.Exists(w => w.To == token)) continue;
                if (!to.Dummy && from.Owner is not null && to.Owner == from.Owner) continue;
                row.Add((token, rank));
                rank++;
            }
            foreach (var (to, r) in row)
            {
                long cost = from.Dummy ? 1_000_000_000L : scheme switch
                {
                    "LINEAR-PRIORITIES" => r,
                    "TRIANGLE-PRIORITIES" => r * (r + 1) / 2,
                    "SQUARE-PRIORITIES" => r * r,
                    "SCALED-PRIORITIES" => 1 + ((r - 1) * 2520 / row.Count),
                    _ => 1,
                };
                from.Wants.Add((to, cost));
            }
        }
        return items;
    }
}
