namespace Inventory.ServiceDefaults.Preflight;

/// <summary>Rules any service's settings may need: present, not a placeholder, the address of another service.</summary>
public static class SettingRules
{
    public const string Missing = "missing";
    public const string Placeholder = "still the example's placeholder: replace it";

    /// <summary>Why <paramref name="value"/> cannot be used as it is (missing, placeholder), or null.</summary>
    public static string? Absent(string? value) =>
        value is null ? Missing : PreflightContext.IsPlaceholder(value) ? Placeholder : null;

    public static PreflightRule Required(string key) => new(key, context => Absent(context.Value(key)));

    /// <summary>
    /// The address of <paramref name="service"/> by service discovery (<c>services:{service}:https:0</c> or <c>:http:0</c>,
    /// which the AppHost sets; set them by hand elsewhere), or <paramref name="alternative"/> where the service has its own setting.
    /// </summary>
    public static PreflightRule ServiceAddress(string service, string? alternative = null) =>
        new($"services:{service}", context =>
            context.HasAny($"services:{service}") || (alternative is not null && context.Value(alternative) is not null)
                ? null
                : $"missing: no address for {service} (services:{service}:http:0 or :https:0{(alternative is null ? "" : $", or {alternative}")})");

    /// <summary>Development sign-in and developer error pages exist only in Development: never deploy it.</summary>
    public static PreflightRule NotDevelopment { get; } = new("ASPNETCORE_ENVIRONMENT", context =>
        context.Environment.EnvironmentName == "Development"
            ? "Development: development sign-in and detailed errors are on; production runs Production"
            : null);
}
