using System.Security.Claims;
using Inventory.ServiceDefaults.Kit;

namespace Inventory.ServiceDefaults.Security;

/// <summary>
/// Reuses a minted token for the same audience and claims for most of its <see cref="TokenMinter.Lifetime"/>: an
/// ES256 signature per call was a visible part of a page's CPU, and a page makes several calls for one user. A token
/// is handed out only while at least <see cref="MinimumRemaining"/> of its life is left, so a call (with its retries
/// and the receiver's clock skew allowance) never carries one about to expire. Claims that differ (another role, another
/// person on whose behalf) make another token.
/// </summary>
public sealed class TokenCache(TokenMinter minter, TimeProvider clock)
{
    /// <summary>What a reused token has left at least: a fresh one is minted once less remains.</summary>
    public static readonly TimeSpan MinimumRemaining = TimeSpan.FromMinutes(1);

    private readonly ExpiringMap<string, string> _tokens = new(clock, comparer: StringComparer.Ordinal);

    public TokenMinter Minter => minter;

    public string Get(string audience, IReadOnlyCollection<Claim> claims)
    {
        var key = Key(audience, claims);
        if (_tokens.TryGet(key, out var reused))
            return reused;
        var token = minter.Mint(audience, claims);
        _tokens.Set(key, token, TokenMinter.Lifetime - MinimumRemaining);
        return token;
    }

    /// <summary>Audience and claims, each part length-prefixed so no two different sets make the same key.</summary>
    private static string Key(string audience, IReadOnlyCollection<Claim> claims)
    {
        var key = new System.Text.StringBuilder().Append(audience.Length).Append(':').Append(audience);
        foreach (var claim in claims.OrderBy(c => c.Type, StringComparer.Ordinal).ThenBy(c => c.Value, StringComparer.Ordinal))
            key.Append('|').Append(claim.Type.Length).Append(':').Append(claim.Type).Append(claim.Value.Length).Append(':').Append(claim.Value);
        return key.ToString();
    }
}
