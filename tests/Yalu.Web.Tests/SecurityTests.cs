using Xunit;
using Yalu.Web.Security;
using Yalu.Testing;

namespace Yalu.Web.Tests;

public sealed class SecurityTests
{
    private static readonly PassphraseHasher Cheap = new() { MemoryKiB = 64, Passes = 1 };

    [Fact]
    public void A_hash_verifies_its_pass_phrase_and_nothing_else()
    {
        string hash = Cheap.Hash("black pine 17 river");
        Assert.StartsWith("$argon2id$v=19$m=64,t=1,p=1$", hash, StringComparison.Ordinal);
        Assert.True(PassphraseHasher.Verify("black pine 17 river", hash));
        Assert.False(PassphraseHasher.Verify("black pine 17 rivet", hash));
        Assert.NotEqual(hash, Cheap.Hash("black pine 17 river"));
    }

    [Fact]
    public void Pass_phrases_in_any_script_are_normalised_before_hashing()
    {
        string hash = Cheap.Hash("\u1100\u1161 강"); // decomposed 가 + 강
        Assert.True(PassphraseHasher.Verify("가 강", hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("$argon2id$v=19$m=64,t=1,p=1$AAAA$BBBB")]
    [InlineData("$argon2i$v=19$m=64,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=999999999,t=1,p=1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$argon2id$v=19$m=64,t=1,p=1$!!!!$????")]
    public void A_malformed_stored_hash_never_verifies(string stored) =>
        Assert.False(PassphraseHasher.Verify("anything", stored));

    [Fact]
    public void The_default_cost_is_at_least_owasp_minimum()
    {
        var hasher = new PassphraseHasher();
        Assert.True(hasher.MemoryKiB >= 19 * 1024);
        Assert.True(hasher.Passes >= 2);
    }

    [Fact]
    public void Session_tokens_carry_256_random_bits_and_are_stored_hashed()
    {
        string a = SessionToken.Create(), b = SessionToken.Create();
        Assert.NotEqual(a, b);
        Assert.Equal(43, a.Length);
        Assert.DoesNotContain("=", a, StringComparison.Ordinal);
        Assert.NotEqual(a, SessionToken.StoredForm(a));
        Assert.Equal(SessionToken.StoredForm(a), SessionToken.StoredForm(a));
    }

    [Fact]
    public void Login_is_refused_after_five_failures_in_fifteen_minutes_and_allowed_again_later()
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        var throttle = new LoginThrottle(clock);
        for (int i = 0; i < 5; i++)
        {
            Assert.True(throttle.MayTry("river-heron", out _));
            throttle.Failed("river-heron");
            clock.Advance(TimeSpan.FromMinutes(1));
        }
        Assert.False(throttle.MayTry("RIVER-HERON", out var wait));
        Assert.Equal(TimeSpan.FromMinutes(10), wait);
        Assert.True(throttle.MayTry("grey-crane", out _));
        clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(throttle.MayTry("river-heron", out _));
        throttle.Failed("river-heron");
        throttle.Succeeded("river-heron");
        Assert.True(throttle.MayTry("river-heron", out _));
    }
}
