namespace Yalu.Web.Browser.Tests.Infrastructure;

/// <summary>What a page's first load cost.</summary>
/// <param name="Requests">Requests made until the network was idle.</param>
/// <param name="Transferred">Response headers plus bodies as sent (compressed), in bytes.</param>
/// <param name="Bodies">Response bodies as sent, in bytes.</param>
/// <param name="Decoded">Response bodies after decompression, in bytes.</param>
/// <param name="Largest">The heaviest response: its path and size as sent.</param>
public sealed record PageWeight(int Requests, long Transferred, long Bodies, long Decoded, string Largest);
