using Inventory.ProcurementService.Audit;

namespace Inventory.ProcurementService.Suppliers;

/// <summary>A company the business buys from.</summary>
public sealed class Supplier : IVersioned, IAuditedEntity
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Display name; unique regardless of case.</summary>
    public required string Name { get; set; }

    /// <summary>Upper-cased name, computed by the database; the unique index and the list order use it.</summary>
    public string NameNormalized { get; private set; } = "";

    public string? ContactName { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? Website { get; set; }
    public string? PaymentTerms { get; set; }
    public int LeadTimeDays { get; set; }
    public required string Currency { get; set; }
    public string? Notes { get; set; }
    public bool IsArchived { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Optimistic concurrency (<see cref="Versioning"/>): an update based on a stale read gets 409.</summary>
    public int Version { get; set; } = 1;

    /// <summary>The fields the audit trail compares (JSON names).</summary>
    public IReadOnlyDictionary<string, object?> AuditFields() => new Dictionary<string, object?>
    {
        ["name"] = Name,
        ["contactName"] = ContactName,
        ["email"] = Email,
        ["phone"] = Phone,
        ["address"] = Address,
        ["website"] = Website,
        ["paymentTerms"] = PaymentTerms,
        ["leadTimeDays"] = LeadTimeDays,
        ["currency"] = Currency,
        ["notes"] = Notes,
        ["isArchived"] = IsArchived,
    };
}
