using Microsoft.EntityFrameworkCore.Storage;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// What a unit of work run inside another one gets as its transaction: the outer transaction, whose commit and
/// rollback belong to the outer unit — so an inner "commit" only says the inner work succeeded.
/// </summary>
internal sealed class JoinedTransaction(IDbContextTransaction outer) : IDbContextTransaction
{
    public Guid TransactionId => outer.TransactionId;

    public void Commit() { }

    public Task CommitAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    // The outer unit sees the failure (the work's outcome) and rolls everything back itself.
    public void Rollback() { }

    public Task RollbackAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    public void Dispose() { }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
