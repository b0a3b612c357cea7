using Inventory.CatalogService.Common;
using Inventory.CatalogService.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.CatalogService.Trees;

/// <summary>
/// The one writer of the catalog's trees (categories, locations): create, rename or move (the subtree's paths follow),
/// archive and restore — each in one transaction under the tree's lock, audited. A subclass says only what differs:
/// the node's fields and rules, and its messages.
/// </summary>
public abstract class TreeWriter<T, TRequest, TDto>(CatalogDbContext db, MasterDataChanges changes)
    where T : TreeNode where TRequest : ITreeRequest
{
    protected CatalogDbContext Db => db;

    private DbSet<T> Nodes => db.Set<T>();

    /// <summary>What a node is called in answers ("category"); also its audit entity type.</summary>
    protected abstract string What { get; }

    protected abstract string CycleMessage { get; }

    protected abstract string ActiveChildrenMessage { get; }

    protected abstract Dictionary<string, string[]> Validate(TRequest request);

    /// <summary>A blank node, for <see cref="Apply"/> to fill.</summary>
    protected abstract T New();

    /// <summary>Copies the request's fields onto the node (its place in the tree is the writer's).</summary>
    protected abstract void Apply(T node, TRequest request);

    protected abstract TDto ToDto(T node);

    /// <summary>The answer when the unique index <paramref name="constraint"/> refuses the node (a sibling's name, a code).</summary>
    protected abstract ProblemHttpResult Taken(T node, string? constraint);

    /// <summary>Why the node cannot be archived, beyond active children (checked with the tree locked).</summary>
    protected virtual Task<ProblemHttpResult?> ArchiveProblemAsync(T node, CancellationToken ct) => Task.FromResult<ProblemHttpResult?>(null);

    /// <summary>Work an edit needs once saved, in its transaction (a problem rolls the edit back).</summary>
    protected virtual Task<ProblemHttpResult?> AfterEditAsync(T node, IReadOnlyDictionary<string, object?> before, CancellationToken ct) =>
        Task.FromResult<ProblemHttpResult?>(null);

    public Task<Outcome<TDto>> CreateAsync(TRequest request, CancellationToken ct)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
            return Task.FromResult<Outcome<TDto>>(Problems.Invalid(errors));
        return InTreeTransactionAsync(async () =>
        {
            var node = New();
            Apply(node, request);
            var (parent, problem) = await FindParentAsync(request.ParentId, null, ct);
            if (problem is not null)
                return problem;
            node.PlaceUnder(parent);
            Nodes.Add(node);
            changes.Created(node, What);
            return await db.TrySaveAsync(What, ct, constraint => Taken(node, constraint)) ?? (Outcome<TDto>)ToDto(node);
        }, ct);
    }

    public Task<Outcome<TDto>> UpdateAsync(Guid id, TRequest request, int? version, CancellationToken ct)
    {
        var errors = Validate(request);
        MasterDataRules.RequireVersion(errors, version);
        if (errors.Count > 0)
            return Task.FromResult<Outcome<TDto>>(Problems.Invalid(errors));
        return InTreeTransactionAsync(async () =>
        {
            var node = await Nodes.FirstOrDefaultAsync(n => n.Id == id, ct);
            if (node is null)
                return Problems.NotFound(What);
            if (node.Version != version)
                return Problems.StaleVersion(What);
            var (parent, problem) = await FindParentAsync(request.ParentId, node, ct);
            if (problem is not null)
                return problem;
            var before = node.AuditFields();
            var (oldPath, oldPathIds, oldDepth) = (node.Path, node.PathIds, node.Depth);
            Apply(node, request);
            node.PlaceUnder(parent);
            changes.Edited(node, What, AuditActions.Update, before, version.Value);
            if (await db.TrySaveAsync(What, ct, constraint => Taken(node, constraint)) is { } refused)
                return refused;
            await MoveSubtreeAsync(node, oldPath, oldPathIds, oldDepth, ct);
            return await AfterEditAsync(node, before, ct) ?? (Outcome<TDto>)ToDto(node);
        }, ct);
    }

    public Task<Outcome<TDto>> SetArchivedAsync(Guid id, bool archived, CancellationToken ct) =>
        InTreeTransactionAsync(async () =>
        {
            var node = await Nodes.FirstOrDefaultAsync(n => n.Id == id, ct);
            if (node is null)
                return Problems.NotFound(What);
            if (node.IsArchived == archived)
                return ToDto(node);
            if (archived)
            {
                if (await Nodes.AnyAsync(n => n.ParentId == id && !n.IsArchived, ct))
                    return Problems.Conflict("id", ActiveChildrenMessage);
                if (await ArchiveProblemAsync(node, ct) is { } problem)
                    return problem;
            }
            else if (node.ParentId is { } parentId && await Nodes.AnyAsync(n => n.Id == parentId && n.IsArchived, ct))
            {
                return Problems.Conflict("parentId", $"The parent {What} is archived: restore it first.");
            }
            changes.SetArchived(node, What, archived);
            return await db.TrySaveAsync(What, ct) ?? (Outcome<TDto>)ToDto(node);
        }, ct);

    /// <summary>
    /// Runs a change under the tree's transaction-scoped lock, so two concurrent moves cannot build a cycle that
    /// neither saw, and a child never gets the path of a parent that is being moved. Commits when it succeeds.
    /// </summary>
    private Task<Outcome<TDto>> InTreeTransactionAsync(Func<Task<Outcome<TDto>>> work, CancellationToken ct) =>
        db.InTransactionAsync(async tx =>
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({"tree:" + What}))", ct);
            var outcome = await work();
            if (outcome.Succeeded)
                await tx.CommitAsync(ct);
            return outcome;
        }, ct);

    /// <summary>The parent a node may be placed under, or why not. <paramref name="node"/> is null for a new node.</summary>
    private async Task<(T? Parent, ProblemHttpResult? Problem)> FindParentAsync(Guid? parentId, T? node, CancellationToken ct)
    {
        if (parentId is null)
            return (null, null);
        var parent = await Nodes.FirstOrDefaultAsync(n => n.Id == parentId, ct);
        if (parent is null)
            return (null, Problems.Unprocessable("parentId", $"No such {What}."));
        if (node is not null && TreeRules.WouldCreateCycle(node.Id, parent.Id, parent.PathIds))
            return (null, Problems.Conflict("parentId", CycleMessage));
        // A node may stay under a parent archived since; it may not move under one.
        if (parent.IsArchived && parent.Id != node?.ParentId)
            return (null, Problems.Conflict("parentId", $"The parent {What} is archived."));
        if (parent.Depth >= TreeRules.MaxDepth)
            return (null, Problems.Invalid("parentId", $"A {What} nests at most {TreeRules.MaxDepth} levels deep."));
        return (parent, null);
    }

    /// <summary>
    /// Gives the descendants of a renamed or moved node its new path prefix, in one statement. Lengths are counted
    /// in characters (runes), as PostgreSQL's substring counts them.
    /// </summary>
    private Task MoveSubtreeAsync(T node, string oldPath, string oldPathIds, int oldDepth, CancellationToken ct)
    {
        if (node.Path == oldPath && node.PathIds == oldPathIds)
            return Task.CompletedTask;
        var (id, path, pathIds, depthChange) = (node.Id, node.Path, node.PathIds, node.Depth - oldDepth);
        var (pathLength, pathIdsLength) = (oldPath.EnumerateRunes().Count(), oldPathIds.Length);
        return Nodes.Where(n => n.PathIds.StartsWith(oldPathIds) && n.Id != id).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Path, n => path + n.Path.Substring(pathLength))
            .SetProperty(n => n.PathIds, n => pathIds + n.PathIds.Substring(pathIdsLength))
            .SetProperty(n => n.Depth, n => n.Depth + depthChange), ct);
    }
}
