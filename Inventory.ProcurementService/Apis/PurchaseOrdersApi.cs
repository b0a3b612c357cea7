using System.Globalization;
using System.Security.Claims;
using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.PurchaseOrders;
using Inventory.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Inventory.ProcurementService.Apis;

public static class PurchaseOrdersApi
{
    public static IEndpointRouteBuilder MapPurchaseOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("api/purchase-orders").WithTags("Purchase orders");
        api.MapGet("/", ListOrders).RequireAuthorization(Policies.Read)
            .WithName("ListPurchaseOrders").WithSummary("Purchase orders, newest first, filtered by status, supplier and a part of the number");
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
        ProcurementDbContext db, string? status = null, string? supplierId = null, string? search = null, string? pageSize = null,
        string? after = null, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string[]>();
        var size = Paging.ReadPage(errors, pageSize, after, "sequence:desc", 1, out var afterKey);
        var statusFilter = QueryValues.Enum<PurchaseOrderStatus>(errors, "status", status);
        var supplier = QueryValues.Guid(errors, "supplierId", supplierId);
        var number = QueryValues.Text(errors, "search", search);
        long? afterSequence = null;
        if (afterKey is not null)
        {
            if (long.TryParse(afterKey[0], CultureInfo.InvariantCulture, out var parsedSequence))
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
        // A scanned or typed number, whole or in part, regardless of case ("po-000123", "123").
        if (number is not null)
            query = query.Where(o => EF.Functions.ILike(o.Number, Paging.ContainsPattern(number), "\\"));
        if (afterSequence is not null)
            query = query.Where(o => o.Sequence < afterSequence);
        var rows = await query.OrderByDescending(o => o.Sequence).Take(size + 1)
            .Select(o => new
            {
                Summary = new PurchaseOrderSummaryDto(o.Id, o.Number, o.SupplierId,
                    db.Suppliers.Where(s => s.Id == o.SupplierId).Select(s => s.Name).FirstOrDefault() ?? "", o.Status.ToString(),
                    o.ExpectedDate, o.Currency, o.Lines.Sum(l => l.QuantityOrdered * l.UnitPrice), o.CreatedAt),
                o.Sequence,
            })
            .ToListAsync(ct);
        return TypedResults.Ok(Paging.ToPage(rows, size, r => r.Summary, "sequence:desc",
            r => [r.Sequence.ToString(CultureInfo.InvariantCulture)]));
    }

    public static async Task<Results<Ok<PurchaseOrderDto>, ProblemHttpResult>> GetOrder(Guid id, ProcurementDbContext db, CancellationToken ct) =>
        await PurchaseOrderQueries.LoadDtoAsync(db, id, ct) is { } order ? TypedResults.Ok(order) : Problems.NotFound("purchase order");

    public static Task<Results<Created<PurchaseOrderDto>, Ok<PurchaseOrderDto>, ValidationProblem, ProblemHttpResult>> CreateOrder(
        CreatePurchaseOrderRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, PurchaseOrderService orders, HttpContext http, ClaimsPrincipal user, CancellationToken ct) =>
        ValidatedWrite.RunAsync(PurchaseOrderRules.Validate(request), db, http, idempotencyKey, request, Location,
                t => orders.CreateAsync(request, CurrentUser.From(user).Id, t), ct);

    public static Task<Results<Created<PurchaseOrderDto>, Ok<PurchaseOrderDto>, ValidationProblem, ProblemHttpResult>> UpdateOrder(
        Guid id, UpdatePurchaseOrderRequest request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, PurchaseOrderService orders, HttpContext http, CancellationToken ct) =>
        ValidatedWrite.RunAsync(PurchaseOrderRules.Validate(request), db, http, idempotencyKey, request, Location,
            t => orders.UpdateAsync(id, request, t), ct, created: false);

    public static Task<Results<Created<PurchaseOrderDto>, Ok<PurchaseOrderDto>, ValidationProblem, ProblemHttpResult>> SubmitOrder(
        Guid id, StatusChangeRequest? request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, PurchaseOrderService orders, HttpContext http, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeStatusAsync(id, request, PurchaseOrderStatus.Submitted, idempotencyKey, db, orders, http, user, ct);

    public static Task<Results<Created<PurchaseOrderDto>, Ok<PurchaseOrderDto>, ValidationProblem, ProblemHttpResult>> CancelOrder(
        Guid id, StatusChangeRequest? request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, PurchaseOrderService orders, HttpContext http, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeStatusAsync(id, request, PurchaseOrderStatus.Cancelled, idempotencyKey, db, orders, http, user, ct);

    public static Task<Results<Created<PurchaseOrderDto>, Ok<PurchaseOrderDto>, ValidationProblem, ProblemHttpResult>> CloseOrder(
        Guid id, StatusChangeRequest? request, [FromHeader(Name = IdempotencyRules.HeaderName)] string? idempotencyKey,
        ProcurementDbContext db, PurchaseOrderService orders, HttpContext http, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeStatusAsync(id, request, PurchaseOrderStatus.Closed, idempotencyKey, db, orders, http, user, ct);

    private static Task<Results<Created<PurchaseOrderDto>, Ok<PurchaseOrderDto>, ValidationProblem, ProblemHttpResult>> ChangeStatusAsync(
        Guid id, StatusChangeRequest? request, PurchaseOrderStatus to, string? idempotencyKey,
        ProcurementDbContext db, PurchaseOrderService orders, HttpContext http, ClaimsPrincipal user, CancellationToken ct) =>
        IdempotentWrite.RunAsync(db, http, idempotencyKey, request ?? new StatusChangeRequest(null), Location,
            t => orders.ChangeStatusAsync(id, request?.Version, to, CurrentUser.From(user).Id, t), ct, created: false);

    private static string Location(PurchaseOrderDto order) => $"/api/purchase-orders/{order.Id}";
}
