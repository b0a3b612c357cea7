using Inventory.ServiceDefaults.Kit;
using Inventory.ProcurementService.Audit;
using Inventory.ProcurementService.Catalog;
using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ServiceDefaults;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Apis;

public static class PurchaseOrdersApi
{
    public static IEndpointRouteBuilder MapPurchaseOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/purchase-orders").WithTags("Purchase orders");
        api.MapGet("/", ListOrders).RequireAuthorization(Policies.Read)
            .WithName("ListPurchaseOrders").WithSummary("Purchase orders, newest first, filtered by status and supplier");
        api.MapGet("/{id:guid}", GetOrder).RequireAuthorization(Policies.Read)
            .WithName("GetPurchaseOrder").WithSummary("One purchase order with lines, totals and status history");
        api.MapPost("/", CreateOrder).RequireAuthorization(Policies.Manage)
            .WithName("CreatePurchaseOrder").WithSummary("Creates a draft purchase order");
        api.MapPut("/{id:guid}", UpdateOrder).RequireAuthorization(Policies.Manage)
            .WithName("UpdatePurchaseOrder").WithSummary("Replaces a draft's header and lines (optimistic concurrency on version)");
        api.MapPost("/{id:guid}/submit", SubmitOrder).RequireAuthorization(Policies.Manage)
            .WithName("SubmitPurchaseOrder").WithSummary("Draft → Submitted");
        api.MapPost("/{id:guid}/cancel", CancelOrder).RequireAuthorization(Policies.Manage)
            .WithName("CancelPurchaseOrder").WithSummary("Draft or Submitted with nothing received → Cancelled");
        api.MapPost("/{id:guid}/close", CloseOrder).RequireAuthorization(Policies.Manage)
            .WithName("ClosePurchaseOrder").WithSummary("Partially received → Closed: the rest is no longer expected");
        return app;
    }

    public static async Task<Results<Ok<Page<PurchaseOrderSummaryDto>>, ValidationProblem>> ListOrders(
        ProcurementDbContext db, string? status = null, string? supplierId = null, string? pageSize = null, string? after = null,
        CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadPage(errors, pageSize, after, "sequence:desc", 1, out var afterKey);
        var statusFilter = QueryValues.Enum<PurchaseOrderStatus>(errors, "status", status);
        var supplier = QueryValues.Guid(errors, "supplierId", supplierId);
        long? afterSequence = null;
        if (afterKey is not null)
        {
            if (long.TryParse(afterKey[0], System.Globalization.CultureInfo.InvariantCulture, out var parsedSequence))
                afterSequence = parsedSequence;
            else
                errors["after"] = [Paging.InvalidCursor];
        }
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var query = db.PurchaseOrders.AsNoTracking();
        if (statusFilter is not null)
            query = query.Where(o => o.Status == statusFilter);
        if (supplier is not null)
            query = query.Where(o => o.SupplierId == supplier);
        if (afterSequence is not null)
            query = query.Where(o => o.Sequence < afterSequence);

        var rows = await query.OrderByDescending(o => o.Sequence).Take(size + 1)
            .Select(o => new
            {
                Order = o,
                Supplier = db.Suppliers.Where(s => s.Id == o.SupplierId).Select(s => s.Name).FirstOrDefault(),
                Total = o.Lines.Sum(l => l.QuantityOrdered * l.UnitPrice),
            })
            .ToListAsync(ct);
        return TypedResults.Ok(Paging.ToPage(rows, size, r => new PurchaseOrderSummaryDto(r.Order.Id, r.Order.Number, r.Order.SupplierId,
                r.Supplier ?? "", r.Order.Status.ToString(), r.Order.ExpectedDate, r.Order.Currency, r.Total, r.Order.CreatedAt),
            "sequence:desc", r => [r.Order.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
    }

    public static async Task<Results<Ok<PurchaseOrderDto>, NotFound>> GetOrder(Guid id, ProcurementDbContext db, CancellationToken ct)
    {
        var dto = await LoadDtoAsync(db, id, ct);
        return dto is null ? TypedResults.NotFound() : TypedResults.Ok(dto);
    }

    public static async Task<Results<Created<PurchaseOrderDto>, ValidationProblem, ProblemHttpResult>> CreateOrder(
        CreatePurchaseOrderRequest request, ProcurementDbContext db, PurchaseOrderLineBuilder lineBuilder, AuditTrail audit, System.Security.Claims.ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = PurchaseOrderValidation.Validate(request.ExpectedDate, request.Notes, request.Lines);
        if ((request.SupplierId ?? Guid.Empty) == Guid.Empty)
            errors["supplierId"] = ["Supplier is required."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        var supplier = await db.Suppliers.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SupplierId, ct);
        if (supplier is null)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["supplierId"] = ["No such supplier."] });
        if (supplier.IsArchived)
            return Problems.Conflict("supplierId", "The supplier is archived: archived suppliers get no new purchase orders.");

        var now = clock.GetUtcNow();
        var order = new PurchaseOrder
        {
            SupplierId = supplier.Id,
            Currency = supplier.Currency,
            ExpectedDate = request.ExpectedDate,
            Notes = Clean(request.Notes),
            CreatedBy = CurrentUser.From(user).Id,
            CreatedAt = now,
            UpdatedAt = now,
        };
        try
        {
            var (lines, lineErrors) = await lineBuilder.BuildAsync(order.Id, supplier.Id, request.Lines ?? [], ct);
            if (lineErrors.Count > 0)
                return TypedResults.ValidationProblem(lineErrors);
            order.Lines.AddRange(lines);
        }
        catch (CatalogUnavailableException)
        {
            return Problems.Unavailable("catalog service");
        }

        order.StatusChanges.Add(new PurchaseOrderStatusChange { PurchaseOrderId = order.Id, To = PurchaseOrderStatus.Draft, ChangedBy = CurrentUser.From(user).Id, ChangedAt = now });
        // Saved before it is audited, so the entry shows the number the database gave it.
        return await db.InTransactionAsync<Results<Created<PurchaseOrderDto>, ValidationProblem, ProblemHttpResult>>(async tx =>
        {
            db.PurchaseOrders.Add(order);
            await db.SaveChangesAsync(ct);
            audit.Record(db, AuditEntityTypes.PurchaseOrder, order.Id, AuditActions.Create, null, order.AuditFields());
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return TypedResults.Created($"/api/purchase-orders/{order.Id}", (await LoadDtoAsync(db, order.Id, ct))!);
        }, ct);
    }

    public static async Task<Results<Ok<PurchaseOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateOrder(
        Guid id, UpdatePurchaseOrderRequest request, ProcurementDbContext db, PurchaseOrderLineBuilder lineBuilder, AuditTrail audit, System.Security.Claims.ClaimsPrincipal user,
        TimeProvider clock, CancellationToken ct)
    {
        var errors = PurchaseOrderValidation.Validate(request.ExpectedDate, request.Notes, request.Lines);
        if (request.Version is null)
            errors["version"] = ["Version is required: send the version you read."];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors);

        // Two saves of one draft queue on the order's row lock; the second then sees a new version and gets 409.
        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"SELECT 1 FROM purchase_orders WHERE id = {id} FOR UPDATE", ct);
            var order = await db.PurchaseOrders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct);
            if (order is null)
                return (Results<Ok<PurchaseOrderDto>, NotFound, ValidationProblem, ProblemHttpResult>)TypedResults.NotFound();
            if (!db.TryAdvance(order, request.Version!.Value))
                return Problems.StaleVersion("purchase order");
            if (!PurchaseOrderRules.IsEditable(order.Status))
                return Problems.Conflict("status", $"A {PurchaseOrderRules.Describe(order.Status)} purchase order cannot be edited; only drafts can.");

            var before = order.AuditFields();
            try
            {
                var (lines, lineErrors) = await lineBuilder.BuildAsync(order.Id, order.SupplierId, request.Lines ?? [], ct);
                if (lineErrors.Count > 0)
                    return TypedResults.ValidationProblem(lineErrors);
                db.PurchaseOrderLines.RemoveRange(order.Lines);
                // Deletes first: the new lines reuse the line numbers.
                await db.SaveChangesAsync(ct);
                order.Lines.Clear();
                order.Lines.AddRange(lines);
                // Explicitly new: lines carry client-made ids, which EF would otherwise take for existing rows.
                db.PurchaseOrderLines.AddRange(lines);
            }
            catch (CatalogUnavailableException)
            {
                return Problems.Unavailable("catalog service");
            }
            order.ExpectedDate = request.ExpectedDate;
            order.Notes = Clean(request.Notes);
            order.UpdatedAt = clock.GetUtcNow();
            audit.Record(db, AuditEntityTypes.PurchaseOrder, order.Id, AuditActions.Update, before, order.AuditFields());
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return TypedResults.Ok((await LoadDtoAsync(db, order.Id, ct))!);
        });
    }

    public static Task<Results<Ok<PurchaseOrderDto>, NotFound, ProblemHttpResult>> SubmitOrder(
        Guid id, StatusChangeRequest? request, ProcurementDbContext db, AuditTrail audit, System.Security.Claims.ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        ChangeStatusAsync(id, request?.Version, PurchaseOrderStatus.Submitted, db, audit, user, clock, ct);

    public static Task<Results<Ok<PurchaseOrderDto>, NotFound, ProblemHttpResult>> CancelOrder(
        Guid id, StatusChangeRequest? request, ProcurementDbContext db, AuditTrail audit, System.Security.Claims.ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        ChangeStatusAsync(id, request?.Version, PurchaseOrderStatus.Cancelled, db, audit, user, clock, ct);

    public static Task<Results<Ok<PurchaseOrderDto>, NotFound, ProblemHttpResult>> CloseOrder(
        Guid id, StatusChangeRequest? request, ProcurementDbContext db, AuditTrail audit, System.Security.Claims.ClaimsPrincipal user, TimeProvider clock, CancellationToken ct) =>
        ChangeStatusAsync(id, request?.Version, PurchaseOrderStatus.Closed, db, audit, user, clock, ct);

    private static async Task<Results<Ok<PurchaseOrderDto>, NotFound, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, int? version, PurchaseOrderStatus to, ProcurementDbContext db, AuditTrail audit, System.Security.Claims.ClaimsPrincipal user, TimeProvider clock, CancellationToken ct)
    {
        var order = await db.PurchaseOrders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
            return TypedResults.NotFound();
        // Without a version the change still advances it, so a save based on an older read loses.
        if (!db.TryAdvance(order, version ?? order.Version))
            return Problems.StaleVersion("purchase order");
        var refusal = PurchaseOrderRules.CheckTransition(order.Status, to, order.Lines.Count, order.Lines.Any(l => l.QuantityReceived > 0));
        if (refusal is not null)
            return Problems.Conflict("status", refusal);

        var before = order.AuditFields();
        var now = clock.GetUtcNow();
        db.StatusChanges.Add(new PurchaseOrderStatusChange { PurchaseOrderId = order.Id, From = order.Status, To = to, ChangedBy = CurrentUser.From(user).Id, ChangedAt = now });
        order.Status = to;
        order.UpdatedAt = now;
        if (to == PurchaseOrderStatus.Submitted)
        {
            order.SubmittedBy = CurrentUser.From(user).Id;
            order.SubmittedAt = now;
        }
        audit.Record(db, AuditEntityTypes.PurchaseOrder, order.Id, AuditAction(to), before, order.AuditFields());
        // The version guards against a receipt or another status change committed since we read the order.
        if (await db.TrySaveAsync("purchase order", ct) is { } problem)
            return problem;
        return TypedResults.Ok((await LoadDtoAsync(db, order.Id, ct))!);
    }

    internal static async Task<PurchaseOrderDto?> LoadDtoAsync(ProcurementDbContext db, Guid id, CancellationToken ct)
    {
        var order = await db.PurchaseOrders.AsNoTracking().AsSplitQuery()
            .Include(o => o.Lines).Include(o => o.StatusChanges)
            .FirstOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
            return null;
        var supplier = await db.Suppliers.AsNoTracking().Where(s => s.Id == order.SupplierId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        return PurchaseOrderDto.From(order, supplier ?? "");
    }

    private static string AuditAction(PurchaseOrderStatus to) => to switch
    {
        PurchaseOrderStatus.Submitted => ProcurementAuditActions.Submit,
        PurchaseOrderStatus.Cancelled => ProcurementAuditActions.Cancel,
        _ => ProcurementAuditActions.Close,
    };

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
