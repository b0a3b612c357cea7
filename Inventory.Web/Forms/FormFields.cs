using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Inventory.Web.Forms;

/// <summary>
/// What a form key (<c>Input.Lines[2].Quantity</c>) names on a page, read from the page model itself. It is shown
/// when it starts at a posted <c>[BindProperty]</c> of the page (not a route or query value) and no property down
/// the path is marked <c>[HiddenInput]</c>. The model is the form: a property the page does not show is either
/// absent from its input type or marked hidden.
/// </summary>
public static partial class FormFields
{
    private static readonly ConcurrentDictionary<(Type, string), FormField?> Known = new();

    /// <summary>The property the key names on <paramref name="page"/>, or null when it names none.</summary>
    public static FormField? Find(Type page, string key) => Known.GetOrAdd((page, key), k => Resolve(k.Item1, k.Item2));

    private static FormField? Resolve(Type page, string key)
    {
        var type = page;
        PropertyInfo? property = null;
        var shown = true;
        foreach (var member in key.Split('.'))
        {
            var match = Member().Match(member);
            if (!match.Success)
                return null;
            var top = property is null;
            property = type.GetProperty(match.Groups[1].Value, BindingFlags.Public | BindingFlags.Instance);
            if (property is null)
                return null;
            shown &= property.GetCustomAttribute<HiddenInputAttribute>() is null
                && (!top || property.GetCustomAttribute<BindPropertyAttribute>() is { SupportsGet: false });
            type = property.PropertyType;
            foreach (var _ in match.Groups[2].Captures)
                type = ElementType(type) ?? typeof(object);
        }
        return property is null ? null : new FormField(shown, property.GetCustomAttribute<DisplayAttribute>()?.GetName());
    }

    private static Type? ElementType(Type type) => type.IsArray
        ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))?.GetGenericArguments()[0];

    [GeneratedRegex(@"^(\w+)(\[\d+\])*$")]
    private static partial Regex Member();
}
