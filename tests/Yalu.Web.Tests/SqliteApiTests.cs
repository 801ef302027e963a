using Yalu.Storage;

namespace Yalu.Web.Tests;

/// <summary>The API suite over a fresh SQLite file per test.</summary>
public sealed class SqliteApiTests : ApiContract
{
    private readonly string _directory = Directory.CreateTempSubdirectory("yalu-api-").FullName;

    protected override async Task<SqlMarketStore> OpenStoreAsync(TimeProvider clock) =>
        await SqliteMarketStore.OpenAsync(Path.Combine(_directory, "yalu.db"), clock, Ct);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
