namespace Yalu.Storage;

/// <summary>The first response to a write sent with an idempotency key, replayed to its retries.</summary>
/// <param name="Fingerprint">An HMAC of the request (method, path, body) keyed by the idempotency key.</param>
/// <param name="Status">The HTTP status code.</param>
/// <param name="ContentType">The response's content type, or null without a body.</param>
/// <param name="Location">The response's Location header (a created resource), or null.</param>
/// <param name="Body">The response body.</param>
/// <param name="CreatedAt">When it was recorded.</param>
public sealed record IdempotentResponse(string Fingerprint, int Status, string? ContentType, string? Location, ReadOnlyMemory<byte> Body, DateTimeOffset CreatedAt);
