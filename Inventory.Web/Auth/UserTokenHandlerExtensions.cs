using Inventory.ServiceDefaults.Security;

namespace Inventory.Web.Auth;

public static class UserTokenHandlerExtensions
{
    /// <summary>Sends the signed-in user's token, for <paramref name="audience"/>, with every request of this client.</summary>
    public static IHttpClientBuilder AddUserToken(this IHttpClientBuilder client, string audience) =>
        client.AddHttpMessageHandler(sp => new UserTokenHandler(audience,
            sp.GetRequiredService<IHttpContextAccessor>(), sp.GetRequiredService<TokenCache>()));
}
