using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Google;

namespace Inventory.Web.Auth;

internal static class GoogleSignIn
{
    public static void Configure(GoogleOptions google, GoogleSignInOptions settings)
    {
        google.ClientId = settings.ClientId!;
        google.ClientSecret = settings.ClientSecret!;
        google.CallbackPath = settings.CallbackPath;
        google.UsePkce = true;
        google.SaveTokens = false;
        google.Scope.Add("email");
        google.Scope.Add("profile");
        // Not mapped by default: the verified Workspace domain and whether Google verified the address.
        google.ClaimActions.MapJsonKey("hd", "hd");
        google.ClaimActions.MapJsonKey("email_verified", "email_verified");
        // The correlation and PKCE cookies ride a cross-site redirect back from Google.
        google.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
        google.CorrelationCookie.SameSite = SameSiteMode.None;
        google.EventsType = typeof(GoogleSignInEvents);

        if (!string.IsNullOrWhiteSpace(settings.AuthorizationEndpoint))
            google.AuthorizationEndpoint = settings.AuthorizationEndpoint;
        if (!string.IsNullOrWhiteSpace(settings.TokenEndpoint))
            google.TokenEndpoint = settings.TokenEndpoint;
        if (!string.IsNullOrWhiteSpace(settings.UserInformationEndpoint))
            google.UserInformationEndpoint = settings.UserInformationEndpoint;
    }
}
