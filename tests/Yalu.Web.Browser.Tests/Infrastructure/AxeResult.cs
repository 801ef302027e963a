namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>What axe-core found on one page.</summary>
/// <param name="Passes">How many rules passed.</param>
/// <param name="Violations">The rules violated.</param>
public sealed record AxeResult(int Passes, IReadOnlyList<AxeViolation> Violations)
{
    /// <summary>The violations that fail a test: serious or critical.</summary>
    public IEnumerable<AxeViolation> Blocking => Violations.Where(v => v.Impact is "serious" or "critical");
}
