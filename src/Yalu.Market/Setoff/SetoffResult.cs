using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace Yalu.Market.Setoff;

/// <summary>
/// The outcome of a set-off over an <see cref="ObligationNetwork"/>: for every obligation the amount
/// set off and the remainder still owed, and the totals. The constructor checks what makes a set-off
/// lawful and throws when any of it is broken: 0 ≤ set-off ≤ amount for every obligation, and every
/// party's net position is the same after as before (what a party has set off as debtor equals what
/// it has set off as creditor).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class SetoffResult
{
    private readonly long[] _setoffs;

    /// <summary>
    /// Creates a result from the amount set off on each obligation (indexed like
    /// <see cref="ObligationNetwork.Obligations"/>; the array is taken, not copied). Throws
    /// <see cref="ArgumentException"/> when an amount is out of range or a net position would change.
    /// </summary>
    public SetoffResult(ObligationNetwork network, SetoffMethod method, long[] setoffs)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(setoffs);
        if (setoffs.Length != network.Count)
            throw new ArgumentException($"{setoffs.Length} set-offs for {network.Count} obligations", nameof(setoffs));
        var balance = new long[network.PartyCount];
        long cleared = 0;
        for (int i = 0; i < setoffs.Length; i++)
        {
            var o = network[i];
            long s = setoffs[i];
            if (s < 0 || s > o.Amount)
                throw new ArgumentException($"obligation {i}: set-off {s} outside 0..{o.Amount}", nameof(setoffs));
            cleared += s; // at most the total debt, which fits
            balance[o.Debtor] -= s;
            balance[o.Creditor] += s;
        }
        for (int p = 0; p < balance.Length; p++)
        {
            if (balance[p] != 0)
                throw new ArgumentException($"party {p}: the set-off changes its net position by {balance[p]}", nameof(setoffs));
        }
        Network = network;
        Method = method;
        _setoffs = setoffs;
        Cleared = cleared;
    }

    /// <summary>The network that was set off.</summary>
    public ObligationNetwork Network { get; }

    /// <summary>How the set-off was computed.</summary>
    public SetoffMethod Method { get; }

    /// <summary>The amount set off on each obligation, indexed like the network's obligations.</summary>
    public ImmutableArray<long> Setoffs => ImmutableCollectionsMarshal.AsImmutableArray(_setoffs);

    /// <summary>The amount set off on obligation <paramref name="index"/>.</summary>
    public long Setoff(int index) => _setoffs[index];

    /// <summary>What is still owed on obligation <paramref name="index"/>: its amount minus its set-off.</summary>
    public long Remainder(int index) => Network[index].Amount - _setoffs[index];

    /// <summary>The total debt before the set-off (TD).</summary>
    public long TotalDebt => Network.TotalDebt;

    /// <summary>The net internal debt (NID), which no set-off changes.</summary>
    public long NetInternalDebt => Network.NetInternalDebt;

    /// <summary>The total set off (cleared): the sum of <see cref="Setoffs"/>.</summary>
    public long Cleared { get; }

    /// <summary>The debt left after the set-off: <see cref="TotalDebt"/> − <see cref="Cleared"/>; never less than <see cref="NetInternalDebt"/>.</summary>
    public long Remaining => TotalDebt - Cleared;
}
