namespace Yalu.Formats.TradeMaximizer;

/// <summary>
/// The <c>#!</c> options of a TradeMaximizer want-list file. Defaults are TradeMaximizer 1.3c's.
/// </summary>
public sealed record TradeMaximizerOptions
{
    /// <summary>Item and user names keep their case (<c>CASE-SENSITIVE</c>). Default false: names are upper-cased.</summary>
    public bool CaseSensitive { get; init; }

    /// <summary>Every want list needs a colon after its item (<c>REQUIRE-COLONS</c>). Default false.</summary>
    public bool RequireColons { get; init; }

    /// <summary>Every want list needs a (username) (<c>REQUIRE-USERNAMES</c>). Default false.</summary>
    public bool RequireUsernames { get; init; }

    /// <summary>Dummy items (<c>%name</c>) are allowed (<c>ALLOW-DUMMIES</c>). Default false.</summary>
    public bool AllowDummies { get; init; }

    /// <summary>Report the ERRORS section (<c>HIDE-ERRORS</c> turns it off). Default true.</summary>
    public bool ShowErrors { get; init; } = true;

    /// <summary>Report repeated wants as errors (<c>HIDE-REPEATS</c> turns it off). Default true.</summary>
    public bool ShowRepeats { get; init; } = true;

    /// <summary>Report TRADE LOOPS (<c>HIDE-LOOPS</c>). Default true.</summary>
    public bool ShowLoops { get; init; } = true;

    /// <summary>Report ITEM SUMMARY (<c>HIDE-SUMMARY</c>). Default true.</summary>
    public bool ShowSummary { get; init; } = true;

    /// <summary>List items that do not trade in the summary (<c>HIDE-NONTRADES</c>). Default true.</summary>
    public bool ShowNonTrades { get; init; } = true;

    /// <summary>Report the cost and group figures (<c>HIDE-STATS</c>). Default true.</summary>
    public bool ShowStats { get; init; } = true;

    /// <summary>List official names with no want list (<c>SHOW-MISSING</c>). Default false.</summary>
    public bool ShowMissing { get; init; }

    /// <summary>Write "item user" rather than "user item" (<c>SORT-BY-ITEM</c>). Default false.</summary>
    public bool SortByItem { get; init; }

    /// <summary>Report the solve time (<c>SHOW-ELAPSED-TIME</c>). Default false.</summary>
    public bool ShowElapsedTime { get; init; }

    /// <summary>How ranks become costs. Default <see cref="PriorityScheme.None"/>.</summary>
    public PriorityScheme Priorities { get; init; } = PriorityScheme.None;

    /// <summary>Rank increase between two wants (<c>SMALL-STEP=</c>). Default 1.</summary>
    public int SmallStep { get; init; } = 1;

    /// <summary>Extra rank increase at a <c>;</c> (<c>BIG-STEP=</c>). Default 9 (0 under SCALED-PRIORITIES).</summary>
    public int BigStep { get; init; } = 9;

    /// <summary>Cost of an item not trading (<c>NONTRADE-COST=</c>). Default 1,000,000,000.</summary>
    public long NonTradeCost { get; init; } = 1_000_000_000L;

    /// <summary>Solves to run, keeping the smallest sum of squares (<c>ITERATIONS=</c>). Default 1.</summary>
    public int Iterations { get; init; } = 1;

    /// <summary>Seed for the iterations' tie-breaking (<c>SEED=</c>); null when not given.</summary>
    public long? Seed { get; init; }

    /// <summary>TradeMaximizer 1.3c's <c>SHRINK=</c> level (a speed-up there; no effect on Yalu's exact result). Default 0.</summary>
    public int Shrink { get; init; }

    /// <summary>TradeMaximizer 1.4's <c>METRIC=</c>, as written; null when not given.</summary>
    public string? Metric { get; init; }

    /// <summary>TradeMaximizer 1.4's <c>FAVOR-USER=</c>, as written; null when not given.</summary>
    public string? FavorUser { get; init; }
}
