using CsCheck;
using Xunit;
using Yalu.Market.Trading;
using Yalu.Web.Application;

namespace Yalu.Web.Tests.Application;

/// <summary>The round limits, written once in <see cref="RoundParameters"/>, checked once by <see cref="RoundService"/>.</summary>
public sealed class RoundServiceTests
{
    [Fact]
    public void A_request_with_nothing_in_it_takes_the_defaults()
    {
        var checkedParameters = RoundService.Check(new RoundRequest(null, null, null, null));
        Assert.True(checkedParameters.IsOk);
        Assert.Equal(RoundParameters.Default, checkedParameters.Value);
    }

    [Fact]
    public void Every_field_out_of_its_range_is_reported_at_once()
    {
        var outcome = RoundService.Check(new RoundRequest(RoundParameters.MaxCycleCap + 1, RoundParameters.MinChainCap - 1, "fastest", RoundParameters.MaxTimeLimitSeconds + 1));
        Assert.False(outcome.IsOk);
        Assert.Null(outcome.Error);
        Assert.Equal(["chainCap", "cycleCap", "objective", "timeLimitSeconds"], outcome.Fields.Select(f => f.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_field_is_refused_exactly_when_it_is_outside_the_limits_of_round_parameters()
    {
        Gen.Select(Gen.Int[-3, 12], Gen.Int[-3, 14], Gen.Int[-5, 4000]).Sample((cycle, chain, seconds) =>
        {
            var outcome = RoundService.Check(new RoundRequest(cycle, chain, "value", seconds));
            var refused = outcome.Fields.Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
            bool cycleOk = cycle is >= RoundParameters.MinCycleCap and <= RoundParameters.MaxCycleCap;
            bool chainOk = chain is >= RoundParameters.MinChainCap and <= RoundParameters.MaxChainCap;
            bool secondsOk = seconds is >= RoundParameters.MinTimeLimitSeconds and <= RoundParameters.MaxTimeLimitSeconds;
            Assert.Equal(!cycleOk, refused.Contains("cycleCap"));
            Assert.Equal(!chainOk, refused.Contains("chainCap"));
            Assert.Equal(!secondsOk, refused.Contains("timeLimitSeconds"));
            Assert.Equal(cycleOk && chainOk && secondsOk, outcome.IsOk);
            // The domain's own factory agrees with the service on every input.
            Assert.Equal(outcome.IsOk, RoundParameters.Create(cycle, chain, RoundObjective.Value, TimeSpan.FromSeconds(seconds)).IsOk);
        });
    }
}
