using CsCheck;
using Xunit;
using Yalu.Formats.Bulletins;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;

namespace Yalu.Formats.Tests.Bulletins;

public sealed class BulletinTextTests
{
    private static readonly Bulletin Sample = new(Side.Hyesan, new DateOnly(2026, 12, 6), 1250.5m,
    [
        new(GoodId.Parse("G01"), Money.Parse("4.50"), 12),
        new(GoodId.Parse("H03"), Money.Parse("260.00"), 1),
        new(GoodId.Parse("S01"), Money.Parse("15.07"), 3),
        new(GoodId.Parse("K08"), Money.Parse("0.95"), 40),
    ]);

    private static readonly Gen<Bulletin> Bulletins =
        Gen.Select(
            Gen.Enum<Side>(),
            Gen.Date.Select(d => DateOnly.FromDateTime(d)),
            Gen.Long[0, 99_999_999].Select(c => c == 0 ? (decimal?)null : c / 100m),
            Gen.Select(Gen.Char['A', 'Z'], Gen.Int[0, 99], Gen.Long[0, 9_999_999_999L], Gen.Int[0, 99_999])
                .Array[0, Bulletin.MaxLines])
        .Select((side, date, rate, rows) => new Bulletin(side, date, rate,
            [.. rows.DistinctBy(r => (r.Item1, r.Item2))
                .Select(r => new BulletinLine(GoodId.Parse($"{r.Item1}{r.Item2:00}"), new Money(r.Item3), r.Item4))]));

    [Fact]
    public void Damm_gives_the_published_check_digit_and_a_number_with_it_checks_to_zero()
    {
        Assert.Equal('4', Damm.CheckDigit("572"));
        Assert.True(Damm.IsValid("5724"));
        Assert.False(Damm.IsValid("5734"));
    }

    [Fact]
    public void Damm_catches_every_single_digit_error_and_every_neighbour_swap_in_every_four_digit_number()
    {
        for (int n = 0; n < 10_000; n++)
        {
            string number = n.ToString("0000", System.Globalization.CultureInfo.InvariantCulture);
            string whole = number + Damm.CheckDigit(number);
            for (int i = 0; i < whole.Length; i++)
            {
                for (char d = '0'; d <= '9'; d++)
                    if (d != whole[i]) Assert.False(Damm.IsValid(whole[..i] + d + whole[(i + 1)..]), $"{whole}: digit {i} -> {d}");
                if (i + 1 < whole.Length && whole[i] != whole[i + 1])
                    Assert.False(Damm.IsValid(whole[..i] + whole[i + 1] + whole[i] + whole[(i + 2)..]), $"{whole}: swap at {i}");
            }
        }
    }

    [Fact]
    public void A_bulletin_written_and_checked_gives_back_the_same_market_date_rate_and_values()
    {
        Bulletins.Sample(bulletin =>
        {
            string text = BulletinText.Write(bulletin, id => "name of " + id.Value);
            var check = BulletinText.Check(text);
            Assert.True(check.Intact, string.Join("\n", check.Result.Errors) + "\n" + text);
            Assert.Equal(bulletin, check.Result.Value);
            Assert.All(check.Lines, l => Assert.True(l.Intact));
            Assert.True(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= Bulletin.MaxLines + 1);
        });
    }

    [Fact]
    public void Every_single_digit_error_on_any_line_is_caught_and_names_that_line()
    {
        string text = BulletinText.Write(Sample, id => "이름 " + id.Value);
        var lines = text.TrimEnd('\n').Split('\n');
        for (int l = 0; l < lines.Length; l++)
        {
            string checkedPart = lines[l].Split('|')[0];
            for (int i = 0; i < checkedPart.Length; i++)
            {
                if (!char.IsAsciiDigit(checkedPart[i])) continue;
                for (char d = '0'; d <= '9'; d++)
                {
                    if (d == checkedPart[i]) continue;
                    var changed = (string[])lines.Clone();
                    changed[l] = lines[l][..i] + d + lines[l][(i + 1)..];
                    var check = BulletinText.Check(string.Join('\n', changed));
                    Assert.False(check.Intact, $"line {l + 1}, column {i + 1}: {lines[l]} -> {changed[l]}");
                    Assert.Contains(check.Lines, s => s.Line == l + 1 && !s.Intact);
                }
            }
        }
    }

