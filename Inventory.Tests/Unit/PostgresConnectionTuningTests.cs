using Inventory.ServiceDefaults;
using Npgsql;

namespace Inventory.Tests.Unit;

public sealed class PostgresConnectionTuningTests
{
    [Fact]
    public void Pool_timeouts_and_keepalives_are_added_to_a_bare_connection_string()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Apply("Host=db;Database=catalogdb;Username=u;Password=p"));

        Assert.Equal(4, tuned.MinPoolSize);
        Assert.Equal(20, tuned.MaxPoolSize);
        Assert.Equal(2, tuned.Timeout);
        Assert.Equal(2, tuned.CommandTimeout);
        Assert.Equal(-1, tuned.CancellationTimeout);
        Assert.Equal(30, tuned.KeepAlive);
        Assert.True(tuned.TcpKeepAlive);
        Assert.Equal(300, tuned.ConnectionIdleLifetime);
        Assert.Equal("p", tuned.Password);
    }

    [Fact]
    public void Statements_are_prepared_automatically_and_a_checkout_does_not_reset_the_connection()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Apply("Host=db;Database=catalogdb"));

        Assert.True(tuned.MaxAutoPrepare >= 50);
        Assert.Equal(2, tuned.AutoPrepareMinUsages);
        Assert.True(tuned.NoResetOnClose);
    }

    [Fact]
    public void Values_the_operator_set_are_kept_whatever_their_spelling()
    {
        var tuned = new NpgsqlConnectionStringBuilder(PostgresConnectionTuning.Apply("Host=db;MaxPoolSize=50;command timeout=5"));

        Assert.Equal(50, tuned.MaxPoolSize);
        Assert.Equal(5, tuned.CommandTimeout);
    }

    [Fact]
    public void A_missing_connection_string_stays_missing() => Assert.Null(PostgresConnectionTuning.Apply(null));
}
