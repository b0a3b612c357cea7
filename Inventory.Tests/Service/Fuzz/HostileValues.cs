using System.Buffers.Text;
using System.Text;

namespace Inventory.Tests.Service.Fuzz;

/// <summary>
/// The malformed input the fuzzer sends: wrong types, overflowing numbers, NUL, lone surrogates, right-to-left
/// overrides, 100 kB strings, bad ids and forged cursors. Body values are raw JSON text (so a lone surrogate or
/// 1e400 reaches the server as a client could write it); query values are raw text, escaped when sent.
/// Everything random comes from one seeded generator, so a run is repeatable.
/// </summary>
public sealed class HostileValues(int seed)
{
    private readonly Random _random = new(seed);

    public Guid RandomGuid()
    {
        var bytes = new byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static readonly string[] BadStrings =
    [
        "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"x\\udc00y\"", "\"\\u202Egnp.exe\\u202C\"", "\"\u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627\"",
        $"\"{new string('x', 100_000)}\"", "\"\"", "\"   \"", "123", "true", "[]", "{}",
    ];

    private static readonly string[] BadNumbers =
    [
        "99999999999999999999.9999", "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "-1", "0", "0.00001", "1.5",
        "2147483648", "79228162514264337593543950336", "\"abc\"", "\"\\u0000\"", "true", "[]", "{}",
    ];

    private static readonly string[] BadDates = ["\"2026-13-45\"", "\"0001-01-01\"", "\"9999-12-31\"", "\"yesterday\"", "\"\\u0000\"", "5", "[]"];

    private static readonly string[] BadBooleans = ["\"yes\"", "2", "\"\\u0000\"", "[]", "{}"];

    private static readonly string[] BadObjects = ["[]", "\"x\"", "1", "true"];

    /// <summary>Raw JSON values to put in a body field of <paramref name="kind"/>.</summary>
    public IReadOnlyList<string> ForBody(string kind, Func<string>? oversizeArray = null) => kind switch
    {
        "uuid" => ["\"not-a-guid\"", "\"00000000-0000-0000-0000-000000000000\"", $"\"{RandomGuid()}\"", "\"\\u0000\"", "12", "[]", "{}"],
        "integer" or "number" => BadNumbers,
        "date" or "date-time" => BadDates,
        "boolean" => BadBooleans,
        "array" => ["{}", "\"x\"", "[null]", "[\"\\u0000\"]", .. oversizeArray is null ? Array.Empty<string>() : [oversizeArray()]],
        "object" => BadObjects,
        _ => BadStrings,
    };

    /// <summary>Whole bodies that are not what any operation expects.</summary>
    public static readonly IReadOnlyList<string> BadBodies = ["{", "[]", "null", "\"\\u0000\"", "{\"a\":\"\\ud800\"}", "12"];

    /// <summary>CSV bodies for an import: NUL, a lone surrogate, a 100 kB cell, a header and nothing else.</summary>
    public static readonly IReadOnlyList<string> BadCsvBodies =
    [
        "\0\0\0", "sku,name,unit\nA\0,B\0,each\n", "sku,name,unit\nA-1,\ud800,each\n", $"sku,name,unit\nA-1,{new string('x', 100_000)},each\n",
        "sku,name,unit\nA-1,n,each,unitCost\n", "sku,name,unit,unitCost\nA-1,n,each,99999999999999999999.9999\n", "\"",
    ];

    /// <summary>Query values, unescaped (the one that is already escaped is invalid UTF-8 for a lone surrogate).</summary>
    public IReadOnlyList<string> ForQuery() =>
    [
        "abc", "-1", "0", "1.5", "99999999999999999999", "9223372036854775808", "true ", "\0", "a\0b", "\u202Eevil", new string('x', 10_000),
        "not-a-guid", "00000000-0000-0000-0000-000000000000", RandomGuid().ToString(), "2026-13-45",
        "AAAA", "!!!", Cursor("[\"name\",\"\\u0000\"]"), Cursor("[\"id\",\"abc\"]"), Cursor("[\"sequence:desc\",\"99999999999999999999\"]"),
        Cursor("[\"x\"]"), Cursor("null"), Cursor("[1,2]"), Cursor("{\"a\":1}"), Cursor("[\"name\",null]"),
    ];

    /// <summary>The only query value sent pre-escaped: UTF-8 of a lone surrogate, which no client library will encode itself.</summary>
    public const string EscapedLoneSurrogate = "%ED%A0%80";

    /// <summary>
    /// Path values for an id: not a GUID, and a GUID nothing has. (A NUL in the path never reaches an endpoint: Kestrel
    /// refuses the request line, and the in-memory test server will not even build the request.)
    /// </summary>
    public IReadOnlyList<string> ForPath() => ["not-a-guid", "%E2%80%AE", RandomGuid().ToString()];

    /// <summary>Idempotency-Key header values a client could send.</summary>
    public static readonly IReadOnlyList<string> BadIdempotencyKeys = [new string('k', 1_000), " "];

    private static string Cursor(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
