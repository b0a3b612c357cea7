using Inventory.ServiceDefaults.Kit;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inventory.ServiceDefaults.Security;

/// <summary>
/// Checks a bearer token's ES256 signature once per distinct token, not once per request: Web reuses a token for
/// minutes (<see cref="TokenCache"/>), and the check was about a quarter of a movement's CPU in the catalog (issue 14).
/// Only the signature is remembered, keyed by the token's exact text (header, payload and signature), so a token that
/// differs in any character is checked afresh; issuer, audience, lifetime and <see cref="TokenRules"/> are still checked
/// on every request by the handler. A token is forgotten at its expiry, and only tokens that passed are kept, so a caller
/// without a key cannot fill the map.
/// </summary>
public sealed class VerifiedSignatures(TimeProvider clock)
{
    private readonly ExpiringMap<string, bool> _verified = new(clock, comparer: StringComparer.Ordinal);
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>How many tokens had their signature checked (not remembered): for tests.</summary>
    public int Checks => Volatile.Read(ref _checks);

    private int _checks;

    /// <summary>A <see cref="TokenValidationParameters.SignatureValidator"/>: the parsed token when its signature holds.</summary>
    public SecurityToken Validate(string token, TokenValidationParameters parameters)
    {
        if (_verified.TryGet(token, out _))
            return new JsonWebToken(token);
        Interlocked.Increment(ref _checks);
        var full = parameters.Clone();
        full.SignatureValidator = null;
        // The handler's own full check (signature with the issuer's key, and the rest, which the caller repeats). It is
        // synchronous in substance: the keys are in memory, no metadata is fetched, so the task has completed on return.
        var result = _handler.ValidateTokenAsync(token, full).GetAwaiter().GetResult();
        if (!result.IsValid)
            throw result.Exception;
        var verified = (JsonWebToken)result.SecurityToken;
        var lifetime = new DateTimeOffset(verified.ValidTo, TimeSpan.Zero) - clock.GetUtcNow();
        if (lifetime > TimeSpan.Zero)
            _verified.Set(token, true, lifetime);
        return verified;
    }
}
