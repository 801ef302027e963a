namespace Yalu.Benchmarks;

/// <summary>Finds ../shared/data beside the repository.</summary>
internal static class SharedData
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "Yalu.slnx"))) return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
        }
        throw new DirectoryNotFoundException("../shared/data not found; set YALU_SHARED_DATA");
    }
}
