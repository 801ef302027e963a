using System.Data.Common;

namespace Yalu.Storage;

/// <summary>Commands reused within one transaction.</summary>
public abstract partial class SqlMarketStore
{
    /// <summary>
    /// The commands of one long transaction (an import applies thousands of events with a handful of
    /// statements), each created once and run again with new values, so SQLite keeps its prepared
    /// statement instead of parsing the SQL for every event. Not thread-safe: one transaction's.
    /// </summary>
    private sealed class Prepared(DbConnection connection, DbTransaction transaction) : IAsyncDisposable
    {
        private readonly Dictionary<string, DbCommand> _commands = new(StringComparer.Ordinal);

        public DbConnection Connection => connection;

        public DbTransaction Transaction => transaction;

        private DbCommand Get(string sql, (string Name, object? Value)[] parameters)
        {
            if (!_commands.TryGetValue(sql, out var command))
            {
                command = Command(connection, transaction, sql, parameters);
                _commands[sql] = command;
                return command;
            }
            foreach (var (name, value) in parameters) command.Parameters[name].Value = value ?? DBNull.Value;
            return command;
        }

        public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
            Get(sql, parameters).ExecuteNonQueryAsync(cancellationToken);

        public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        {
            var value = await Get(sql, parameters).ExecuteScalarAsync(cancellationToken);
            return value is DBNull ? null : value;
        }

        public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> map, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
        {
            await using var reader = await Get(sql, parameters).ExecuteReaderAsync(cancellationToken);
            var list = new List<T>();
            while (await reader.ReadAsync(cancellationToken)) list.Add(map(reader));
            return list;
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var command in _commands.Values) await command.DisposeAsync();
            _commands.Clear();
        }
    }
}
