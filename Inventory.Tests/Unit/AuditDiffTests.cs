
namespace Inventory.Tests.Unit;

public sealed class AuditDiffTests
{
    [Fact]
    public void Only_changed_fields_are_recorded_with_before_and_after()
    {
        var changes = AuditDiff.Compute(
            new Dictionary<string, object?> { ["name"] = "a", ["cost"] = 1.50m, ["note"] = null },
            new Dictionary<string, object?> { ["name"] = "b", ["cost"] = 1.5m, ["note"] = null });

        var change = Assert.Single(changes);
        Assert.Equal("name", change.Key);
        Assert.Equal(new FieldChange("a", "b"), change.Value);
    }

    [Fact]
    public void A_creation_records_every_field_with_no_before()
    {
        var changes = AuditDiff.Compute(null, new Dictionary<string, object?> { ["name"] = "a", ["note"] = null });

        Assert.Equal(2, changes.Count);
        Assert.All(changes.Values, c => Assert.Null(c.Before));
    }

    [Fact]
    public void Changes_serialize_as_a_json_object_of_fields() =>
        Assert.Equal("""{"name":{"before":"a","after":"b"}}""",
            AuditDiff.ToJson(AuditDiff.Compute(new Dictionary<string, object?> { ["name"] = "a" }, new Dictionary<string, object?> { ["name"] = "b" })));
}
