namespace Yalu.Storage;

/// <summary>SQLite's <c>PRAGMA synchronous</c> levels, by their numeric values.</summary>
public enum SqliteSynchronous
{
    /// <summary>Never fsyncs: a power cut can lose any write, even corrupt the file. Test-only.</summary>
    Off = 0,

    /// <summary>In WAL mode, fsyncs only at checkpoints: a power cut loses the commits since the last one. Test-only.</summary>
    Normal = 1,

    /// <summary>In WAL mode, fsyncs the log at every commit: no acknowledged write is lost. The store's setting.</summary>
    Full = 2,
}
