using Inventory.ProcurementService.Audit;
using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.Suppliers;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.PurchaseOrders;

/// <summary>Creates, edits and moves purchase orders through their life cycle, each change audited. Runs inside the caller's transaction.</summary>
public sealed class PurchaseOrderService(ProcurementDbContext db, PurchaseOrderLineBuilder lineBuilder, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<PurchaseOrderDto>> CreateAsync(CreatePurchaseOrderRequest request, string createdBy, CancellationToken ct)
    {
        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SupplierId, ct);
        if (supplier is null)
            return Problems.Invalid("supplierId", "No such supplier.");
        if (supplier.IsArchived)
            return Problems.Conflict("supplierId", "The supplier is archived: archived suppliers get no new purchase orders.");

        var order = NewDraft(supplier, createdBy, clock.DatabaseNow(), TextFields.Clean(request.Notes));
        order.ExpectedDate = request.ExpectedDate;
        var (lines, problem) = await lineBuilder.BuildAsync(order.Id, supplier.Id, request.Lines ?? [], ct);
        if (problem is not null)
            return problem;
        order.Lines.AddRange(lines);
        await AddDraftsAsync([order], ct);
        return (await PurchaseOrderQueries.LoadDtoAsync(db, order.Id, ct))!;
    }

    public async Task<Outcome<PurchaseOrderDto>> UpdateAsync(Guid id, UpdatePurchaseOrderRequest request, CancellationToken ct)
    {
        // Two saves of one draft queue on the order's row lock; the second then sees a new version and gets 409.
        await PurchaseOrderQueries.LockAsync(db, id, ct);
        var order = await db.PurchaseOrders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
            return Problems.NotFound("purchase order");
        if (!db.TryAdvance(order, request.Version!.Value))
            return Problems.StaleVersion("purchase order");
        if (!PurchaseOrderRules.IsEditable(order.Status))
            return Problems.Conflict("status", $"A {PurchaseOrderRules.Describe(order.Status)} purchase order cannot be edited; only drafts can.");

        var before = order.AuditFields();
        var (lines, problem) = await lineBuilder.BuildAsync(order.Id, order.SupplierId, request.Lines ?? [], ct);
        if (problem is not null)
            return problem;
        db.PurchaseOrderLines.RemoveRange(order.Lines);
        // Deletes first: the new lines reuse the line numbers.
        await db.SaveChangesAsync(ct);
        order.Lines.Clear();
        order.Lines.AddRange(lines);
        // Explicitly new: lines carry client-made ids, which EF would otherwise take for existing rows.
        db.PurchaseOrderLines.AddRange(lines);
        order.ExpectedDate = request.ExpectedDate;
        order.Notes = TextFields.Clean(request.Notes);
        order.UpdatedAt = clock.DatabaseNow();
        audit.Record(db, AuditEntityTypes.PurchaseOrder, order.Id, AuditActions.Update, before, order.AuditFields());
        await db.SaveChangesAsync(ct);
        return (await PurchaseOrderQueries.LoadDtoAsync(db, order.Id, ct))!;
    }

    /// <summary>Submit, cancel or close. Without a version the change still advances it, so a save based on an older read loses.</summary>
    public async Task<Outcome<PurchaseOrderDto>> ChangeStatusAsync(Guid id, int? version, PurchaseOrderStatus to, string changedBy,
        CancellationToken ct)
    {
        var order = await db.PurchaseOrders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
            return Problems.NotFound("purchase order");
        if (!db.TryAdvance(order, version ?? order.Version))
            return Problems.StaleVersion("purchase order");
        if (PurchaseOrderRules.CheckTransition(order.Status, to, order.Lines.Count, order.Lines.Any(l => l.QuantityReceived > 0)) is { } refusal)
            return Problems.Conflict("status", refusal);

        var before = order.AuditFields();
        var now = clock.DatabaseNow();
        db.StatusChanges.Add(new PurchaseOrderStatusChange
        {
            PurchaseOrderId = order.Id, From = order.Status, To = to, ChangedBy = changedBy, ChangedAt = now,
        });
        order.Status = to;
        order.UpdatedAt = now;
        if (to == PurchaseOrderStatus.Submitted)
        {
            order.SubmittedBy = changedBy;
            order.SubmittedAt = now;
        }
        audit.Record(db, AuditEntityTypes.PurchaseOrder, order.Id, PurchaseOrderRules.AuditAction(to), before, order.AuditFields());
        // The version refuses the save if a receipt or another status change committed since the order was read.
        if (await db.TrySaveAsync("purchase order", ct) is { } stale)
            return stale;
        return (await PurchaseOrderQueries.LoadDtoAsync(db, order.Id, ct))!;
    }

    /// <summary>
    /// A new draft for <paramref name="supplier"/>, in its currency, with its first status change; add lines, then
    /// <see cref="AddDraftsAsync"/>.
    /// </summary>
    public static PurchaseOrder NewDraft(Supplier supplier, string createdBy, DateTimeOffset now, string? notes)
    {
        var order = new PurchaseOrder
        {
            SupplierId = supplier.Id,
            Currency = supplier.Currency,
            Notes = notes,
            CreatedBy = createdBy,
            CreatedAt = now,
            UpdatedAt = now,
        };
        order.StatusChanges.Add(new PurchaseOrderStatusChange
        {
            PurchaseOrderId = order.Id, To = PurchaseOrderStatus.Draft, ChangedBy = createdBy, ChangedAt = now,
        });
        return order;
    }

    /// <summary>Saves new drafts, then audits their creation: the entries show the numbers the database gave them.</summary>
    public async Task AddDraftsAsync(IReadOnlyList<PurchaseOrder> orders, CancellationToken ct)
    {
        db.PurchaseOrders.AddRange(orders);
        await db.SaveChangesAsync(ct);
        foreach (var order in orders)
            audit.Record(db, AuditEntityTypes.PurchaseOrder, order.Id, AuditActions.Create, null, order.AuditFields());
        await db.SaveChangesAsync(ct);
    }
}
