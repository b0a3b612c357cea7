namespace Inventory.Tests.Deployment;

/// <summary>The test reads deploy/vm's env files as systemd does, or it would prove a different configuration.</summary>
public sealed class EnvironmentFileTests
{
    [Fact]
    public void A_single_quoted_value_is_taken_verbatim_across_lines_and_comments_are_skipped()
    {
        var values = EnvironmentFile.Parse("""
            # a comment
            ; another

            ConnectionStrings__webdb=Host=127.0.0.1;Database=webdb
            Auth__SigningKey='-----BEGIN PRIVATE KEY-----
            abc=
            -----END PRIVATE KEY-----'
            """);

        Assert.Equal("Host=127.0.0.1;Database=webdb", values["ConnectionStrings__webdb"]);
        Assert.Equal("-----BEGIN PRIVATE KEY-----\nabc=\n-----END PRIVATE KEY-----", values["Auth__SigningKey"]);
        Assert.Equal(2, values.Count);
    }

    [Theory]
    [InlineData("Password=\"secret\"")]
    [InlineData("Password=a\\b")]
    [InlineData("Key='never closed")]
    [InlineData("no equals sign")]
    public void What_systemd_would_read_differently_is_refused(string line) =>
        Assert.Throws<FormatException>(() => EnvironmentFile.Parse(line));
}
