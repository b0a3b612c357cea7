namespace Inventory.Web.Settings;

/// <summary>
/// Who "we" are on what the app prints and shows: the company's name and address (the purchase-order print view), the
/// currency of its own money and terms printed under every order. Data an Admin edits (/admin/settings), not
/// configuration: one row in webdb, seeded by its migration, so there is always one to update.
/// </summary>
public sealed class CompanySettings
{
    /// <summary>The one row's key.</summary>
    public const int SingletonId = 1;

    /// <summary>The audit trail's entity id of the settings (the kit's audit entries are keyed by a Guid).</summary>
    public static readonly Guid AuditId = new("00000000-0000-0000-0000-00000000c0de");

    public const string EntityType = "company-settings";
    public const string DefaultCurrency = "USD";
    public const int NameLength = 200;
    public const int AddressLength = 1000;
    public const int TermsLength = 4000;

    public int Id { get; init; } = SingletonId;
    public string CompanyName { get; set; } = "";
    public string? Address { get; set; }
    public string Currency { get; set; } = DefaultCurrency;
    public string? Terms { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>
    /// The Idempotency-Key of the save that wrote this row: a form posted twice (a double click, a retry after a lost
    /// answer) is recognised and answered as saved, instead of failing the second time on the version it already moved.
    /// </summary>
    public string? LastSaveKey { get; set; }

    /// <summary>Concurrency token (PostgreSQL's xmin): two admins saving at once cannot silently overwrite each other.</summary>
    public uint Version { get; set; }

    public IReadOnlyDictionary<string, object?> AuditFields() => new Dictionary<string, object?>
    {
        ["companyName"] = CompanyName, ["address"] = Address, ["currency"] = Currency, ["terms"] = Terms,
    };
}
