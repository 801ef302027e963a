using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Yalu.Storage;
using Yalu.Web.Api;

namespace Yalu.Web.Idempotency;

/// <summary>
/// Caps request bodies of writes and makes every write safe to retry. A write (POST, PUT, PATCH,
/// DELETE) with an <c>Idempotency-Key</c> header runs at most once per key and caller: requests with
/// the same key are serialised; the first successful (2xx) response is recorded in the store
/// (<see cref="IWebStateStore"/>) and a retry with the same method, path and body gets it back
/// (status, body, Location, and <c>Idempotency-Replayed: true</c>) with no second effect; the same key
/// with another request gets 422 <see cref="ApiCodes.IdempotencyKeyReused"/>. A failed write is not
/// recorded: it changed nothing, so running it again is safe.
/// </summary>
/// <remarks>
/// Keys are scoped by caller (trader id, or "anonymous") and stored only as SHA-256(caller, key); the
/// request fingerprint is an HMAC-SHA256 keyed by the key itself, so a copy of the database reveals
/// neither the keys nor, say, a registration's pass phrase. Serialisation is per process: nodes
/// sharing one PostgreSQL database each serialise their own requests, and the first record wins.
/// </remarks>
public sealed class IdempotencyMiddleware(RequestDelegate next, IWebStateStore store, TimeProvider clock, IOptions<YaluWebOptions> options)
{
    /// <summary>The request header.</summary>
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The keeper's exchange page, whose upload may be as large as <see cref="YaluWebOptions.MaxBundleBytes"/>.</summary>
    public const string SyncPath = "/keeper/sync";

    /// <summary>The response header set on a replayed response.</summary>
    public const string ReplayedHeader = "Idempotency-Replayed";

    private const int MaxKeyLength = 200;
    private readonly KeyedLock _locks = new();

    /// <summary>Runs the request.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method) || HttpMethods.IsDelete(request.Method)))
        {
            await next(context);
            return;
        }

        // A bundle from the other bank is the one body larger than a form or a JSON write.
        int cap = request.Path.StartsWithSegments(SyncPath, StringComparison.OrdinalIgnoreCase) ? options.Value.MaxBundleBytes : options.Value.MaxRequestBodyBytes;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature) sizeFeature.MaxRequestBodySize = cap;
        byte[]? body = await ReadCappedAsync(request, cap, context.RequestAborted);
        if (body is null)
        {
            await ProblemWriter.WriteAsync(context, 413, ApiCodes.RequestTooLarge, $"a request body has at most {cap} bytes");
            return;
        }
        request.Body = new MemoryStream(body, writable: false);
        request.ContentLength = body.Length;

        string? key = request.Headers[HeaderName];
        if (key is null || context.GetEndpoint() is not { } endpoint)
        {
            await next(context);
            return;
        }
        if (key.Length is 0 or > MaxKeyLength || !key.All(c => c is >= '!' and <= '~'))
        {
            await ProblemWriter.WriteAsync(context, 400, ApiCodes.IdempotencyKeyInvalid, $"an {HeaderName} is 1 to {MaxKeyLength} printable ASCII characters (a UUID is ideal)");
            return;
        }
        if (endpoint.Metadata.GetMetadata<SkipIdempotencyReplay>() is not null)
        {
            await next(context);
            return;
        }

        string caller = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "anonymous";
        string keyHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(caller + "\n" + key)));
        string fingerprint = Fingerprint(key, request, body);

        using var held = await _locks.AcquireAsync(keyHash, context.RequestAborted);
        var now = clock.GetUtcNow();
        var first = await store.FindIdempotentResponseAsync(keyHash, context.RequestAborted);
        if (first is not null && first.CreatedAt > now - options.Value.IdempotencyRetention)
        {
            if (!string.Equals(first.Fingerprint, fingerprint, StringComparison.Ordinal))
            {
                await ProblemWriter.WriteAsync(context, 422, ApiCodes.IdempotencyKeyReused,
                    $"this {HeaderName} was used for another request; use a new key for a new request");
                return;
            }
            await ReplayAsync(context, first);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        var response = context.Response;
        if (response.StatusCode is >= 200 and < 300)
        {
            await store.SaveIdempotentResponseAsync(keyHash,
                new IdempotentResponse(fingerprint, response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } l ? l : null,
                    buffer.ToArray(), now),
                now - options.Value.IdempotencyRetention, CancellationToken.None);
        }
        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotentResponse first)
    {
        var response = context.Response;
        response.StatusCode = first.Status;
        if (first.ContentType is not null) response.ContentType = first.ContentType;
        if (first.Location is not null) response.Headers.Location = first.Location;
        response.Headers[ReplayedHeader] = "true";
        response.ContentLength = first.Body.Length;
        await response.Body.WriteAsync(first.Body, context.RequestAborted);
    }

    private static string Fingerprint(string key, HttpRequest request, byte[] body)
    {
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
        byte[] head = Encoding.UTF8.GetBytes($"{request.Method}\n{request.Path}{request.QueryString}\n");
        hmac.TransformBlock(head, 0, head.Length, null, 0);
        hmac.TransformFinalBlock(body, 0, body.Length);
        return Convert.ToBase64String(hmac.Hash!);
    }

    /// <summary>The whole body, or null when it is longer than <paramref name="cap"/>.</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpRequest request, int cap, CancellationToken cancellationToken)
    {
        if (request.ContentLength > cap) return null;
        using var copy = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (copy.Length + read > cap) return null;
                copy.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }
        return copy.ToArray();
    }
}
