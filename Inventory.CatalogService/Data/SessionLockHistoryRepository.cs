using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql.EntityFrameworkCore.PostgreSQL.Migrations.Internal;

namespace Inventory.CatalogService.Data;

#pragma warning disable EF1001 // NpgsqlHistoryRepository is provider-internal; we change only how the lock is taken.

/// <summary>
/// The Npgsql provider's migration lock is a table lock held per transaction, and EF applies each migration in
/// its own transaction: with two or more pending migrations a replica that computed its pending list earlier
/// re-applies a migration another replica just committed (e.g. "index … does not exist"). A session-level
/// advisory lock is held from before the applied migrations are read until all of them are applied, so
/// replicas starting together apply each migration exactly once.
/// </summary>
internal sealed class SessionLockHistoryRepository(HistoryRepositoryDependencies dependencies) : NpgsqlHistoryRepository(dependencies)
{
    private const long LockKey = 0x1A7E_C0DE_0001; // any constant unique to this database's migrations

    public override LockReleaseBehavior LockReleaseBehavior => LockReleaseBehavior.Connection;

    public override IMigrationsDatabaseLock AcquireDatabaseLock()
    {
        Execute($"SELECT pg_advisory_lock({LockKey})");
        return new SessionLock(this);
    }

    public override async Task<IMigrationsDatabaseLock> AcquireDatabaseLockAsync(CancellationToken cancellationToken = default)
    {
        await ExecuteAsync($"SELECT pg_advisory_lock({LockKey})", cancellationToken);
        return new SessionLock(this);
    }

    private void Execute(string sql) =>
        Dependencies.RawSqlCommandBuilder.Build(sql).ExecuteNonQuery(Parameters());

    private Task ExecuteAsync(string sql, CancellationToken ct) =>
        Dependencies.RawSqlCommandBuilder.Build(sql).ExecuteNonQueryAsync(Parameters(), ct);

    private RelationalCommandParameterObject Parameters() => new(
        Dependencies.Connection, null, null, Dependencies.CurrentContext.Context, Dependencies.CommandLogger, CommandSource.Migrations);

    private sealed class SessionLock(SessionLockHistoryRepository repository) : IMigrationsDatabaseLock
    {
        public IHistoryRepository HistoryRepository => repository;

        public IMigrationsDatabaseLock ReacquireIfNeeded(bool connectionReopened, bool? transactionRestarted) =>
            connectionReopened ? repository.AcquireDatabaseLock() : this;

        public async Task<IMigrationsDatabaseLock> ReacquireIfNeededAsync(bool connectionReopened, bool? transactionRestarted,
            CancellationToken cancellationToken = default) =>
            connectionReopened ? await repository.AcquireDatabaseLockAsync(cancellationToken) : this;

        public void Dispose() => repository.Execute($"SELECT pg_advisory_unlock({LockKey})");

        public async ValueTask DisposeAsync() => await repository.ExecuteAsync($"SELECT pg_advisory_unlock({LockKey})", default);
    }
}
