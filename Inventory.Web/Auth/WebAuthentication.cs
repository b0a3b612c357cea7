using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.Google;
using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Auth;

/// <summary>
/// Cookie sessions, signed in with Google — or, only in Development with Google unconfigured, with the
/// development form. Outside Development the app refuses to start without Google.
/// </summary>
public static class WebAuthentication
{
    public const string CookieName = "__Host-Inventory";
    public const string AdminPolicy = "admin";

    public static void AddWebAuthentication(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        builder.Services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        var mode = ChooseMode(options, builder.Environment);
        builder.Services.AddSingleton(mode);

        var authentication = builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.Path = "/";
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(options.IdleTimeoutMinutes);
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/login";
                cookie.LogoutPath = "/logout";
                cookie.AccessDeniedPath = "/access-denied";
                cookie.EventsType = typeof(SessionValidator);
            });
        builder.Services.AddScoped<SessionValidator>();
        builder.Services.AddSingleton<SessionCache>();
        builder.Services.AddSecureCookies();

        if (mode.Google)
            authentication.AddGoogle(google => GoogleSignIn.Configure(google, options.Google));
        builder.Services.AddScoped<GoogleSignInEvents>();
        builder.Services.AddHealthChecks().AddCheck<SignInHealthCheck>(SignInHealthCheck.Name);

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin));
    }

    private static SignInMode ChooseMode(AuthOptions options, IHostEnvironment environment)
    {
        if (options.Google.IsConfigured)
            return new SignInMode(Google: true, Development: false);
        if (environment.IsDevelopment())
            return new SignInMode(Google: false, Development: true);
        throw new InvalidOperationException(
            "Sign-in is not configured: set Auth:Google:ClientId and Auth:Google:ClientSecret " +
            "(environment variables Auth__Google__ClientId and Auth__Google__ClientSecret). " +
            "Development sign-in exists only in the Development environment.");
    }

    public static string GoogleScheme => GoogleDefaults.AuthenticationScheme;
}
