using System.Security.Cryptography;

namespace Inventory.ServiceDefaults.Preflight;

/// <summary>
/// The ES256 (P-256) PEM keys of service-to-service trust (docs/sign-in.md): each present and readable, and — where one
/// process sees both halves of a pair — the halves belonging together, or (where they must not) apart.
/// </summary>
public static class SigningKeyRules
{
    public static PreflightRule PrivateKey(string key) => new(key, context =>
        SettingRules.Absent(context.Value(key)) ?? (Read(context.Value(key)!, isPrivate: true) is null
            ? "not a PEM P-256 private key (-----BEGIN PRIVATE KEY-----; docs/sign-in.md shows how to make one)"
            : null));

    public static PreflightRule PublicKey(string key) => new(key, context =>
        SettingRules.Absent(context.Value(key)) ?? (Read(context.Value(key)!, isPrivate: false) is null
            ? "not a PEM P-256 public key (-----BEGIN PUBLIC KEY-----; docs/sign-in.md shows how to make one)"
            : null));

    /// <summary>When both are set and readable, <paramref name="publicKey"/> must be the public half of <paramref name="privateKey"/>.</summary>
    public static PreflightRule Matches(string publicKey, string privateKey) => new(publicKey, context =>
        Halves(context, publicKey, privateKey) is (true, _) ? null : $"does not match {privateKey}: tokens signed with it would be refused");

    /// <summary>When both are set and readable, <paramref name="publicKey"/> must not be the public half of <paramref name="privateKey"/>.</summary>
    public static PreflightRule DoesNotMatch(string publicKey, string privateKey, string why) => new(publicKey, context =>
        Halves(context, publicKey, privateKey) is (true, true) ? $"is the public half of {privateKey}: {why}" : null);

    /// <summary>Two public keys that must belong to different issuers.</summary>
    public static PreflightRule Distinct(string publicKey, string otherPublicKey, string why) => new(publicKey, context =>
    {
        var (one, other) = (Fingerprint(context, publicKey, isPrivate: false), Fingerprint(context, otherPublicKey, isPrivate: false));
        return one is not null && one == other ? $"is the same key as {otherPublicKey}: {why}" : null;
    });

    /// <summary>Whether the halves match, and whether they could be compared at all (not when either is missing or unreadable: other rules report that).</summary>
    private static (bool Match, bool Compared) Halves(PreflightContext context, string publicKey, string privateKey)
    {
        var (one, other) = (Fingerprint(context, publicKey, isPrivate: false), Fingerprint(context, privateKey, isPrivate: true));
        return one is null || other is null ? (true, false) : (one == other, true);
    }

    /// <summary>The public key's SubjectPublicKeyInfo, which both halves of a pair share; null when unset or unreadable.</summary>
    private static string? Fingerprint(PreflightContext context, string key, bool isPrivate)
    {
        if (context.Value(key) is not { } pem)
            return null;
        using var ecdsa = Read(pem, isPrivate);
        return ecdsa is null ? null : Convert.ToBase64String(SHA256.HashData(ecdsa.ExportSubjectPublicKeyInfo()));
    }

    private static ECDsa? Read(string pem, bool isPrivate)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
            if (key.KeySize != 256)
                throw new CryptographicException("ES256 needs a P-256 key.");
            if (isPrivate)
                key.ExportParameters(includePrivateParameters: true);
            else if (pem.Contains("PRIVATE KEY", StringComparison.Ordinal))
                throw new CryptographicException("A private key where a public one belongs.");
            return key;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            key.Dispose();
            return null;
        }
    }
}
