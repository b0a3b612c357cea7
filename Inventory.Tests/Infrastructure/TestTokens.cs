using System.Security.Claims;
using System.Security.Cryptography;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inventory.Tests.Infrastructure;

/// <summary>Key pairs standing in for Web's and procurement's, and tokens signed with them.</summary>
public sealed class TestTokens
{
    public SigningKeys.KeyPair Web { get; } = SigningKeys.Generate();
    public SigningKeys.KeyPair Procurement { get; } = SigningKeys.Generate();

    public string UserToken(string audience, string role, string userId = "user-1", string email = "user@example.test") =>
        new TokenMinter(TokenClaims.UserIssuer, Web.PrivateKeyPem, TimeProvider.System).Mint(audience,
        [
            new Claim(TokenClaims.Subject, userId),
            new Claim(TokenClaims.Email, email),
            new Claim(TokenClaims.Role, role),
        ]);

    public string ServiceToken(string audience) =>
        new TokenMinter(TokenClaims.ServiceIssuer(ResourceNames.Procurement), Procurement.PrivateKeyPem, TimeProvider.System)
            .Mint(audience, [new Claim(TokenClaims.Subject, "service:procurement")]);

    /// <summary>
    /// A token of any shape the minters refuse to make (long-lived, times left out), signed with
    /// <paramref name="key"/>: what an attacker holding a key, or a careless minter, could send.
    /// </summary>
    public static string Crafted(SigningKeys.KeyPair key, string issuer, string audience, IEnumerable<Claim> claims,
        DateTime? issuedAt, DateTime? notBefore, DateTime expires)
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(key.PrivateKeyPem);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = issuedAt,
            NotBefore = notBefore,
            Expires = expires,
            SigningCredentials = new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = issuer }, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
