using Inventory.ServiceDefaults.Commands;
using Microsoft.EntityFrameworkCore;

namespace Inventory.Web.Users;

/// <summary>
/// <c>dotnet Inventory.Web.dll admin grant &lt;email&gt;</c>: makes a person an Admin from the command line — the
/// first admin before anyone has signed in, or the way back in after a lock-out (<see cref="UserDirectory.GrantAdminAsync"/>).
/// </summary>
public sealed class AdminCommand : IServiceCommand
{
    public string Name => "admin";
    public string Usage => "admin grant <email>";

    public async Task<int> RunAsync(ServiceCommandContext context, CancellationToken ct)
    {
        if (context.Arguments is not ["grant", var given])
            return context.Fail($"Usage: {Usage}", ServiceCommands.WrongArguments);
        if (UserDirectory.NormalizeEmail(given) is not { } email)
            return context.Fail($"'{given}' is not an e-mail address (like name@example.com, at most {UserDirectory.MaxEmailLength} characters).",
                ServiceCommands.WrongArguments);

        await using var scope = context.Services.CreateAsyncScope();
        AdminGrant grant;
        try
        {
            grant = await scope.ServiceProvider.GetRequiredService<UserDirectory>()
                .GrantAdminAsync(email, UserAudit.CommandLine(Environment.UserName), ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return context.Fail($"{email} was changed by someone else meanwhile; run the command again.");
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            return context.Fail($"Granting Admin to {email} failed: {CommandErrors.Describe(ex)}");
        }
        await context.Output.WriteLineAsync(grant switch
        {
            AdminGrant.Promoted => $"{email} is now an Admin; their open sessions have ended.",
            AdminGrant.Provisioned => $"{email} has no account yet: it is provisioned as an Admin, and their first sign-in will be one.",
            _ => $"{email} already is an active Admin; nothing changed.",
        });
        return ServiceCommands.Succeeded;
    }
}
