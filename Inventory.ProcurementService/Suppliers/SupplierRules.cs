using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Inventory.ProcurementService.Suppliers;

/// <summary>What makes a supplier valid. Keys of the returned errors are the request's JSON field names.</summary>
public static partial class SupplierRules
{
    public const int NameMaxLength = 200;
    public const int ShortTextMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int LongTextMaxLength = 2000;
    public const int MaxLeadTimeDays = 365;
    public const string DefaultCurrency = "USD";
    public const string VersionRequired = "Version is required: send the version you read.";

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex CurrencyCode();

    [GeneratedRegex(@"^[0-9+()\-. /]{3,40}$")]
    private static partial Regex PhoneNumber();

    public static Dictionary<string, string[]> Validate(SupplierRequest request, bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name))
            errors["name"] = ["Name is required."];
        else if (name.Length > NameMaxLength)
            errors["name"] = [$"Name must be at most {NameMaxLength} characters."];

        if (!string.IsNullOrWhiteSpace(request.Email) && !IsEmail(request.Email.Trim()))
            errors["email"] = ["Not a valid e-mail address."];
        if (!string.IsNullOrWhiteSpace(request.Phone) && !PhoneNumber().IsMatch(request.Phone.Trim()))
            errors["phone"] = ["Not a valid phone number (digits, spaces and + ( ) - . / only)."];
        if (!string.IsNullOrWhiteSpace(request.Website) && !IsWebAddress(request.Website.Trim()))
            errors["website"] = ["Must be an absolute http or https address."];
        if (request.LeadTimeDays is < 0 or > MaxLeadTimeDays)
            errors["leadTimeDays"] = [$"Lead time must be between 0 and {MaxLeadTimeDays} days."];
        if (!string.IsNullOrWhiteSpace(request.Currency) && !CurrencyCode().IsMatch(request.Currency.Trim().ToUpperInvariant()))
            errors["currency"] = ["Currency must be a three-letter ISO 4217 code, e.g. USD."];

        CheckLength(errors, "contactName", request.ContactName, ShortTextMaxLength);
        CheckLength(errors, "email", request.Email, EmailMaxLength);
        CheckLength(errors, "address", request.Address, LongTextMaxLength);
        CheckLength(errors, "website", request.Website, ShortTextMaxLength);
        CheckLength(errors, "paymentTerms", request.PaymentTerms, ShortTextMaxLength);
        CheckLength(errors, "notes", request.Notes, LongTextMaxLength);
        if (!creating && request.Version is null)
            errors["version"] = [VersionRequired];
        TextFields.RefuseNul(errors, ("name", request.Name), ("contactName", request.ContactName), ("email", request.Email),
            ("phone", request.Phone), ("address", request.Address), ("website", request.Website),
            ("paymentTerms", request.PaymentTerms), ("currency", request.Currency), ("notes", request.Notes));
        return errors;
    }

    public static Dictionary<string, string[]> Validate(SupplierItemRequest request, bool creating)
    {
        var errors = new Dictionary<string, string[]>();
        if (creating && (request.ItemId ?? Guid.Empty) == Guid.Empty)
            errors["itemId"] = ["Item is required."];
        if (request.UnitPrice is null)
            errors["unitPrice"] = ["Unit price is required."];
        else if (request.UnitPrice < 0)
            errors["unitPrice"] = ["Unit price must be zero or more."];
        else
            Amounts.Check(errors, "unitPrice", request.UnitPrice);
        if (request.MinimumOrderQuantity is < 0)
            errors["minimumOrderQuantity"] = ["Minimum order quantity must be zero or more."];
        else
            Amounts.Check(errors, "minimumOrderQuantity", request.MinimumOrderQuantity);
        if (request.LeadTimeDays is < 0 or > MaxLeadTimeDays)
            errors["leadTimeDays"] = [$"Lead time must be between 0 and {MaxLeadTimeDays} days."];
        if (request.SupplierSku?.Trim().Length > 64)
            errors["supplierSku"] = ["Must be at most 64 characters."];
        if (!creating && request.Version is null)
            errors["version"] = [VersionRequired];
        TextFields.RefuseNul(errors, ("supplierSku", request.SupplierSku));
        return errors;
    }

    public static bool IsEmail(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);

    private static bool IsWebAddress(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static void CheckLength(Dictionary<string, string[]> errors, string field, string? value, int max)
    {
        if (value?.Trim().Length > max && !errors.ContainsKey(field))
            errors[field] = [$"Must be at most {max} characters."];
    }
}
