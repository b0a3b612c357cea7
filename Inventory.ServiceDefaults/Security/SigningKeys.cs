using System.Security.Cryptography;

namespace Inventory.ServiceDefaults.Security;

/// <summary>ES256 (P-256) key pairs as PEM text, the form configuration carries them in.</summary>
public static class SigningKeys
{
    public sealed record KeyPair(string PrivateKeyPem, string PublicKeyPem);

    public static KeyPair Generate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new(key.ExportPkcs8PrivateKeyPem(), key.ExportSubjectPublicKeyInfoPem());
    }
}
