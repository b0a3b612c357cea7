using System.Security.Claims;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;

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
}
