using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Yalu.Market.Trading;
using Yalu.Web.Application;
using Yalu.Web.Rounds;

namespace Yalu.Web.Api;

/// <summary>ProblemDetails results with a stable <c>code</c>, and the map from domain errors to them.</summary>
public static class Problems
{
    /// <summary>A problem with <paramref name="status"/>, <paramref name="code"/> and a message for a person.</summary>
    public static ProblemHttpResult Of(int status, string code, string detail) =>
        TypedResults.Problem(new ProblemDetails
        {
            Status = status,
            Title = Title(status),
            Detail = detail,
            Extensions = { ["code"] = code },
        });

    /// <summary>422 <see cref="ApiCodes.ValidationFailed"/> with the messages of each field.</summary>
    public static ProblemHttpResult Validation(IDictionary<string, string[]> errors) =>
        TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status422UnprocessableEntity,
            Title = "The request has invalid fields",
            Detail = string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))),
            Extensions = { ["code"] = ApiCodes.ValidationFailed },
        });

    /// <summary>422 for a single field.</summary>
    public static ProblemHttpResult Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>The problem for a failed use case: 422 with every invalid field, or the problem of its error.</summary>
    public static ProblemHttpResult From<T>(Outcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.IsOk) throw new ArgumentException("a success is not a problem", nameof(outcome));
        return outcome.Error is { } error
            ? From(error)
            : Validation(outcome.Fields.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
    }

    /// <summary>The problem for an expected domain or use-case failure.</summary>
    public static ProblemHttpResult From(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Code switch
        {
            ErrorCodes.HandleTaken => Of(409, ApiCodes.HandleTaken, error.Message),
            UseCaseCodes.TraderNotFound => Of(404, ApiCodes.TraderNotFound, error.Message),
            UseCaseCodes.IouNotFound => Of(404, ApiCodes.IouNotFound, error.Message),
            ErrorCodes.NotIouParty => Of(403, ApiCodes.IouNotYours, error.Message),
            ErrorCodes.IouNotProposed or ErrorCodes.IouNotAccepted => Of(409, ApiCodes.IouNotProposed, error.Message),
            ErrorCodes.InvalidIouAmount => Validation("amount", error.Message),
            ErrorCodes.IouWithSelf => Validation("debtor", error.Message),
            ErrorCodes.MemoTooLong => Validation("memo", error.Message),
            ErrorCodes.InvalidCreditLimit => Validation("limit", error.Message),
            UseCaseCodes.LotNotFound => Of(404, ApiCodes.LotNotFound, error.Message),
            UseCaseCodes.RoundNotFound => Of(404, RoundCodes.RoundNotFound, error.Message),
            UseCaseCodes.RoundRunning => Of(409, RoundCodes.RoundRunning, error.Message),
            UseCaseCodes.LegNotFound => Of(404, RoundCodes.LegNotFound, error.Message),
            ErrorCodes.LegNotPending => Of(409, RoundCodes.LegNotPending, error.Message),
            ErrorCodes.LotNotOpen or ErrorCodes.LotNotMatched or ErrorCodes.LotInPendingLeg => Of(409, ApiCodes.LotNotOpen, error.Message),
            ErrorCodes.ConcurrencyConflict => Of(409, ApiCodes.LotChanged, error.Message),
            ErrorCodes.NotYourLot => Of(403, ApiCodes.LotNotYours, error.Message),
            ErrorCodes.UnknownLot => Of(404, ApiCodes.LotNotFound, error.Message),
            ErrorCodes.WantOwnLot => Of(422, ApiCodes.WantsOwnLot, error.Message),
            ErrorCodes.WantUnknownLot => Of(422, ApiCodes.WantsUnknownLot, error.Message),
            ErrorCodes.WantUnknownGood => Of(422, ApiCodes.WantsUnknownGood, error.Message),
            ErrorCodes.WantDuplicate => Of(422, ApiCodes.WantsDuplicate, error.Message),
            ErrorCodes.WantListTooLong => Of(422, ApiCodes.WantsTooLong, error.Message),
            ErrorCodes.WantListForDonor => Of(409, ApiCodes.WantsDonorLot, error.Message),
            ErrorCodes.NoteTooLong => Validation("note", error.Message),
            ErrorCodes.NegativeValue or ErrorCodes.InvalidMoney => Validation("value", error.Message),
            ErrorCodes.InvalidQuantity => Validation("quantity", error.Message),
            ErrorCodes.InvalidHandle => Validation("handle", error.Message),
            ErrorCodes.InvalidPercent => Validation("entries", error.Message),
            _ => Of(409, ApiCodes.Conflict, error.Message),
        };
    }

    /// <summary>The standard title of a status.</summary>
    public static string Title(int status) => status switch
    {
        400 => "Bad request",
        401 => "Not logged in",
        403 => "Not allowed",
        404 => "Not found",
        409 => "Conflict",
        413 => "Request too large",
        422 => "Unprocessable request",
        429 => "Too many requests",
        _ => "Error",
    };
}
