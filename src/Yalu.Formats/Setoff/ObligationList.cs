using Yalu.Market.Setoff;

namespace Yalu.Formats.Setoff;

/// <summary>
/// An obligation list as read from a file: the network (parties numbered in the order they first
/// appear, debtor before creditor, line by line), each party's name as written, and each
/// obligation's id when the file has an <c>id</c> column.
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ObligationList
{
    internal ObligationList(ObligationNetwork network, string[] parties, string[]? ids)
    {
        Network = network;
        Parties = parties;
        Ids = ids;
    }

    /// <summary>The obligations, with parties as dense indices into <see cref="Parties"/>.</summary>
    public ObligationNetwork Network { get; }

    /// <summary>Each party's name as written in the file, indexed like the network's parties.</summary>
    public IReadOnlyList<string> Parties { get; }

    /// <summary>Each obligation's id as written, when the file has an <c>id</c> column; else null.</summary>
    public IReadOnlyList<string>? Ids { get; }
}
