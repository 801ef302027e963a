using Yalu.Storage;

namespace Yalu.Web.Tests.Pages;

/// <summary>The page suite over a fresh SQLite file per test.</summary>
public sealed class SqlitePageTests : PageContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("yalu-pages-").FullName;

    protected override async Task<SqlMarketStore> OpenStoreAsync(TimeProvider clock) =>
        await SqliteMarketStore.OpenAsync(Path.Combine(_directory, "yalu.db"), clock, Ct);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
