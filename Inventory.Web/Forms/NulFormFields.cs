using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Inventory.Web.Forms;

/// <summary>
/// A NUL typed, pasted or forged into a form field. Browsers send it as <c>%00</c>, and ASP.NET Core's form reader
/// refuses a whole form holding one ("The path contains null characters"), so the page never ran and the person got
/// the error page. <see cref="UseNulFormFields"/> takes each <c>%00</c> out of a url-encoded form before anything
/// reads it and remembers the fields that held one; <see cref="NulFieldErrors"/> then puts the services' own message
/// (<see cref="TextFields.NulMessage"/>) on those fields, so the form is shown again with the error next to the field
/// and, as for any invalid field, nothing is sent (every page with text fields saves only when ModelState is valid).
/// </summary>
public static partial class NulFormFields
{
    private const string ItemKey = "Inventory.Web.NulFormFields";

    [GeneratedRegex("%00")]
    private static partial Regex EscapedNul();

    public static IApplicationBuilder UseNulFormFields(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            && context.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
            await CleanAsync(context);
        await next(context);
    });

    /// <summary>The form fields (their names as posted) that held a NUL.</summary>
    public static IReadOnlyCollection<string> Fields(HttpContext context) =>
        context.Items[ItemKey] as IReadOnlyCollection<string> ?? [];

    private static async Task CleanAsync(HttpContext context)
    {
        // Forms are small (the gateway limits request sizes). Latin-1 maps each byte to one character and back, so a
        // body is passed on byte for byte whatever a client put in it.
        context.Request.EnableBuffering();
        using var reader = new StreamReader(context.Request.Body, Encoding.Latin1, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        context.Request.Body.Position = 0;
        if (!body.Contains("%00", StringComparison.Ordinal))
            return;

        var fields = new List<string>();
        var pairs = body.Split('&');
        for (var i = 0; i < pairs.Length; i++)
        {
            if (!pairs[i].Contains("%00", StringComparison.Ordinal))
                continue;
            pairs[i] = EscapedNul().Replace(pairs[i], "");
            fields.Add(Uri.UnescapeDataString(pairs[i].Split('=')[0].Replace('+', ' ')));
        }
        var cleaned = Encoding.Latin1.GetBytes(string.Join('&', pairs));
        context.Request.Body = new MemoryStream(cleaned);
        context.Request.ContentLength = cleaned.Length;
        context.Items[ItemKey] = fields;
    }
}

/// <summary>Puts <see cref="TextFields.NulMessage"/> on each field <see cref="NulFormFields"/> took a NUL out of, after model binding.</summary>
public sealed class NulFieldErrors : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
    }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        foreach (var field in NulFormFields.Fields(context.HttpContext))
            context.ModelState.AddModelError(field, TextFields.NulMessage);
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
    {
    }
}
