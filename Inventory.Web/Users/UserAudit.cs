namespace Inventory.Web.Users;

/// <summary>
/// How changes to users are audited: the kit's one audit shape (<see cref="AuditEntry"/> in webdb's <c>audit_entries</c>),
/// entity type <c>user</c>, each field of <see cref="Fields"/> before → after.
/// </summary>
public static class UserAudit
{
    public const string EntityType = "user";
    public const string Activate = "activate";
    public const string Deactivate = "deactivate";

    /// <summary>Who "acted" when a sign-in provisioned or updated a user: no person, the sign-in itself.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Who acted when an operator ran a command (<c>admin grant</c>): the command line and the OS account that ran it.</summary>
    public static string CommandLine(string osUser) => $"command line ({osUser})";

    public static IReadOnlyDictionary<string, object?> Fields(AppUser user) => new Dictionary<string, object?>
    {
        ["email"] = user.Email, ["displayName"] = user.DisplayName, ["role"] = user.Role, ["isActive"] = user.IsActive,
    };

    /// <summary>A sign-in's change of <paramref name="user"/> (<paramref name="before"/> null: it was created).</summary>
    public static AuditEntry BySignIn(AppUser user, IReadOnlyDictionary<string, object?>? before, DateTimeOffset at) =>
        AuditDiff.Entry(EntityType, user.Id, before is null ? AuditActions.Create : AuditActions.Update, SignIn, at, before, Fields(user));
}
