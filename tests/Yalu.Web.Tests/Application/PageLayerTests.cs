using Xunit;

namespace Yalu.Web.Tests.Application;

/// <summary>The pages go through the application layer, never through the API's handlers.</summary>
public sealed class PageLayerTests
{
    private static readonly string[] ApiTypes = ["RoundApi", "LotApi", "TraderApi", "WantListApi", "PriceBoardApi", "RateApi", "LegApi", "CatalogApi"];

    [Fact]
    public void No_page_model_depends_on_an_api_handler_type()
    {
        var pages = typeof(Yalu.Web.Pages.YaluPageModel).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Yalu.Web.Pages", StringComparison.Ordinal) == true);
        foreach (var page in pages)
        {
            foreach (var ctor in page.GetConstructors())
                foreach (var parameter in ctor.GetParameters())
                    Assert.DoesNotContain(parameter.ParameterType.Name, ApiTypes);
        }
        // The source is the stronger check: a static call leaves no trace in a constructor.
        string root = FindRepository();
        if (root.Length == 0) return;
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src", "Yalu.Web", "Pages"), "*", SearchOption.AllDirectories))
        {
            string text = File.ReadAllText(file);
            foreach (var api in ApiTypes) Assert.False(text.Contains(api + ".", StringComparison.Ordinal), $"{file} calls {api}");
            Assert.False(text.Contains("ProblemHttpResult", StringComparison.Ordinal), $"{file} reads an HTTP result");
        }
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Yalu.slnx"))) return dir.FullName;
        return "";
    }
}
