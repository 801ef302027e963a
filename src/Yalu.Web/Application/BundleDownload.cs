using Yalu.Storage;

namespace Yalu.Web.Application;

/// <summary>A sealed bundle ready to download.</summary>
/// <param name="FileName">A file name that says from whom, to whom and when.</param>
/// <param name="Bundle">The bundle and what is in it.</param>
public sealed record BundleDownload(string FileName, ExportedBundle Bundle);
