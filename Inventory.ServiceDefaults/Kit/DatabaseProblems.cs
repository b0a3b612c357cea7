using System.Net.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// What an API answers when a database call throws, whatever the query path (EF, raw SQL, a background read):
/// the database out of reach → 503 with Retry-After; a statement timing out → 504; a constraint refusing the data →
/// 409 or 422; text or a number PostgreSQL cannot store → 400. Null for anything that is not about the database.
/// </summary>
public static class DatabaseProblems
{
    public const int RetryAfterSeconds = 5;

    public static ProblemDetails? From(Exception exception)
    {
        var pg = exception.FindPostgresError();
        if (pg is not null)
        {
            return pg.SqlState switch
            {
                PostgresErrorCodes.UniqueViolation => Problem(StatusCodes.Status409Conflict, "The change conflicts with existing data."),
                PostgresErrorCodes.ForeignKeyViolation => Problem(StatusCodes.Status422UnprocessableEntity, "The change refers to something that does not exist."),
                PostgresErrorCodes.CheckViolation or PostgresErrorCodes.RestrictViolation =>
                    Problem(StatusCodes.Status409Conflict, "The change is not allowed in the current state."),
                PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter or PostgresErrorCodes.StringDataRightTruncation =>
                    Problem(StatusCodes.Status400BadRequest, "A text value cannot be stored: it is too long or contains a character such as NUL."),
                // The last line of defence: request rules check amounts against their columns (Amounts.Check) first.
                PostgresErrorCodes.NumericValueOutOfRange =>
                    Problem(StatusCodes.Status400BadRequest, "A number is too large to store."),
                PostgresErrorCodes.QueryCanceled => Problem(StatusCodes.Status504GatewayTimeout, "The database took too long to answer."),
                PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown or PostgresErrorCodes.CannotConnectNow
                    or PostgresErrorCodes.TooManyConnections => Unavailable(),
                _ => null,
            };
        }
        if (IsTimeout(exception))
            return Problem(StatusCodes.Status504GatewayTimeout, "The database took too long to answer.");
        if (exception is RetryLimitExceededException || Find<NpgsqlException>(exception) is not null || Find<SocketException>(exception) is not null)
            return Unavailable();
        return null;
    }

    private static bool IsTimeout(Exception exception) =>
        Find<NpgsqlException>(exception) is { InnerException: TimeoutException };

    private static ProblemDetails Unavailable()
    {
        var problem = Problem(StatusCodes.Status503ServiceUnavailable, "The database is unavailable; try again shortly.");
        problem.Extensions["retryAfterSeconds"] = RetryAfterSeconds;
        return problem;
    }

    private static ProblemDetails Problem(int status, string title) => new() { Status = status, Title = title };

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
                return found;
        }
        return null;
    }
}
