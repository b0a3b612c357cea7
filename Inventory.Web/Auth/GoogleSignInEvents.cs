using System.Security.Claims;
using Inventory.Web.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OAuth;

namespace Inventory.Web.Auth;

/// <summary>
/// Turns Google's answer into an Inventory session — or a friendly refusal. Every failure (the person
/// declined, a missing code, a bad state, a refused domain) ends on the sign-in page with a message and a
/// log line, never a 500.
/// </summary>
public sealed class GoogleSignInEvents(UserDirectory users, TimeProvider clock, ILogger<GoogleSignInEvents> logger) : OAuthEvents
{
    public override async Task TicketReceived(TicketReceivedContext context)
    {
        var google = context.Principal!;
        var (user, refusal) = await users.SignInAsync(
            google.FindFirstValue(ClaimTypes.Email),
            string.Equals(google.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase),
            google.FindFirstValue("hd"),
            google.FindFirstValue(ClaimTypes.Name),
            context.HttpContext.RequestAborted);

        if (user is null)
        {
            context.Response.Redirect(LoginError(refusal!.Reason));
            context.HandleResponse();
            return;
        }
        logger.LogInformation("User {UserId} signed in with Google as {Role}", user.Id, user.Role);
        context.Principal = AppClaims.Principal(user, clock.GetUtcNow());
    }

    public override Task AccessDenied(AccessDeniedContext context)
    {
        logger.LogInformation("Google sign-in was cancelled or denied by the user");
        context.Response.Redirect(LoginError("Sign-in was cancelled."));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    public override Task RemoteFailure(RemoteFailureContext context)
    {
        logger.LogWarning(context.Failure, "Google sign-in failed");
        context.Response.Redirect(LoginError("Sign-in with Google did not complete. Please try again."));
        context.HandleResponse();
        return Task.CompletedTask;
    }

    private static string LoginError(string message) => $"/login?error={Uri.EscapeDataString(message)}";
}
