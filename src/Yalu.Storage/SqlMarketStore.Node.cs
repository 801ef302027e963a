using System.Data.Common;
using System.Globalization;
using Yalu.Sync;

namespace Yalu.Storage;

/// <summary>
/// The node's identity and its signed log: the keys are loaded (or made, on a first start) when the
/// store opens, every write signs its event with them, and events written before the node had keys
/// are signed in their order when it opens.
/// </summary>
public abstract partial class SqlMarketStore
{
    private NodeIdentity? _identity;
    private string? _nodeIdText;

    /// <summary>The node's own keys; present once the store is open.</summary>
    protected NodeIdentity Identity => _identity ?? throw new InvalidOperationException("the store has not loaded the node's identity");

    private string NodeIdText => _nodeIdText ?? throw new InvalidOperationException("the store has not loaded the node's identity");

    /// <summary>The node's public card.</summary>
    public NodeCard Card => Identity.Card;

    /// <summary>
    /// Where the private keys live: a file beside the database (SQLite, mode 0600), or null when
    /// they are kept in <c>node_identity.private_key</c> (PostgreSQL: every process on the database is
    /// the same node and signs with the same key).
    /// </summary>
    protected abstract string? KeyFilePath { get; }

    /// <summary>
    /// Loads the node's identity, making one as <paramref name="setup"/> says when the database has
    /// none, then signs any event written without keys. Throws <see cref="InvalidOperationException"/>
    /// with a message for the keeper when the identity cannot be used (key file missing or not this
    /// node's, or a fresh node asked for on a database that has one).
    /// </summary>
    protected async Task OpenNodeAsync(NodeSetup setup, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setup);
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var row = await ReadIdentityRowAsync(connection, cancellationToken);
        if (row is not null && setup.MustBeNew)
            throw new InvalidOperationException($"this database already has a node: {row.Value.Card.Name} ({row.Value.Card.Side}), fingerprint {row.Value.Card.Fingerprint}");
        if (row is null)
        {
            using var made = NewOrLeftIdentity(setup);
            await using var tx = await BeginWriteAsync(connection, cancellationToken);
            // Several processes on one PostgreSQL database may start at once: the first row wins and every one uses it.
            await ExecuteAsync(connection, tx,
                "INSERT INTO node_identity (id, node_id, name, side, card, private_key, created_at) VALUES (1, @node, @name, @side, @card, @key, @at) ON CONFLICT (id) DO NOTHING",
                cancellationToken,
                ("node", made.NodeId.ToString()), ("name", made.Card.Name), ("side", made.Card.Side), ("card", made.Card.ToBytes()),
                ("key", KeyFilePath is null ? made.ExportPrivate() : null), ("at", Clock.GetUtcNow()));
            await tx.CommitAsync(cancellationToken);
            row = await ReadIdentityRowAsync(connection, cancellationToken);
        }
        var (card, stored) = row!.Value;
        byte[] key;
        if (KeyFilePath is { } path)
        {
            try
            {
                key = await File.ReadAllBytesAsync(path, cancellationToken);
            }
            catch (FileNotFoundException)
            {
                throw new InvalidOperationException($"the node's key file {path} is missing: without it this node ({card.Name}, {card.Fingerprint}) cannot sign; restore it from the backup");
            }
        }
        else key = stored ?? throw new InvalidOperationException("the database's node identity has no private key");
        var imported = NodeIdentity.ImportPrivate(key);
        System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        if (!imported.Success) throw new InvalidOperationException($"the node's private key ({KeyPlace}) cannot be read: {imported.Error}");
        if (imported.Value.NodeId != card.NodeId)
        {
            imported.Value.Dispose();
            throw new InvalidOperationException($"the private key ({KeyPlace}) is not this database's node {card.Name} ({card.Fingerprint})");
        }
        _identity = imported.Value;
        _nodeIdText = card.NodeId.ToString();
        await SignUnsignedAsync(connection, cancellationToken);
    }

    private string KeyPlace => KeyFilePath ?? "the database";

    /// <summary>A new identity, written to the key file first when there is one; or the key file a start that stopped before its database row left.</summary>
    private NodeIdentity NewOrLeftIdentity(NodeSetup setup)
    {
        if (KeyFilePath is { } path && File.Exists(path))
        {
            var left = NodeIdentity.ImportPrivate(File.ReadAllBytes(path));
            if (!left.Success) throw new InvalidOperationException($"the key file {path} exists but cannot be read ({left.Error}); move it away to make a new node");
            return left.Value;
        }
        var identity = NodeIdentity.Create(setup.Name, setup.Side);
        if (KeyFilePath is { } file)
        {
            var bytes = identity.ExportPrivate();
            try
            {
                KeyFile.WriteDurably(file, bytes);
            }
            finally
            {
                System.Security.Cryptography.CryptographicOperations.ZeroMemory(bytes);
            }
        }
        return identity;
    }

    private static async Task<(NodeCard Card, byte[]? PrivateKey)?> ReadIdentityRowAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        var rows = await QueryAsync(connection, "SELECT card, private_key FROM node_identity WHERE id = 1",
            r => (Card: r.GetFieldValue<byte[]>(0), Key: r.IsDBNull(1) ? null : r.GetFieldValue<byte[]>(1)), cancellationToken);
        if (rows.Count == 0) return null;
        var card = NodeCard.Parse(rows[0].Card);
        if (!card.Success) throw new InvalidOperationException($"the database's node card cannot be read: {card.Error}");
        return (card.Value, rows[0].Key);
    }

    /// <summary>The node, as <c>yalu node show</c> prints it.</summary>
    public async Task<NodeInfo> GetNodeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        var (seq, _) = await LastOwnEventAsync(connection, null, cancellationToken);
        return new NodeInfo(Card, KeyPlace, seq);
    }

    /// <summary>The newest own event's number and hash (0 and zeros for an empty log).</summary>
    private async Task<(long Seq, byte[] Hash)> LastOwnEventAsync(DbConnection connection, DbTransaction? tx, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, tx, "SELECT node_seq, hash FROM event_log WHERE node = @node ORDER BY node_seq DESC LIMIT 1", ("node", NodeIdText));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return (0, SignedEvent.ZeroHash.ToArray());
        return (reader.GetInt64(0), reader.GetFieldValue<byte[]>(1));
    }

    /// <summary>
    /// Signs, in <c>seq</c> order, every event written before the node had keys (an older database, a
    /// migration's own rows): each becomes the node's next event, its JSON carried as a format-0 payload.
    /// </summary>
    private async Task SignUnsignedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (Convert.ToInt64(await ScalarAsync(connection, null, "SELECT COUNT(*) FROM event_log WHERE node IS NULL", cancellationToken), CultureInfo.InvariantCulture) == 0)
            return;
        await using var tx = await BeginWriteAsync(connection, cancellationToken);
        var unsigned = new List<(long Seq, DateTimeOffset At, string Actor, string Kind, string Subject, string Json)>();
        await using (var command = Command(connection, tx, "SELECT seq, at, actor, kind, subject, payload FROM event_log WHERE node IS NULL ORDER BY seq"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                unsigned.Add((reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetFieldValue<string>(5)));
        var (last, prev) = await LastOwnEventAsync(connection, tx, cancellationToken);
        foreach (var e in unsigned)
        {
            var signed = SignedEvent.Create(Identity, ++last, prev, e.At, e.Kind, e.Subject, EventPayloads.Legacy(e.Actor, e.Json));
            prev = signed.Hash();
            await ExecuteAsync(connection, tx, "UPDATE event_log SET node = @node, node_seq = @nodeSeq, hash = @hash, signed = @signed WHERE seq = @seq",
                cancellationToken, ("node", NodeIdText), ("nodeSeq", last), ("hash", prev), ("signed", signed.Encode()), ("seq", e.Seq));
        }
        await tx.CommitAsync(cancellationToken);
    }
}
