using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inventory.ServiceDefaults.Security;

/// <summary>
/// Signs short-lived ES256 tokens for calls to a service. Web mints user tokens (the signed-in user's id,
/// e-mail and roles); a service mints tokens for its own identity. Only the holder of the private key can
/// mint; the services hold public keys only.
/// </summary>
public sealed class TokenMinter
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _clock;

    public TokenMinter(string issuer, string privateKeyPem, TimeProvider clock)
    {
        Issuer = issuer;
        var key = ECDsa.Create();
        key.ImportFromPem(privateKeyPem);
        _credentials = new SigningCredentials(new ECDsaSecurityKey(key) { KeyId = issuer }, SecurityAlgorithms.EcdsaSha256);
        _clock = clock;
    }

    public string Issuer { get; }

    public string Mint(string audience, IEnumerable<Claim> claims)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + Lifetime,
            SigningCredentials = _credentials,
        });
    }
}
