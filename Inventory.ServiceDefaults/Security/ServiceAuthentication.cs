using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Inventory.ServiceDefaults.Security;

/// <summary>
/// How a backend service trusts its callers: a bearer token signed by Web (a user, with roles) or by a
/// named peer service (a service identity, never with user roles), for this service's audience, unexpired.
/// Public keys come from configuration: <c>Auth:UserTokens:PublicKey</c> and
/// <c>Auth:ServiceTokens:{service}:PublicKey</c>. Beyond signature, audience and expiry, a token must pass
/// <see cref="TokenRules"/> (short, with a subject, a user token never a service). Anonymous callers and
/// refused tokens get 401, insufficient roles 403.
/// </summary>
public static class ServiceAuthentication
{
    public const string UserPublicKeySetting = "Auth:UserTokens:PublicKey";

    public static string ServicePublicKeySetting(string service) => $"Auth:ServiceTokens:{service}:PublicKey";

    public static TBuilder AddServiceAuthentication<TBuilder>(this TBuilder builder, string audience, params string[] trustedServices)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            var keys = IssuerKeys(builder.Configuration, trustedServices);
            var signatures = new VerifiedSignatures(TimeProvider.System);
            options.MapInboundClaims = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = audience,
                ValidIssuers = keys.Keys,
                IssuerSigningKeyResolver = (_, token, _, _) =>
                    keys.TryGetValue(token.Issuer, out var key) ? [key] : [],
                ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                SignatureValidator = signatures.Validate,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = TokenClaims.Email,
                RoleClaimType = TokenClaims.Role,
            };
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    var service = ServiceOf(context.Principal!, trustedServices);
                    var clock = context.HttpContext.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
                    var refusal = context.SecurityToken is JsonWebToken token
                        ? TokenRules.Refusal(token, service is not null, clock.GetUtcNow(), context.Options.TokenValidationParameters.ClockSkew)
                        : "Not a JSON web token.";
                    if (refusal is not null)
                        context.Fail(refusal);
                    else if (service is not null)
                        context.Principal = ServiceIdentity(service, context.Principal!.FindFirst(TokenClaims.OnBehalfOf)?.Value);
                    return Task.CompletedTask;
                },
            };
        });
        builder.Services.AddAuthorization(options => options.AddInventoryPolicies());
        builder.Services.AddHttpContextAccessor();
        builder.AddRequiredConfigurationCheck([UserPublicKeySetting, .. trustedServices.Select(ServicePublicKeySetting)]);
        return builder;
    }

    /// <summary>The trusted service whose issuer (and so, after validation, whose key) signed the token; null for Web's user tokens.</summary>
    private static string? ServiceOf(ClaimsPrincipal principal, string[] trustedServices)
    {
        var issuer = principal.FindFirst(JwtIssuerClaim)?.Value;
        return trustedServices.FirstOrDefault(s => TokenClaims.ServiceIssuer(s) == issuer);
    }

    /// <summary>
    /// A token signed with a service's key is that service and nothing more: whatever roles or user claims it
    /// carries are dropped, so a compromised peer service cannot act as a user. Only the person it writes for
    /// (<see cref="TokenClaims.OnBehalfOf"/>) is kept, to be recorded — never to authorise.
    /// </summary>
    private static ClaimsPrincipal ServiceIdentity(string service, string? onBehalfOf) => new(new ClaimsIdentity(
        [
            new Claim(TokenClaims.Subject, TokenClaims.ServiceSubject(service)), new Claim(TokenClaims.Service, service),
            .. onBehalfOf is null ? Array.Empty<Claim>() : [new Claim(TokenClaims.OnBehalfOf, onBehalfOf)],
        ],
        JwtBearerDefaults.AuthenticationScheme, TokenClaims.Subject, TokenClaims.Role));

    private const string JwtIssuerClaim = "iss";

    private static Dictionary<string, SecurityKey> IssuerKeys(IConfiguration configuration, string[] trustedServices)
    {
        var keys = new Dictionary<string, SecurityKey>();
        AddKey(keys, TokenClaims.UserIssuer, configuration[UserPublicKeySetting]);
        foreach (var service in trustedServices)
            AddKey(keys, TokenClaims.ServiceIssuer(service), configuration[ServicePublicKeySetting(service)]);
        return keys;
    }

    private static void AddKey(Dictionary<string, SecurityKey> keys, string issuer, string? publicKeyPem)
    {
        // A missing key leaves that issuer untrusted; the required-configuration check reports it.
        if (string.IsNullOrWhiteSpace(publicKeyPem))
            return;
        var key = ECDsa.Create();
        key.ImportFromPem(publicKeyPem);
        keys[issuer] = new ECDsaSecurityKey(key) { KeyId = issuer };
    }
}
