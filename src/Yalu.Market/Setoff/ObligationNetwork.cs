using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Yalu.Market.Trading;

namespace Yalu.Market.Setoff;

/// <summary>
/// A validated list of obligations between <see cref="PartyCount"/> parties, with the totals a set-off
/// is judged by: <see cref="TotalDebt"/>, every party's <see cref="NetPosition"/> and the
/// <see cref="NetInternalDebt"/>. Every amount is positive, no party owes itself, and the total debt
/// fits in 64 bits (so no position or sum derived from it can overflow).
/// </summary>
/// <remarks>Immutable and thread-safe.</remarks>
public sealed class ObligationNetwork
{
    /// <summary>Error code of <see cref="Create(int, IEnumerable{Obligation})"/>: an amount that is not positive, a self-debt, or a party out of range.</summary>
    public const string InvalidObligationCode = "setoff-invalid-obligation";

    /// <summary>Error code of <see cref="Create(int, IEnumerable{Obligation})"/>: the total debt does not fit in 64 bits.</summary>
    public const string OverflowCode = "setoff-overflow";

    private readonly Obligation[] _obligations;
    private readonly long[] _positions;

    private ObligationNetwork(int partyCount, Obligation[] obligations, long[] positions, long totalDebt, long netInternalDebt)
    {
        PartyCount = partyCount;
        _obligations = obligations;
        _positions = positions;
        TotalDebt = totalDebt;
        NetInternalDebt = netInternalDebt;
    }

    /// <summary>
    /// Checks and wraps <paramref name="obligations"/> (copied) between parties 0..<paramref name="partyCount"/>−1.
    /// Fails with <see cref="InvalidObligationCode"/> naming the first bad obligation by its 0-based index,
    /// or with <see cref="OverflowCode"/> when the total debt passes <see cref="long.MaxValue"/>.
    /// </summary>
    public static Result<ObligationNetwork> Create(int partyCount, IEnumerable<Obligation> obligations)
    {
        ArgumentNullException.ThrowIfNull(obligations);
        if (partyCount < 0) return Result.Fail<ObligationNetwork>(InvalidObligationCode, "the party count cannot be negative");
        var list = obligations.ToArray();
        var positions = new long[partyCount];
        long total = 0;
        for (int i = 0; i < list.Length; i++)
        {
            var o = list[i];
            if ((uint)o.Debtor >= (uint)partyCount || (uint)o.Creditor >= (uint)partyCount)
                return Result.Fail<ObligationNetwork>(InvalidObligationCode, $"obligation {i}: party out of range 0..{partyCount - 1}");
            if (o.Debtor == o.Creditor)
                return Result.Fail<ObligationNetwork>(InvalidObligationCode, $"obligation {i}: party {o.Debtor} owes itself");
            if (o.Amount <= 0)
                return Result.Fail<ObligationNetwork>(InvalidObligationCode, $"obligation {i}: amount {o.Amount} is not positive");
            if (o.Amount > long.MaxValue - total)
                return Result.Fail<ObligationNetwork>(OverflowCode, $"obligation {i}: the total debt passes {long.MaxValue}");
            total += o.Amount;
            // Both stay within ±total, which fits: no check needed.
            positions[o.Debtor] -= o.Amount;
            positions[o.Creditor] += o.Amount;
        }
        long nid = 0;
        foreach (long p in positions) if (p > 0) nid += p;
        return Result.Ok(new ObligationNetwork(partyCount, list, positions, total, nid));
    }

    /// <summary>Like <see cref="Create(int, IEnumerable{Obligation})"/>, with the party count one more than the largest index named.</summary>
    public static Result<ObligationNetwork> Create(IReadOnlyCollection<Obligation> obligations)
    {
        ArgumentNullException.ThrowIfNull(obligations);
        int max = -1;
        foreach (var o in obligations) max = Math.Max(max, Math.Max(o.Debtor, o.Creditor));
        return Create(max + 1, obligations);
    }

    /// <summary>Like <see cref="Create(int, IEnumerable{Obligation})"/>; throws <see cref="ArgumentException"/> with the error instead.</summary>
    public static ObligationNetwork From(int partyCount, IEnumerable<Obligation> obligations)
    {
        var result = Create(partyCount, obligations);
        return result.IsOk ? result.Value : throw new ArgumentException($"{result.Error.Code}: {result.Error.Message}", nameof(obligations));
    }

    /// <summary>The number of parties; indices run 0..PartyCount−1 (a party may owe and be owed nothing).</summary>
    public int PartyCount { get; }

    /// <summary>The obligations, in the order given.</summary>
    public ImmutableArray<Obligation> Obligations => ImmutableCollectionsMarshal.AsImmutableArray(_obligations);

    /// <summary>The number of obligations.</summary>
    public int Count => _obligations.Length;

    /// <summary>The obligation at <paramref name="index"/>.</summary>
    public Obligation this[int index] => _obligations[index];

    /// <summary>The sum of all amounts (TD).</summary>
    public long TotalDebt { get; }

    /// <summary>
    /// The sum of the positive net positions (NID): what the net creditors are owed once everything
    /// that can be set off is. No set-off can leave less than this, so TD − NID bounds what it clears.
    /// </summary>
    public long NetInternalDebt { get; }

    /// <summary>A party's net position: what it is owed minus what it owes (positive for a net creditor).</summary>
    public long NetPosition(int party) => _positions[party];

    /// <summary>Every party's net position, indexed by party.</summary>
    public ImmutableArray<long> NetPositions => ImmutableCollectionsMarshal.AsImmutableArray(_positions);
}