    [Fact]
    public void Every_swap_of_neighbouring_digits_is_caught_even_across_a_space()
    {
        string text = BulletinText.Write(Sample);
        var lines = text.TrimEnd('\n').Split('\n');
        int swaps = 0;
        for (int l = 0; l < lines.Length; l++)
        {
            string line = lines[l];
            var digits = Enumerable.Range(0, line.Length).Where(i => char.IsAsciiDigit(line[i])).ToList();
            for (int k = 0; k + 1 < digits.Count; k++)
            {
                int a = digits[k], b = digits[k + 1];
                // Neighbours: side by side, or with only spaces between them.
                if (line[a] == line[b] || line[(a + 1)..b].Any(c => c != ' ')) continue;
                var chars = line.ToCharArray();
                (chars[a], chars[b]) = (chars[b], chars[a]);
                var changed = (string[])lines.Clone();
                changed[l] = new string(chars);
                Assert.False(BulletinText.Check(string.Join('\n', changed)).Intact, $"{line} -> {changed[l]}");
                swaps++;
            }
        }
        Assert.True(swaps >= 30, $"only {swaps} swaps tried");
    }

    [Fact]
    public void A_line_left_out_copied_twice_or_put_out_of_order_is_caught()
    {
        var lines = BulletinText.Write(Sample).TrimEnd('\n').Split('\n').ToList();
        for (int l = 1; l < lines.Count; l++)
        {
            var deleted = lines.Where((_, i) => i != l).ToList();
            Assert.False(BulletinText.Check(string.Join('\n', deleted)).Intact, $"without line {l + 1}");
            var doubled = lines.Take(l + 1).Append(lines[l]).Concat(lines.Skip(l + 1)).ToList();
            Assert.False(BulletinText.Check(string.Join('\n', doubled)).Intact, $"line {l + 1} twice");
            if (l + 1 < lines.Count)
            {
                var swapped = lines.ToList();
                (swapped[l], swapped[l + 1]) = (swapped[l + 1], swapped[l]);
                Assert.False(BulletinText.Check(string.Join('\n', swapped)).Intact, $"lines {l + 1} and {l + 2} swapped");
            }
        }
    }

    [Fact]
    public void Blank_lines_names_and_windows_line_ends_do_not_matter()
    {
        string text = BulletinText.Write(Sample, id => "名字 | with a bar " + id.Value).Replace("\n", "\r\n\r\n", StringComparison.Ordinal);
        var check = BulletinText.Check(text);
        Assert.True(check.Intact, string.Join("\n", check.Result.Errors));
        Assert.Equal(Sample, check.Result.Value);
    }

    [Theory]
    [InlineData("", "BU001")]
    [InlineData("hello", "BU001")]
    [InlineData("YALU SEOUL 2026-12-06 KPW - GOODS 0 CHECK 1", "BU001")]
    [InlineData("YALU HYESAN 2026-13-06 KPW - GOODS 0 CHECK 1", "BU001")]
    [InlineData("YALU HYESAN 2026-12-06 KPW 0.00 GOODS 0 CHECK 1", "BU001")]
    [InlineData("YALU HYESAN 2026-12-06 KPW 1250.5 GOODS 0 CHECK 1", "BU001")]
    [InlineData("YALU HYESAN 2026-12-06 KPW - GOODS 1 CHECK 1", "BU006")]
    public void A_malformed_bulletin_is_named_by_its_line_and_code(string text, string code)
    {
        var check = BulletinText.Check(text, "radio.txt");
        Assert.False(check.Intact);
        Assert.Null(check.Result.Value);
        var error = Assert.Single(check.Result.Errors);
        Assert.Equal(code, error.Code);
        Assert.StartsWith("radio.txt:1: " + code, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Any_text_is_checked_without_throwing()
    {
        string header = BulletinText.Write(Sample).Split('\n')[0];
        Gen.String[Gen.Char["0123456789 .|-ABCGHKSYLUPW\n"], 0, 200].Sample(noise =>
        {
            var check = BulletinText.Check(header + "\n" + noise);
            Assert.Equal(check.Intact, check.Result.Value is not null);
            Assert.Equal(check.Intact, check.Result.Errors.Count == 0);
        });
    }
}
