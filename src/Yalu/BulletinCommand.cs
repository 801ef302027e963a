using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Options;
using Yalu.Formats.Bulletins;
using Yalu.Market.Trading;
using Yalu.Web;
using Yalu.Web.Application;
using Yalu.Web.Ui;

namespace Yalu.Cli;

/// <summary>
/// <c>yalu bulletin</c>: the price board as a bulletin to read over the radio or copy by hand
/// (<see cref="BulletinText"/>), and <c>yalu bulletin check FILE</c>: which lines of a bulletin as
/// received are intact. Exit codes: 0 printed or intact, 1 a wrong line or an unreadable input, 2 usage.
/// </summary>
internal static class BulletinCommand
{
    /// <summary>How many days of confirmed legs a bulletin looks back by default.</summary>
    public const int DefaultDays = 30;

    public static Command Create(Func<Stream> openStdin, TextWriter stdout, TextWriter stderr)
    {
        var db = new Option<string>("--db") { Description = "The node's SQLite file (default ./yalu.db) or a PostgreSQL connection string.", DefaultValueFactory = _ => "yalu.db" };
        var lang = new Option<string>("--lang") { Description = "The language of the goods' names after each line: ko, zh or en (default ko).", DefaultValueFactory = _ => "ko" };
        var days = new Option<int>("--days") { Description = $"How many days of confirmed handovers the prices are the median of (default {DefaultDays}).", DefaultValueFactory = _ => DefaultDays };
        var market = new Option<string>("--market") { Description = "The bank whose market this node is: hyesan or changbai (default hyesan).", DefaultValueFactory = _ => "hyesan" };
        var command = new Command("bulletin", "Print today's price bulletin: the rate and each good's median value, a check digit on every line.") { db, lang, days, market };
        command.SetAction((parse, cancellationToken) => PrintAsync(parse.GetValue(db)!, parse.GetValue(lang)!, parse.GetValue(days), parse.GetValue(market)!, stdout, stderr, cancellationToken));

        var file = new Argument<string>("FILE") { Description = "The bulletin as typed or copied; '-' reads standard input." };
        var check = new Command("check", "Say for each line of a received bulletin whether it is intact; exit 1 if any is not.") { file };
        check.SetAction(parse => Check(parse.GetValue(file)!, openStdin, stdout, stderr));
        command.Subcommands.Add(check);
        return command;
    }

    private static async Task<int> PrintAsync(string db, string lang, int days, string marketText, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var usage = new List<string>();
        if (!Wire.TryParseLanguage(lang, Language.Ko, out var language)) usage.Add("--lang is ko, zh or en");
        if (days is < 1 or > 366) usage.Add("--days is 1..366");
        if (!Wire.TryParseSide(marketText, Side.Hyesan, out var side)) usage.Add("--market is hyesan or changbai");
        if (usage.Count > 0)
        {
            foreach (var problem in usage) await stderr.WriteLineAsync("yalu bulletin: " + problem);
            return YaluCommand.UsageError;
        }
        var clock = TimeProvider.System;
        var store = await NodeDatabase.OpenAsync(db, clock, stderr, cancellationToken);
        if (store is null) return YaluCommand.InputError;
        await using (store)
        {
            var prices = new PriceBoardService(store, store, clock, Options.Create(new YaluWebOptions { PriceBoardWindow = TimeSpan.FromDays(days) }));
            var board = await prices.GetAsync(cancellationToken);
            var catalog = await store.GetCatalogAsync(cancellationToken);
            // The most traded goods when there are more than fit, listed by code so a listener can follow.
            var lines = board.Rows.OrderByDescending(r => r.Legs).ThenBy(r => r.Good.Id.Value, StringComparer.Ordinal).Take(Bulletin.MaxLines)
                .OrderBy(r => r.Good.Id.Value, StringComparer.Ordinal)
                .Select(r => new BulletinLine(r.Good.Id, r.MedianPerUnit, r.Legs)).ToList();
            var bulletin = new Bulletin(side, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), board.Rate?.KpwPerCny, lines);
            string text = BulletinText.Write(bulletin, id => catalog.Find(id) is { } good ? $"{GoodDisplay.Name(good, language)} / {good.Unit.Value}" : null);
            await stdout.WriteAsync(text);
            await stdout.FlushAsync(cancellationToken);
        }
        return YaluCommand.Ok;
    }

    private static int Check(string path, Func<Stream> openStdin, TextWriter stdout, TextWriter stderr)
    {
        string text;
        try
        {
            using var stream = path == "-" ? openStdin() : File.OpenRead(path);
            using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            text = reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"yalu: cannot read {path}: {e.Message}");
            return YaluCommand.InputError;
        }
        var result = BulletinText.Check(text, path);
        foreach (var line in result.Lines)
            stdout.WriteLine(line.Intact ? $"line {line.Line}: intact" : $"line {line.Line}: WRONG: {line.Problem!.Message}");
        foreach (var error in result.Result.Errors.Where(e => !result.Lines.Any(l => l.Problem == e))) stdout.WriteLine(error.ToString());
        foreach (var error in result.Result.Errors) stderr.WriteLine(error.ToString());
        stdout.WriteLine(result.Intact ? "bulletin intact" : $"bulletin NOT intact: {result.Result.Errors.Count} problem(s)");
        return result.Intact ? YaluCommand.Ok : YaluCommand.InputError;
    }
}
