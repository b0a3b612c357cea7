namespace Inventory.ServiceDefaults.Security;

/// <summary>Claim names in the tokens Web and the services exchange (short JWT names, no inbound mapping).</summary>
public static class TokenClaims
{
    public const string Subject = "sub";
    public const string Email = "email";
    public const string Name = "name";
    public const string Role = "role";
    /// <summary>Set only on service identities: the calling service's resource name.</summary>
    public const string Service = "service";

    /// <summary>
    /// Set only on a service's token when it writes for a person (procurement posting a receipt someone received): that
    /// person's user id. It is recorded as the user of the movement, the service as its channel; it grants nothing —
    /// the call is authorised as the service.
    /// </summary>
    public const string OnBehalfOf = "on_behalf_of";

    /// <summary>Subjects of service identities start so; no user's subject may (user ids are Web's GUIDs).</summary>
    public const string ServiceSubjectPrefix = "service:";

    /// <summary>The subject a service identity is recorded under, e.g. <c>service:procurement</c>.</summary>
    public static string ServiceSubject(string service) => ServiceSubjectPrefix + service;

    /// <summary>Issuer of user tokens: only Web holds the key that signs them.</summary>
    public const string UserIssuer = "inventory-web";

    /// <summary>Issuer of a service's own tokens.</summary>
    public static string ServiceIssuer(string service) => $"inventory-{service}";
}
