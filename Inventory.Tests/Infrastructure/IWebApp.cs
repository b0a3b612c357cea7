namespace Inventory.Tests.Infrastructure;

/// <summary>
/// What page tests need of the app under test — the whole AppHost (<see cref="AppHostFixture"/>) or Web in
/// process before the real services (<see cref="WebAppFixture"/>).
/// </summary>
public interface IWebApp
{
    /// <summary>Where a person's browser reaches the app.</summary>
    Uri Address { get; }

    /// <summary>A client of a backend service calling as a user with <paramref name="role"/>, as Web would.</summary>
    HttpClient CreateServiceClient(string service, string role);
}
