using Inventory.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;

namespace Inventory.AppHost;

/// <summary>
/// The ES256 key pairs behind service-to-service trust: Web signs user tokens, procurement signs its own
/// service tokens, and the services verify with public keys only. In run mode fresh pairs are generated
/// at every start (tokens live five minutes, so nothing needs them to persist); when publishing they are
/// secret parameters the operator supplies (docs/deployment.md shows how to make them).
/// </summary>
internal sealed record SigningKeyParameters(
    IResourceBuilder<ParameterResource> WebPrivate,
    IResourceBuilder<ParameterResource> WebPublic,
    IResourceBuilder<ParameterResource> ProcurementPrivate,
    IResourceBuilder<ParameterResource> ProcurementPublic)
{
    public const string SigningKeySetting = "Auth__SigningKey";
    public const string UserPublicKeySetting = "Auth__UserTokens__PublicKey";
    public const string ProcurementPublicKeySetting = "Auth__ServiceTokens__procurement__PublicKey";

    public static SigningKeyParameters Add(IDistributedApplicationBuilder builder)
    {
        var (webPrivate, webPublic) = Pair(builder, "web");
        var (procurementPrivate, procurementPublic) = Pair(builder, "procurement");
        return new(webPrivate, webPublic, procurementPrivate, procurementPublic);
    }

    private static (IResourceBuilder<ParameterResource>, IResourceBuilder<ParameterResource>) Pair(
        IDistributedApplicationBuilder builder, string owner)
    {
        var privateName = $"{owner}-signing-key";
        var publicName = $"{owner}-signing-public-key";
        if (builder.ExecutionContext.IsPublishMode || !string.IsNullOrEmpty(builder.Configuration[$"Parameters:{privateName}"]))
            return (builder.AddParameter(privateName, secret: true), builder.AddParameter(publicName, secret: false));

        var pair = SigningKeys.Generate();
        return (builder.AddParameter(privateName, pair.PrivateKeyPem, secret: true),
            builder.AddParameter(publicName, pair.PublicKeyPem, secret: false));
    }
}
