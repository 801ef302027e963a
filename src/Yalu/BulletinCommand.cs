using System.CommandLine;
using System.Text;
using Microsoft.Extensions.Options;
using Yalu.Formats.Bulletins;
using Yalu.Market.Trading;
using Yalu.Storage;
using Yalu.Web;
using Yalu.Web.Application;

namespace Yalu.Cli;

/// <summary>
/// <c>yalu bulletin</c>: the price board as a bulletin to read over the radio or copy by hand
/// (<see cref="BulletinText"/>); <c>yalu bulletin check FILE</c>: which lines of a bulletin as
/// received are intact; <c>yalu bulletin import --db DB FILE</c>: store the other bank's bulletin
/// so the price board shows its prices beside this node's. All three go through
/// <see cref="BulletinService"/>, as the keeper's pages do. Exit codes: 0 printed, intact or
/// imported (or imported before), 1 a wrong line, the node's own market or an unreadable input, 2 usage.
/// </summary>
internal static class BulletinCommand
{
    /// <summary>How many days of confirmed legs a bulletin looks back by default.</summary>
    public const int DefaultDays = 30;

    public static Command Create(Func<Stream> openStdin, TextWriter stdout, TextWriter stderr)
    {
        var db = DbOption();
        var lang = new Option<string>("--lang") { Description = "The language of the goods' names after each line: ko, zh or en (default ko).", DefaultValueFactory = _ => "ko" };
        var days = new Option<int>("--days") { Description = $"How many days of confirmed handovers the prices are the median of (default {DefaultDays}).", DefaultValueFactory = _ => DefaultDays };
        var command = new Command("bulletin", "Print today's price bulletin of this node's market (its side): the rate and each good's median value, a check digit on every line.") { db, lang, days };
        command.SetAction((parse, cancellationToken) => PrintAsync(parse.GetValue(db)!, parse.GetValue(lang)!, parse.GetValue(days), stdout, stderr, cancellationToken));

        var file = FileArgument();
        var check = new Command("check", "Say for each line of a received bulletin whether it is intact; exit 1 if any is not.") { file };
        check.SetAction(parse => Check(parse.GetValue(file)!, openStdin, stdout, stderr));
        command.Subcommands.Add(check);

        var importDb = DbOption();
        var importFile = FileArgument();
        var import = new Command("import", "Check a bulletin received from the other bank and store it: the price board then shows its prices beside this node's. A bulletin of this node's own side is refused.")
        {
            importDb, importFile,
        };
        import.SetAction((parse, cancellationToken) => ImportAsync(parse.GetValue(importDb)!, parse.GetValue(importFile)!, openStdin, stdout, stderr, cancellationToken));
        command.Subcommands.Add(import);
        return command;
    }

    private static Option<string> DbOption() =>
        new("--db") { Description = "The node's SQLite file (default ./yalu.db) or a PostgreSQL connection string.", DefaultValueFactory = _ => "yalu.db" };

    private static Argument<string> FileArgument() =>
        new("FILE") { Description = "The bulletin as typed or copied; '-' reads standard input." };

    /// <summary>The bulletins of the node <paramref name="store"/> holds: its market is the side of its stored identity.</summary>
    private static BulletinService Service(SqlMarketStore store, int days, TimeProvider clock)
    {
        var options = Options.Create(new YaluWebOptions { PriceBoardWindow = TimeSpan.FromDays(days) });
        return new BulletinService(store, store, new PriceBoardService(store, store, store, clock, options), clock);
    }

    private static async Task<int> PrintAsync(string db, string lang, int days, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var usage = new List<string>();
        if (!Wire.TryParseLanguage(lang, Language.Ko, out var language)) usage.Add("--lang is ko, zh or en");
        if (days is < 1 or > 366) usage.Add("--days is 1..366");
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
            var bulletins = Service(store, days, clock);
            var bulletin = await bulletins.TodayAsync(cancellationToken);
            await stdout.WriteAsync(await bulletins.TextAsync(bulletin, language, cancellationToken));
            await stdout.FlushAsync(cancellationToken);
        }
        return YaluCommand.Ok;
    }

    private static string? Read(string path, Func<Stream> openStdin, TextWriter stderr)
    {
        try
        {
            using var stream = path == "-" ? openStdin() : File.OpenRead(path);
            using var reader = new StreamReader(stream, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"yalu: cannot read {path}: {e.Message}");
            return null;
        }
    }

    private static int Check(string path, Func<Stream> openStdin, TextWriter stdout, TextWriter stderr)
    {
        if (Read(path, openStdin, stderr) is not { } text) return YaluCommand.InputError;
        var result = BulletinService.Check(text, path);
        Report(result, stdout, stderr);
        stdout.WriteLine(result.Intact ? "bulletin intact" : $"bulletin NOT intact: {result.Result.Errors.Count} problem(s)");
        return result.Intact ? YaluCommand.Ok : YaluCommand.InputError;
    }

    /// <summary>Every line's status on standard output, every problem on standard error as file:line: code: message.</summary>
    private static void Report(BulletinCheck result, TextWriter stdout, TextWriter stderr)
    {
        foreach (var line in result.Lines)
            stdout.WriteLine(line.Intact ? $"line {line.Line}: intact" : $"line {line.Line}: WRONG: {line.Problem!.Message}");
        foreach (var error in result.Result.Errors.Where(e => !result.Lines.Any(l => l.Problem == e))) stdout.WriteLine(error.ToString());
        foreach (var error in result.Result.Errors) stderr.WriteLine(error.ToString());
    }

    private static async Task<int> ImportAsync(string db, string path, Func<Stream> openStdin, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (Read(path, openStdin, stderr) is not { } text) return YaluCommand.InputError;
        // Checked before the database is opened: a wrong bulletin touches nothing. The service checks again; it is cheap.
        var check = BulletinService.Check(text, path);
        if (!check.Intact)
        {
            Report(check, stdout, stderr);
            await stdout.WriteLineAsync($"bulletin NOT intact: {check.Result.Errors.Count} problem(s); nothing imported");
            return YaluCommand.InputError;
        }
        var clock = TimeProvider.System;
        var store = await NodeDatabase.OpenAsync(db, clock, stderr, cancellationToken);
        if (store is null) return YaluCommand.InputError;
        await using (store)
        {
            var imported = await Service(store, DefaultDays, clock).ImportAsync(null, text, path, cancellationToken);
            if (!imported.IsOk)
            {
                if (imported.Error is { } error) await stderr.WriteLineAsync($"{path}:1: {error.Code}: {error.Message}; nothing imported");
                foreach (var field in imported.Fields) await stderr.WriteLineAsync(field.Message);
                return YaluCommand.InputError;
            }
            var done = imported.Value;
            var b = done.Bulletin;
            string what = $"{Wire.Of(b.Market)} bulletin of {b.Date:yyyy-MM-dd} ({b.Lines.Count} goods)";
            await stdout.WriteLineAsync(done.Status switch
            {
                BulletinImportStatus.AlreadyImported => $"the {what} was imported before: nothing changed",
                BulletinImportStatus.Replaced => $"imported the {what} in place of the one of the same day; the price board shows it",
                BulletinImportStatus.OlderThanShown => $"imported the {what}; the price board keeps showing the newer one of {done.Shown:yyyy-MM-dd}",
                _ => $"imported the {what}; the price board shows it beside this node's prices",
            });
        }
        return YaluCommand.Ok;
    }
}
