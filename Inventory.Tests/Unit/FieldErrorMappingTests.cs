using Inventory.Web.Forms;
using Inventory.Web.Pages.Counts;
using Inventory.Web.Pages.Items;
using Inventory.Web.Pages.PurchaseOrders;
using Inventory.Web.Pages.Suppliers;
using Inventory.Web.Services;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Inventory.Tests.Unit;

/// <summary>
/// Web's one convention for an API's field errors: the JSON path becomes the form's property path under the page's
/// prefix; an error the form has no visible input for shows above the form, never nowhere. The pages are the real ones.
/// </summary>
public sealed class FieldErrorMappingTests
{
    [Theory]
    [InlineData("Input", "preferredSupplierId", "Input.PreferredSupplierId")]
    [InlineData("Input", "lines[2].quantity", "Input.Lines[2].Quantity")]
    [InlineData("Issue", "toLocationId", "Issue.ToLocationId")]
    [InlineData("", "extraSku", "ExtraSku")]
    public void A_json_path_becomes_the_model_property_path_under_the_page_prefix(string prefix, string path, string key) =>
        Assert.Equal(key, new FieldMap(prefix).KeyOf(path));

    [Theory]
    [InlineData("Idempotency-Key")]
    [InlineData("row 3: sku")]
    [InlineData("lines[x].quantity")]
    public void A_header_or_a_report_key_is_not_a_field_path(string path) => Assert.Null(new FieldMap("Input").KeyOf(path));

    [Fact]
    public void A_sent_line_maps_to_the_form_row_it_came_from_and_a_rename_applies_at_any_depth()
    {
        var fields = new FieldMap("Input").Rows("lines", [0, 2]).Rename("itemId", "sku");

        Assert.Equal("Input.Lines[2].Quantity", fields.KeyOf("lines[1].quantity"));
        Assert.Equal("Input.Lines[0].Sku", fields.KeyOf("lines[0].itemId"));
        Assert.Equal("Input.Sku", fields.KeyOf("itemId"));
        Assert.Null(fields.KeyOf("lines[2].quantity")); // the form sent two lines
    }

    [Fact]
    public void Line_errors_land_on_the_form_row_each_line_came_from_and_fields_the_edit_form_lacks_above_it()
    {
        var problem = Problem(400, "One or more validation errors occurred.", new()
        {
            ["lines[0].itemId"] = ["Item X is archived."],
            ["lines[1].quantity"] = ["Quantity must be more than zero."],
            ["expectedDate"] = ["Expected date is out of range."],
            ["supplierId"] = ["The supplier is archived."],
            ["body"] = ["The body is not valid JSON."],
        });

        // Rows 0 and 2 were sent; row 1 was blank. A draft's supplier is not on the edit form.
        var modelState = Add<OrderEditModel>(problem, OrderLines.Fields([0, 2]));

        Assert.Equal("Item X is archived.", Error(modelState, "Input.Lines[0].Sku"));
        Assert.Equal("Quantity must be more than zero.", Error(modelState, "Input.Lines[2].Quantity"));
        Assert.Equal("Expected date is out of range.", Error(modelState, "Input.ExpectedDate"));
        Assert.Equal(["The supplier is archived.", "The body is not valid JSON."], FormWide(modelState));
        Assert.False(modelState.ContainsKey("Input.SupplierId"));
    }

    [Fact]
    public void The_supplier_of_a_new_draft_is_on_its_form()
    {
        var modelState = Add<OrderCreateModel>(Problem(400, "Invalid.", new() { ["supplierId"] = ["The supplier is archived."] }), OrderLines.Fields([]));

        Assert.Equal("The supplier is archived.", Error(modelState, "Input.SupplierId"));
        Assert.Empty(FormWide(modelState));
    }

    [Fact]
    public void An_error_about_a_hidden_input_shows_above_the_form_named_by_its_label()
    {
        var modelState = Add<ItemFormModel>(Problem(400, "One or more validation errors occurred.", new()
        {
            ["preferredSupplierId"] = ["Not a valid supplier id."],
            ["name"] = ["Name is required."],
        }), new FieldMap("Input"));

        Assert.Equal(["Preferred supplier: Not a valid supplier id."], FormWide(modelState));
        Assert.Equal("Name is required.", Error(modelState, "Input.Name"));
        Assert.False(modelState.ContainsKey("Input.PreferredSupplierId"));
    }

