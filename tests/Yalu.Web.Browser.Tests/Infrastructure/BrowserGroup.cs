using Xunit;

namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>Every browser test shares one node and one chromium, and runs one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserMarket>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "browser";
}
