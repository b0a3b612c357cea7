using Microsoft.IdentityModel.JsonWebTokens;

namespace Inventory.ServiceDefaults.Security;

/// <summary>
/// What a signed, unexpired token must also be before a service believes it (docs/security.md, "Tokens"):
/// short — at most <see cref="TokenMinter.Lifetime"/> from issue (and from not-before) to expiry, and no longer
/// than that from now, so a token issued "in the future" cannot stretch it; complete — a subject to record on
/// ledger rows and audit entries; a user token never claims to be a service, since service identity comes
/// only from a service's own issuer and key; and only a service's token may name a person it acts for.
/// </summary>
public static class TokenRules
{
    public static TimeSpan MaxLifetime => TokenMinter.Lifetime;

    /// <summary>Why <paramref name="token"/> is refused, or null when it may be used.</summary>
    public static string? Refusal(JsonWebToken token, bool signedByService, DateTimeOffset now, TimeSpan clockSkew)
    {
        if (!token.TryGetPayloadValue<string>(TokenClaims.Subject, out var subject) || string.IsNullOrWhiteSpace(subject))
            return "The token has no subject.";
        if (token.IssuedAt == DateTime.MinValue)
            return "The token has no issue time.";
        var expires = new DateTimeOffset(token.ValidTo, TimeSpan.Zero);
        if (expires - new DateTimeOffset(token.IssuedAt, TimeSpan.Zero) > MaxLifetime)
            return $"The token lives longer than {MaxLifetime.TotalMinutes} minutes from its issue time.";
        if (token.ValidFrom != DateTime.MinValue && expires - new DateTimeOffset(token.ValidFrom, TimeSpan.Zero) > MaxLifetime)
            return $"The token lives longer than {MaxLifetime.TotalMinutes} minutes from its not-before time.";
        if (expires - now > MaxLifetime + clockSkew)
            return $"The token expires more than {MaxLifetime.TotalMinutes} minutes from now.";
        if (!signedByService && (token.TryGetPayloadValue<object>(TokenClaims.Service, out _) ||
                                 subject.StartsWith(TokenClaims.ServiceSubjectPrefix, StringComparison.OrdinalIgnoreCase)))
            return "A user token cannot carry a service identity.";
        if (token.TryGetPayloadValue<object>(TokenClaims.OnBehalfOf, out _))
        {
            if (!signedByService)
                return "A user token cannot act for someone else.";
            if (!token.TryGetPayloadValue<string>(TokenClaims.OnBehalfOf, out var person) || !IsPersonId(person))
                return "A service acts only for a person's user id.";
        }
        return null;
    }

    /// <summary>A user id a service may act for: a short, non-empty text that is not a service's subject.</summary>
    private static bool IsPersonId(string id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 100 &&
        !id.StartsWith(TokenClaims.ServiceSubjectPrefix, StringComparison.OrdinalIgnoreCase);
}
