using System.Security.Claims;
using System.Security.Cryptography;
using Inventory.ServiceDefaults.Security;
using Inventory.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inventory.Tests.Unit;

/// <summary>
/// Through the real token handler, as the services use it: a token's signature is checked once, the same text is then
/// believed without the check, and any token that differs — another signature, another key, a changed payload — is
/// checked (and refused) on its own; the rest of the validation still runs on every use.
/// </summary>
public sealed class VerifiedSignaturesTests
{
    private static readonly SigningKeys.KeyPair Web = SigningKeys.Generate();
    private readonly VerifiedSignatures _signatures = new(TimeProvider.System);
    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    private TokenValidationParameters Parameters(string audience = "catalog")
    {
        var key = ECDsa.Create();
        key.ImportFromPem(Web.PublicKeyPem);
        return new TokenValidationParameters
        {
            ValidAudience = audience,
            ValidIssuer = TokenClaims.UserIssuer,
            IssuerSigningKey = new ECDsaSecurityKey(key) { KeyId = TokenClaims.UserIssuer },
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            SignatureValidator = _signatures.Validate,
        };
    }

    private static string Token(SigningKeys.KeyPair key, string subject = "ann", string audience = "catalog", int minutes = 5) =>
        TestTokens.Crafted(key, TokenClaims.UserIssuer, audience, [new Claim(TokenClaims.Subject, subject)],
            DateTime.UtcNow, DateTime.UtcNow, DateTime.UtcNow.AddMinutes(minutes));

    private async Task<bool> AcceptedAsync(string token, string audience = "catalog") =>
        (await _handler.ValidateTokenAsync(token, Parameters(audience))).IsValid;

    [Fact]
    public async Task A_token_is_checked_once_and_then_believed_by_its_exact_text()
    {
        var token = Token(Web);

        Assert.True(await AcceptedAsync(token));
        Assert.True(await AcceptedAsync(token));
        Assert.True(await AcceptedAsync(token));

        Assert.Equal(1, _signatures.Checks);
    }

    [Fact]
    public async Task A_token_with_another_signature_or_payload_than_a_believed_one_is_checked_and_refused()
    {
        var token = Token(Web);
        Assert.True(await AcceptedAsync(token));
        var parts = token.Split('.');

        var otherKey = Token(SigningKeys.Generate());
        var signatureFlipped = $"{parts[0]}.{parts[1]}.{Flip(parts[2])}";
        var payloadOfBob = $"{parts[0]}.{new JsonWebToken(Token(Web, "bob")).EncodedPayload}.{parts[2]}";

        Assert.False(await AcceptedAsync(otherKey));
        Assert.False(await AcceptedAsync(signatureFlipped));
        Assert.False(await AcceptedAsync(payloadOfBob));
        Assert.Equal(4, _signatures.Checks);
        Assert.True(await AcceptedAsync(token)); // the believed one still is, without another check
        Assert.Equal(4, _signatures.Checks);
    }

    [Fact]
    public async Task A_believed_token_is_still_refused_by_an_audience_it_is_not_for_and_an_expired_one_is_never_believed()
    {
        var forProcurement = Token(Web, audience: "procurement");
        Assert.True(await AcceptedAsync(forProcurement, audience: "procurement"));

        Assert.False(await AcceptedAsync(forProcurement, audience: "catalog"));
        Assert.Equal(1, _signatures.Checks); // believed, and refused all the same

        var expired = Token(Web, minutes: -10);
        Assert.False(await AcceptedAsync(expired));
        Assert.False(await AcceptedAsync(expired));
        Assert.Equal(3, _signatures.Checks);
    }

    private static string Flip(string signature) =>
        (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
}
