using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inventory.ServiceDefaults.Security;

/// <summary>
/// Who a request's rate-limit budget belongs to, as the gateway may know it. Web, after validating the session,
/// sets this cookie: a user token for the gateway's audience carrying only the user id, signed with Web's user
/// key and living <see cref="TokenMinter.Lifetime"/>. The gateway verifies it with Web's public key — it can
/// check a pass but never mint one, and it never sees Web's data-protection keys. A missing, forged, tampered
/// or expired pass counts as no pass: the request spends its client address's budget.
/// </summary>
public static class BudgetPass
{
    public const string CookieName = "__Host-Inventory-Budget";
    public const string Audience = ResourceNames.Gateway;

    /// <summary>Web renews a pass this old, so an active user's pass never runs out.</summary>
    public static readonly TimeSpan RenewAfter = TokenMinter.Lifetime / 2;

    /// <summary>Longer values are not passes Web wrote; the gateway does not spend a signature check on them.</summary>
    public const int MaxLength = 1024;

    public static TokenValidationParameters Validation(string userPublicKeyPem)
    {
        var key = ECDsa.Create();
        key.ImportFromPem(userPublicKeyPem);
        return new TokenValidationParameters
        {
            ValidIssuer = TokenClaims.UserIssuer,
            ValidAudience = Audience,
            IssuerSigningKey = new ECDsaSecurityKey(key) { KeyId = TokenClaims.UserIssuer },
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            // A browser sends the same pass with every request, static files too: its signature is checked once
            // (VerifiedSignatures, as the services check their tokens); expiry and audience on every request.
            SignatureValidator = new VerifiedSignatures(TimeProvider.System).Validate,
        };
    }

    /// <summary>The user a pass names, or null when it is not a valid pass.</summary>
    public static async Task<string?> UserAsync(JsonWebTokenHandler handler, TokenValidationParameters validation, string? pass)
    {
        if (string.IsNullOrEmpty(pass) || pass.Length > MaxLength)
            return null;
        var result = await handler.ValidateTokenAsync(pass, validation);
        return result.IsValid && result.Claims.TryGetValue(TokenClaims.Subject, out var subject) && subject is string { Length: > 0 } user
            ? user
            : null;
    }
}
