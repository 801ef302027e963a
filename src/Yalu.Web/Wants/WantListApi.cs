using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Yalu.Market.Catalog;
using Yalu.Market.Trading;
using Yalu.Web.Api;
using Yalu.Web.Application;
using Yalu.Web.Auth;

namespace Yalu.Web.Wants;

/// <summary>Want lists: what I would take for one of my lots. Only the lot's owner reads or sets it.</summary>
public static class WantListApi
{
    /// <summary>Maps /api/lots/{id}/wants.</summary>
    public static RouteGroupBuilder MapWantLists(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/lots/{id}/wants").WithTags("Want lists").RequireAuthorization(YaluAuth.TraderPolicy);

        group.MapGet("/", Get).WithSummary("The want list of a lot of mine.");
        group.MapPut("/", Put).WithSummary("Set (replace) the want list of a lot of mine: explicit lots and rules, best first.");
        return group;
    }

    /// <summary>GET /api/lots/{id}/wants.</summary>
    public static async Task<Results<Ok<WantListResponse>, ProblemHttpResult>> Get(string id, ClaimsPrincipal user, WantListService wantLists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wantLists);
        var found = await wantLists.GetAsync(user.TraderId(), id, cancellationToken);
        if (!found.IsOk) return Problems.From(found);
        var (lot, wants) = found.Value;
        return TypedResults.Ok(new WantListResponse(lot.Id.ToString(), wants?.Entries.Select(WantEntryDto.From).ToList() ?? []));
    }

    /// <summary>PUT /api/lots/{id}/wants.</summary>
    public static async Task<Results<Ok<WantListResponse>, ProblemHttpResult>> Put(
        string id, WantListRequest request, ClaimsPrincipal user, WantListService wantLists, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(wantLists);
        var entries = new List<WantEntry>();
        var dtos = request.Entries ?? [];
        // Checked before the entries are parsed so a huge body is refused cheaply; WantList.Create holds the same limit.
        if (dtos.Count > WantList.MaxEntries) return Problems.Of(422, ApiCodes.WantsTooLong, $"a want list has at most {WantList.MaxEntries} entries");
        for (int i = 0; i < dtos.Count; i++)
        {
            var entry = Parse(dtos[i]);
            if (!entry.IsOk) return Problems.Validation($"entries[{i}]", entry.Error.Message);
            entries.Add(entry.Value);
        }
        var set = await wantLists.SetAsync(user.TraderId(), id, entries, cancellationToken);
        if (!set.IsOk) return Problems.From(set);
        return TypedResults.Ok(new WantListResponse(set.Value.Lot.ToString(), set.Value.Entries.Select(WantEntryDto.From).ToList()));
    }

    private static Result<WantEntry> Parse(WantEntryDto? dto)
    {
        if (dto is null) return Result.Fail<WantEntry>(ErrorCodes.InvalidPercent, "an entry is an object");
        int given = (dto.Lot is null ? 0 : 1) + (dto.Good is null ? 0 : 1) + (dto.Category is null ? 0 : 1);
        if (given != 1) return Result.Fail<WantEntry>(ErrorCodes.InvalidPercent, "an entry names exactly one of lot, good or category");
        if (dto.Lot is not null)
            return LotId.TryParse(dto.Lot, out var lot) ? Result.Ok(WantEntry.ForLot(lot)) : Result.Fail<WantEntry>(ErrorCodes.UnknownLot, $"'{dto.Lot}' is not a lot id");
        if (dto.Good is not null)
            return GoodId.TryParse(dto.Good, out var good) ? Result.Ok(WantEntry.ForGood(good)) : Result.Fail<WantEntry>(ErrorCodes.WantUnknownGood, $"'{dto.Good}' is not a good code");
        if (!CategoryId.IsValid(dto.Category)) return Result.Fail<WantEntry>(ErrorCodes.WantUnknownGood, $"'{dto.Category}' is not a category");
        return WantEntry.ForCategory(CategoryId.Parse(dto.Category!), dto.MinPercent ?? 100);
    }
}
