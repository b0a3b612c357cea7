using System.Security.Claims;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;

namespace Inventory.Benchmarks.Suite;

/// <summary>
/// User tokens as Web mints them (the suite made Web's signing key, <c>keys</c> mode), for calling the services
/// directly: a Manager, five minutes each — every step mints its own.
/// </summary>
public sealed class Tokens(TokenMinter minter)
{
    public static Tokens FromKeyFile(string file) =>
        new(new TokenMinter(TokenClaims.UserIssuer, File.ReadAllText(file), TimeProvider.System));

    public string ForCatalog() => For(ResourceNames.Catalog);

    public string For(string audience) =>
        minter.Mint(audience, [new Claim(TokenClaims.Subject, "bench-user"), new Claim(TokenClaims.Role, Roles.Manager)]);

    /// <summary><c>keys --out dir</c>: Web's and procurement's key pairs, one PEM file each, for the services' environment.</summary>
    public static int WriteKeys(SuiteOptions options)
    {
        var folder = Directory.CreateDirectory(options.Text("out")).FullName;
        foreach (var owner in new[] { "web", "procurement" })
        {
            var pair = SigningKeys.Generate();
            File.WriteAllText(Path.Combine(folder, $"{owner}.key"), pair.PrivateKeyPem);
            File.WriteAllText(Path.Combine(folder, $"{owner}.pub"), pair.PublicKeyPem);
        }
        return 0;
    }
}
