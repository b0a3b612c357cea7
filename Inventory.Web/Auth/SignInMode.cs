namespace Inventory.Web.Auth;

/// <summary>How people sign in to this instance.</summary>
public sealed record SignInMode(bool Google, bool Development);
