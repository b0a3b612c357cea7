using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Inventory.Tests.Unit;

/// <summary>What the exception handler answers for each kind of database failure (never a 500).</summary>
public sealed class DatabaseProblemsTests
{
    private static PostgresException Server(string sqlState) => new("message", "ERROR", "ERROR", sqlState);

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation, 409)]
    [InlineData(PostgresErrorCodes.ForeignKeyViolation, 422)]
    [InlineData(PostgresErrorCodes.CheckViolation, 409)]
    [InlineData(PostgresErrorCodes.CharacterNotInRepertoire, 400)]
    [InlineData(PostgresErrorCodes.StringDataRightTruncation, 400)]
    [InlineData(PostgresErrorCodes.NumericValueOutOfRange, 400)]
    [InlineData(PostgresErrorCodes.QueryCanceled, 504)]
    [InlineData(PostgresErrorCodes.AdminShutdown, 503)]
    [InlineData(PostgresErrorCodes.CannotConnectNow, 503)]
    public void A_server_error_maps_by_its_sql_state(string sqlState, int status)
    {
        // Wrapped the way EF wraps it on SaveChanges.
        Assert.Equal(status, DatabaseProblems.From(new DbUpdateException("save failed", Server(sqlState)))!.Status);
    }

    [Fact]
    public void A_lost_connection_is_503_with_a_retry_hint()
    {
        var problem = DatabaseProblems.From(new NpgsqlException("Exception while reading from stream", new SocketException(104)))!;
        Assert.Equal(503, problem.Status);
        Assert.Equal(DatabaseProblems.RetryAfterSeconds, problem.Extensions["retryAfterSeconds"]);
    }

    [Fact]
    public void Retries_exhausted_is_503() =>
        Assert.Equal(503, DatabaseProblems.From(new RetryLimitExceededException("retries exhausted", new NpgsqlException("gone")))!.Status);

    [Fact]
    public void A_command_timeout_is_504() =>
        Assert.Equal(504, DatabaseProblems.From(new NpgsqlException("Exception while reading from stream", new TimeoutException()))!.Status);

    [Fact]
    public void Anything_else_is_not_a_database_problem() =>
        Assert.Null(DatabaseProblems.From(new InvalidOperationException("a bug")));

    [Fact]
    public void The_answer_carries_no_exception_text()
    {
        var problem = DatabaseProblems.From(new DbUpdateException("secret table name", Server(PostgresErrorCodes.UniqueViolation)))!;
        Assert.DoesNotContain("secret", problem.Title);
        Assert.Null(problem.Detail);
    }
}