    [Fact]
    public void A_header_error_shows_above_the_form()
    {
        var modelState = Add<ItemDetailsModel>(Problem(400, "One or more validation errors occurred.", new()
        {
            ["Idempotency-Key"] = ["The Idempotency-Key header must be 1 to 200 characters."],
        }), MovementInput.Fields("Issue"));

        Assert.Equal(["The Idempotency-Key header must be 1 to 200 characters."], FormWide(modelState));
    }

    [Fact]
    public void A_transfers_from_location_is_the_forms_location_field()
    {
        var modelState = Add<ItemDetailsModel>(Problem(400, "Invalid.", new() { ["fromLocationId"] = ["No such location."] }), MovementInput.Fields("Transfer"));

        Assert.Equal("No such location.", Error(modelState, "Transfer.LocationId"));
    }

    [Fact]
    public void A_route_value_of_the_page_is_not_a_form_field()
    {
        var modelState = Add<ItemDetailsModel>(Problem(404, "No such item.", new() { ["id"] = ["No such item."] }), new FieldMap());

        Assert.Equal(["No such item."], FormWide(modelState));
    }

    [Fact]
    public void A_count_line_the_page_added_itself_maps_to_its_own_fields()
    {
        // Two listed rows were counted (0 and 3); the line found at the location went last, as lines[2].
        var fields = new FieldMap().Rows("lines", [0, 3]).Rename("countedQuantity", "counted")
            .Field("lines[2].countedQuantity", "ExtraCounted");
        var modelState = Add<CountDetailsModel>(Problem(400, "Invalid.", new()
        {
            ["lines[1].countedQuantity"] = ["A counted quantity cannot be negative."],
            ["lines[2].countedQuantity"] = ["Is too large."],
            ["lines[0].itemId"] = ["No such item."],
        }), fields);

        Assert.Equal("A counted quantity cannot be negative.", Error(modelState, "Lines[3].Counted"));
        Assert.Equal("Is too large.", Error(modelState, "ExtraCounted"));
        Assert.Equal(["No such item."], FormWide(modelState)); // the row's item is a hidden input
    }

    [Fact]
    public void A_conflict_about_a_field_shows_at_the_field_and_its_title_above_the_form()
    {
        var modelState = Add<SupplierFormModel>(Problem(409, "The supplier name is taken.", new() { ["name"] = ["A supplier with this name already exists."] }),
            new FieldMap("Input"));

        Assert.Equal("A supplier with this name already exists.", Error(modelState, "Input.Name"));
        Assert.Equal(["The supplier name is taken."], FormWide(modelState));
    }

    [Fact]
    public void A_stale_version_says_so_once_above_the_form()
    {
        var modelState = Add<SupplierFormModel>(Problem(409, "The change conflicts with the current state.",
            new() { ["version"] = ["The supplier was changed by someone else; reload it and apply your change again."] }), new FieldMap("Input"));

        Assert.Equal(["The supplier was changed by someone else; reload it and apply your change again."], FormWide(modelState));
    }

    [Fact]
    public void Without_a_map_every_error_is_above_the_form()
    {
        var modelState = Add<SupplierFormModel>(Problem(400, "Invalid.", new() { ["name"] = ["Name is required."] }), null);

        Assert.Equal(["Name is required."], FormWide(modelState));
    }

    private static ApiProblem Problem(int status, string title, Dictionary<string, string[]> errors) => new(status, title, errors);

    private static ModelStateDictionary Add<TPage>(ApiProblem problem, FieldMap? fields)
    {
        var modelState = new ModelStateDictionary();
        modelState.AddApiProblem(problem, fields, typeof(TPage));
        return modelState;
    }

    private static string Error(ModelStateDictionary modelState, string key) => Assert.Single(modelState[key]!.Errors).ErrorMessage;

    private static string[] FormWide(ModelStateDictionary modelState) =>
        modelState.TryGetValue("", out var entry) ? entry.Errors.Select(e => e.ErrorMessage).ToArray() : [];
}
