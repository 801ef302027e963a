using System.Collections.Immutable;

namespace Yalu.Market.Graphs;

/// <summary>
/// One exchange of a clearing, in receive order: the owner of each item receives the next item.
/// A loop closes (the owner of the last item receives the first); a chain is open and ends with a
/// donor item, whose owner receives nothing, while the owner of its first item hands that item on
/// to the pool.
/// </summary>
/// <param name="Items">Item indices of the <see cref="WantGraph"/>, dummies never included.</param>
/// <param name="IsLoop">True for a loop, false for a chain.</param>
public sealed record Exchange(ImmutableArray<int> Items, bool IsLoop)
{
    /// <summary>Number of items that change hands.</summary>
    public int Size => Items.Length;
}
