namespace Yalu.Storage;

/// <summary>One schema step: a version, a name and the provider's SQL (embedded Migrations/&lt;Provider&gt;/NNNN_name.sql).</summary>
/// <param name="Version">1, 2, …: applied in order, each once, recorded in schema_version.</param>
/// <param name="Name">The file's name without number and extension.</param>
/// <param name="Sql">The statements.</param>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>The migrations embedded for a provider folder ("Sqlite", "Postgres"), in version order.</summary>
    public static IReadOnlyList<Migration> For(string provider)
    {
        var assembly = typeof(Migration).Assembly;
        string prefix = $"{assembly.GetName().Name}.Migrations.{provider}.";
        var list = new List<Migration>();
        foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            string file = resource[prefix.Length..^".sql".Length];
            int version = int.Parse(file[..4], System.Globalization.CultureInfo.InvariantCulture);
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            list.Add(new Migration(version, file[5..], reader.ReadToEnd()));
        }
        for (int i = 0; i < list.Count; i++)
            if (list[i].Version != i + 1) throw new InvalidOperationException($"migration versions of {provider} are not 1..n");
        return list;
    }
}
