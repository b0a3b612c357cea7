using Inventory.Web.Settings;
using Microsoft.AspNetCore.Authorization;

namespace Inventory.Web.Pages.Suppliers;

/// <summary>The new-supplier page (no id) and the edit-supplier page: the form and saving it.</summary>
[Authorize(Roles = UserRoles.Managers)]
public sealed class SupplierFormModel(ProcurementClient procurement, CompanySettingsStore settings) : FormPage<SupplierInput>
{
    /// <summary>A new supplier starts in the company's own currency (settings); one that bills in another is changed here.</summary>
    protected override async Task LoadChoicesAsync(CancellationToken ct)
    {
        if (Id is null && HttpMethods.IsGet(Request.Method))
            Input.Currency = await settings.CurrencyAsync(ct);
    }

    protected override async Task<ApiProblem?> ReadAsync(Guid id, CancellationToken ct) => Read(await procurement.GetSupplierAsync(id, ct), SupplierInput.From);

    protected override async Task<IActionResult?> SaveAsync(string idempotencyKey, CancellationToken ct) =>
        Saved(await procurement.SaveSupplierAsync(Id, Input.ToWrite(), idempotencyKey, ct), supplier =>
            RedirectWithMessage($"Supplier {supplier.Name} {(Id is null ? "created" : "saved")}.", "/Suppliers/Details", new { id = supplier.Id }));
}
