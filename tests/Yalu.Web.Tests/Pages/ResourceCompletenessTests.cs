using System.Xml.Linq;
using Xunit;

namespace Yalu.Web.Tests.Pages;

/// <summary>Every string of the pages exists, non-empty, in Korean and Chinese (and placeholders agree).</summary>
public sealed class ResourceCompletenessTests
{
    private static string ResourcesFolder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "src", "Yalu.Web", "Resources");
                if (Directory.Exists(candidate)) return candidate;
            }
            throw new DirectoryNotFoundException("src/Yalu.Web/Resources not found above the test's folder");
        }
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);

    public static TheoryData<string> BaseFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(ResourcesFolder, "*.resx").Where(f => Path.GetFileNameWithoutExtension(f).IndexOf('.', StringComparison.Ordinal) < 0).Order())
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Fact]
    public void The_trader_shared_and_keeper_files_exist_in_three_languages()
    {
        foreach (string name in new[] { "Shared", "Trader", "Keeper" })
        {
            foreach (string suffix in new[] { "", ".ko", ".zh" })
                Assert.True(File.Exists(Path.Combine(ResourcesFolder, name + suffix + ".resx")), $"{name}{suffix}.resx is missing");
        }
    }

    [Theory]
    [MemberData(nameof(BaseFiles))]
    public void Every_key_has_a_korean_and_a_chinese_translation(string baseFile)
    {
        var english = Read(Path.Combine(ResourcesFolder, baseFile));
        var problems = new List<string>();
        foreach (string language in new[] { "ko", "zh" })
        {
            string path = Path.Combine(ResourcesFolder, Path.GetFileNameWithoutExtension(baseFile) + "." + language + ".resx");
            if (!File.Exists(path))
            {
                problems.Add($"{Path.GetFileName(path)} is missing");
                continue;
            }
            var translated = Read(path);
            foreach (var (key, text) in english)
            {
                if (string.IsNullOrWhiteSpace(text)) problems.Add($"{baseFile}: {key} is empty in English");
                if (!translated.TryGetValue(key, out var other) || string.IsNullOrWhiteSpace(other)) problems.Add($"{language}: {key} is missing");
                else if (Placeholders(text) != Placeholders(other)) problems.Add($"{language}: {key} has placeholders {Placeholders(other)}, English {Placeholders(text)}");
            }
            foreach (string key in translated.Keys.Except(english.Keys)) problems.Add($"{language}: {key} is not in {baseFile}");
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Keys_are_unique_across_the_files()
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var clashes = new List<string>();
        foreach (string file in BaseFiles().Select(row => (string)row.Data))
        {
            foreach (string key in Read(Path.Combine(ResourcesFolder, file)).Keys)
            {
                if (!seen.TryAdd(key, file)) clashes.Add($"{key} in {seen[key]} and {file}");
            }
        }
        Assert.Empty(clashes);
    }

    private static string Placeholders(string text) =>
        string.Join(",", System.Text.RegularExpressions.Regex.Matches(text, @"\{(\d+)").Select(m => m.Groups[1].Value).Distinct().Order());
}
