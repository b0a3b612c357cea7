using System.Net;
using Inventory.Gateway;
using Microsoft.AspNetCore.Http;

namespace Inventory.Tests.Service.Gateway;

public sealed class RateLimitPartitionTests
{
    [Fact]
    public void Addresses_of_one_IPv6_64_share_a_budget_and_other_64s_do_not()
    {
        var one = RateLimiting.ClientKey(IPAddress.Parse("2001:db8:1:2:aaaa::1"));

        Assert.Equal(one, RateLimiting.ClientKey(IPAddress.Parse("2001:db8:1:2:bbbb:cccc:dddd:eeee")));
        Assert.NotEqual(one, RateLimiting.ClientKey(IPAddress.Parse("2001:db8:1:3::1")));
    }

    [Fact]
    public void IPv4_client_is_one_budget_whether_or_not_it_arrives_IPv4_mapped()
    {
        Assert.Equal(RateLimiting.ClientKey(IPAddress.Parse("203.0.113.5")), RateLimiting.ClientKey(IPAddress.Parse("::ffff:203.0.113.5")));
        Assert.NotEqual(RateLimiting.ClientKey(IPAddress.Parse("203.0.113.5")), RateLimiting.ClientKey(IPAddress.Parse("203.0.113.6")));
    }

    [Theory]
    [InlineData("/login", true)]
    [InlineData("/LOGIN", true)]
    [InlineData("/login/google", true)]
    [InlineData("/auth/google/callback", true)]
    [InlineData("/signin-google", true)]
    [InlineData("/signin-oidc", true)]
    [InlineData("/dev-login", true)]
    [InlineData("/logins-report", false)]
    [InlineData("/authors", false)]
    [InlineData("/signing", false)]
    [InlineData("/dashboard", false)]
    public void Sign_in_paths_are_recognised(string path, bool signIn) =>
        Assert.Equal(signIn, RateLimiting.IsSignInPath(new PathString(path)));
}
