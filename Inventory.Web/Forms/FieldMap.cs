using System.Globalization;
using System.Text.RegularExpressions;

namespace Inventory.Web.Forms;

/// <summary>
/// Where an API's field error goes on a form, by one rule: the JSON path becomes the model property path, each
/// member with a capital first letter, under the page's <paramref name="prefix"/> — <c>preferredSupplierId</c>
/// → <c>Input.PreferredSupplierId</c>, <c>lines[2].quantity</c> → <c>Input.Lines[2].Quantity</c>. A page declares
/// only where its form differs from the API: a member it calls otherwise (<see cref="Rename"/>), rows it did not
/// send (<see cref="Rows"/>), or a path the rule cannot reach (<see cref="Field"/>).
/// </summary>
public sealed partial class FieldMap(string prefix = "")
{
    private readonly Dictionary<string, string> _renames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<int>> _rows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    /// <summary>The form calls the API's member <paramref name="apiName"/> <paramref name="formName"/>, at any depth (e.g. itemId → sku: the form picks the item by SKU).</summary>
    public FieldMap Rename(string apiName, string formName)
    {
        _renames[apiName] = formName;
        return this;
    }

    /// <summary>The API's <paramref name="list"/>[i] came from the form's row <paramref name="rows"/>[i] (blank rows are not sent).</summary>
    public FieldMap Rows(string list, IReadOnlyList<int> rows)
    {
        _rows[list] = rows;
        return this;
    }

    /// <summary>One API path the rule cannot reach goes to <paramref name="formKey"/>.</summary>
    public FieldMap Field(string apiPath, string formKey)
    {
        _fields[apiPath] = formKey;
        return this;
    }

    /// <summary>
    /// The form key of an API error path, or null when the path is not a field path at all (a header such as
    /// <c>Idempotency-Key</c>, <c>row 3: sku</c>), or names a row the form did not send.
    /// </summary>
    public string? KeyOf(string apiPath)
    {
        if (_fields.TryGetValue(apiPath, out var key))
            return key;
        if (!FieldPath().IsMatch(apiPath))
            return null;
        var members = new List<string>();
        foreach (var member in apiPath.Split('.'))
        {
            var bracket = member.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? member : member[..bracket];
            var indexes = bracket < 0 ? "" : member[bracket..];
            if (_rows.TryGetValue(name, out var rows) && indexes.Length > 0)
            {
                var first = Index().Match(indexes);
                var sent = int.Parse(first.Groups[1].Value, CultureInfo.InvariantCulture);
                if (sent >= rows.Count)
                    return null;
                indexes = $"[{rows[sent].ToString(CultureInfo.InvariantCulture)}]{indexes[first.Length..]}";
            }
            members.Add(Pascal(_renames.GetValueOrDefault(name, name)) + indexes);
        }
        return string.Join('.', prefix.Length == 0 ? members : members.Prepend(prefix));
    }

    private static string Pascal(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    [GeneratedRegex(@"^[A-Za-z_]\w*(\[\d+\])*(\.[A-Za-z_]\w*(\[\d+\])*)*$")]
    private static partial Regex FieldPath();

    [GeneratedRegex(@"^\[(\d+)\]")]
    private static partial Regex Index();
}
