namespace Inventory.ServiceDefaults.Preflight;

/// <summary>
/// One thing a production configuration must get right, named by the setting an operator would change.
/// <see cref="Check"/> answers null when the setting is fine, else what is wrong with it — in words that never
/// repeat the setting's value, since values may be secrets.
/// </summary>
public sealed record PreflightRule(string Setting, Func<PreflightContext, string?> Check);

/// <summary>A rule that did not hold: <c>Setting  Problem</c> on one line of <c>check</c>'s output.</summary>
public sealed record PreflightFinding(string Setting, string Problem)
{
    public override string ToString() => $"{Setting}  {Problem}";
}
