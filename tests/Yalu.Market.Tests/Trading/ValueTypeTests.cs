using CsCheck;
using Xunit;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Testing;

namespace Yalu.Market.Tests.Trading;

public sealed class ValueTypeTests
{
    [Theory]
    [InlineData("kim")]
    [InlineData("김철수")]
    [InlineData("王小明")]
    [InlineData("trader_7.b-2")]
    [InlineData("ab")]
    public void Handles_accept_letters_of_any_script_digits_and_three_marks(string text) =>
        Assert.True(Handle.Create(text).IsOk);

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("kim chul")]
    [InlineData("kim@home")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456")]
    [InlineData("🙂🙂")]
    public void Handles_refuse_spaces_symbols_and_bad_lengths_with_a_stable_code(string text)
    {
        var result = Handle.Create(text);
        Assert.False(result.IsOk);
        Assert.Equal(ErrorCodes.InvalidHandle, result.Error.Code);
    }

    [Fact]
    public void Handles_compare_by_key_without_regard_to_case() =>
        Assert.Equal(Handle.Parse("Kim").Key, Handle.Parse("kIM").Key);

    [Theory]
    [InlineData("12.34", 1234)]
    [InlineData("12", 1200)]
    [InlineData("12.3", 1230)]
    [InlineData("-0.05", -5)]
    [InlineData("0", 0)]
    public void Money_parses_yuan_with_up_to_two_decimals(string text, long fen) =>
        Assert.Equal(fen, Money.Parse(text).Fen);

    [Theory]
    [InlineData("1.234")]
    [InlineData("1,5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("+5")]
    [InlineData("99999999999999999999")]
    [InlineData("")]
    public void Money_refuses_anything_else(string text)
    {
        Assert.False(Money.TryParse(text, out _));
        Assert.Equal(ErrorCodes.InvalidMoney, Money.Create(text).Error!.Code);
    }

    [Fact]
    public void Money_formats_and_parses_back_every_amount() =>
        Gen.Long.Sample(fen => Assert.Equal(fen, Money.Parse(new Money(fen).ToString()).Fen));

    [Fact]
    public void Money_arithmetic_throws_instead_of_wrapping()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
        Assert.Throws<OverflowException>(() => new Money(long.MinValue) - new Money(1));
        Assert.Throws<OverflowException>(() => -new Money(long.MinValue));
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue / 2) * 3);
        Assert.Equal("3.50", (Money.Parse("1.25") + Money.Parse("2.25")).ToString());
    }

    [Fact]
    public void Quantities_are_positive_with_at_most_three_decimals()
    {
        var kg = UnitCode.Parse("kg");
        Assert.Equal("2.5 kg", Quantity.Create(2.5m, kg).Value.ToString());
        Assert.Equal(ErrorCodes.InvalidQuantity, Quantity.Create(0, kg).Error!.Code);
        Assert.Equal(ErrorCodes.InvalidQuantity, Quantity.Create(-1, kg).Error!.Code);
        Assert.Equal(ErrorCodes.InvalidQuantity, Quantity.Create(0.0001m, kg).Error!.Code);
    }

    [Fact]
    public void Ids_come_from_the_injected_clock_and_sort_by_it()
    {
        var clock = new TestClock();
        var first = LotId.New(clock);
        clock.Advance(TimeSpan.FromMinutes(1));
        var second = LotId.New(clock);
        Assert.True(first.Value.CompareTo(second.Value) < 0);
        Assert.True(LotId.TryParse(first.ToString(), out var parsed));
        Assert.Equal(first, parsed);
        Assert.False(LotId.TryParse(Guid.Empty.ToString(), out _));
        Assert.Throws<ArgumentException>(() => new TraderId(Guid.Empty));
    }

    [Fact]
    public void Round_parameters_report_every_problem_at_once()
    {
        var result = RoundParameters.Create(7, 11, RoundObjective.Value, TimeSpan.Zero);
        Assert.Equal(ErrorCodes.InvalidRoundParameters, result.Error!.Code);
        Assert.Contains("cycle cap", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("chain cap", result.Error.Message, StringComparison.Ordinal);
        Assert.Contains("time limit", result.Error.Message, StringComparison.Ordinal);
        Assert.True(RoundParameters.Create(2, 10, RoundObjective.Essentials, TimeSpan.FromMinutes(5)).IsOk);
    }

    [Fact]
    public void The_rate_in_effect_is_the_latest_on_or_before_the_day()
    {
        KpwRate[] rates = [new(new DateOnly(2024, 4, 14), 1810, "Hyesan"), new(new DateOnly(2025, 10, 26), 4920, "Hyesan")];
        Assert.Equal(1810, KpwRate.InEffect(rates, new DateOnly(2025, 1, 1))!.KpwPerCny);
        Assert.Equal(4920, KpwRate.InEffect(rates, new DateOnly(2026, 1, 1))!.KpwPerCny);
        Assert.Null(KpwRate.InEffect(rates, new DateOnly(2020, 1, 1)));
        Assert.Equal(24600m, rates[1].ToKpw(Money.Parse("5")));
    }
}
