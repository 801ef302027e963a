namespace Yalu.Engine;

/// <summary>One criterion of the lexicographic improvement, in the order they are applied.</summary>
public enum FairnessCriterion
{
    /// <summary>Maximise the number of distinct users with at least one item trading.</summary>
    UsersTrading,

    /// <summary>Maximise the number of the favoured user's items that trade (<c>METRIC=FAVOR-USER=NAME</c>).</summary>
    FavoredUserItems,

    /// <summary>Minimise the sum over users of the square of their number of items trading (<c>METRIC=USERS-SOS</c>).</summary>
    UsersSumOfSquares,

    /// <summary>Maximise the number of items trading.</summary>
    ItemsTrading,

    /// <summary>Minimise the total priority cost of the wants given.</summary>
    TotalCost,

    /// <summary>Minimise the sum over loops of the square of their size (smaller loops).</summary>
    SumOfSquares,
}
