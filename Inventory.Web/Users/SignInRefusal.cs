namespace Inventory.Web.Users;

/// <summary>Why a person may not sign in, in words to show them.</summary>
public sealed record SignInRefusal(string Reason);
