namespace Yalu.Market.Trading;

/// <summary>What a round maximises; it sets the weight of every want (see <see cref="RoundGraph"/>).</summary>
public enum RoundObjective
{
    /// <summary>The number of lots that change hands (weight 1 per lot received).</summary>
    Count,

    /// <summary>The value moved: weight = the received lot's estimated value in CNY.</summary>
    Value,

    /// <summary>Happiest lists: weight 1 + 1/rank, so a first choice counts twice, every trade at least once.</summary>
    Preference,

    /// <summary>Essentials first: weight 1, plus 1 when the received lot is grain or fuel.</summary>
    Essentials,
}
