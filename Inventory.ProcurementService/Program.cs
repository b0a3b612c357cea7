using Inventory.ProcurementService.Apis;
using Inventory.ProcurementService.Audit;
using Inventory.ProcurementService.Data;
using Inventory.ProcurementService.Extensions;
using Inventory.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApplicationServices();
builder.Services.AddApiProblemDetails();
builder.Services.AddOpenApi();

var app = builder.Build();

app.UseServiceDefaults();
app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();
app.MapDefaultEndpoints();
app.MapApiReference();
app.MapSuppliersApi();
app.MapSupplierItemsApi();
app.MapPurchaseOrdersApi();
app.MapReceiptsApi();
app.MapReplenishmentApi();
app.MapAuditApi<ProcurementDbContext>(AuditEntityTypes.All);

app.Run();
