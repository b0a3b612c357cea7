using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Inventory.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Inventory.Tests.Service.Fuzz;

/// <summary>
/// Walks both services' OpenAPI documents and sends every operation malformed input, one parameter or body field at
/// a time (real ids elsewhere, so the varied value is what the service judges), and demands: never a 5xx, every 400
/// a ProblemDetails naming a field or parameter, and a refused write leaves both databases exactly as they were.
/// Deterministic (one seed) and bounded: a fixed set of about 3,300 probes (about 30 s here), not a time budget.
/// </summary>
[Collection(FuzzCollection.Name)]
public sealed class OpenApiFuzzTests(ServicesFixture fixture, ITestOutputHelper output)
{
    private const int Seed = 20261201;

    [Fact]
    public async Task Malformed_input_to_every_operation_is_a_4xx_naming_the_field_and_writes_nothing()
    {
        var world = await FuzzWorld.CreateAsync(fixture);
        var values = new HostileValues(Seed);
        var failures = new List<string>();
        var probes = 0;
        var bodyFieldProbes = world.Services.ToDictionary(s => s.Name, _ => 0);
        var clock = Stopwatch.StartNew();

        foreach (var service in world.Services)
        {
            var document = new OpenApiOperations(await service.ReadDocumentAsync());
            var bodies = new FuzzBodies(document, world.IdsByField);
            var operations = document.All().OrderBy(o => FuzzWorld.ChangesState(o) ? 1 : 0).ToList();
            Assert.NotEmpty(operations);
            foreach (var operation in operations)
            {
                var baseline = operation.JsonBody is { } schema ? bodies.Baseline(schema) : null;
                var baselineText = baseline?.ToJsonString();
                var client = service.ClientFor(operation);
                foreach (var probe in Probes(operation, baseline, bodies, values, world))
                {
                    probes++;
                    if (probe.Body is not null && probe.Body != baselineText)
                        bodyFieldProbes[service.Name]++;
                    var failure = await RunAsync(client, probe, world);
                    if (failure is not null)
                        failures.Add($"{probe}: {failure}");
                }
            }
        }

        output.WriteLine($"{probes} probes in {clock.Elapsed.TotalSeconds:F1} s, {failures.Count} failed; body probes: "
            + string.Join(", ", bodyFieldProbes.Select(b => $"{b.Key} {b.Value}")));
        Assert.True(failures.Count == 0, $"{failures.Count} of {probes} probes failed:\n{string.Join("\n", failures.Take(80))}");
        // A walker that found no bodies would pass while testing nothing.
        Assert.All(bodyFieldProbes, b => Assert.True(b.Value > 100, $"{b.Key}: only {b.Value} body probes"));
    }

    private static IEnumerable<FuzzProbe> Probes(OpenApiOperation operation, JsonNode? baseline, FuzzBodies bodies, HostileValues values, FuzzWorld world)
    {
        var body = baseline?.ToJsonString();
        foreach (var parameter in operation.Parameters.Where(p => p.In == "query"))
        {
            foreach (var value in values.ForQuery())
                yield return new(operation, world.Url(operation, null, (parameter.Name, Uri.EscapeDataString(value))), parameter.Name, body);
            yield return new(operation, world.Url(operation, null, (parameter.Name, HostileValues.EscapedLoneSurrogate)), parameter.Name, body);
        }
        foreach (var parameter in operation.Parameters.Where(p => p.In == "path"))
        {
            foreach (var value in values.ForPath())
                yield return new(operation, world.Url(operation, (parameter.Name, value), null), parameter.Name, body);
        }
        if (operation.Parameters.Any(p => p.In == "header" && p.Name == IdempotencyRules.HeaderName))
        {
            foreach (var key in HostileValues.BadIdempotencyKeys)
                yield return new(operation, world.Url(operation, null, null), IdempotencyRules.HeaderName, body, IdempotencyKey: key);
        }
        if (operation.JsonBody is { } schema)
        {
            foreach (var whole in HostileValues.BadBodies)
                yield return new(operation, world.Url(operation, null, null), "body", whole);
            foreach (var field in bodies.Fields(schema))
            {
                foreach (var raw in values.ForBody(field.Kind, () => FuzzBodies.Oversized(baseline, field.Path)))
                    yield return new(operation, world.Url(operation, null, null), field.Path, FuzzBodies.With(baseline, field.Path, raw));
            }
        }
        else if (operation.Writes && operation.Path.EndsWith("/import", StringComparison.Ordinal))
        {
            foreach (var whole in HostileValues.BadCsvBodies)
                yield return new(operation, world.Url(operation, null, null), "body", whole, "text/csv");
        }
    }

    private static async Task<string?> RunAsync(HttpClient client, FuzzProbe probe, FuzzWorld world)
    {
        using var request = probe.ToRequest();
        using var response = await client.SendAsync(request);
        var verdict = await FuzzVerdict.JudgeAsync(response);
        if (verdict is not null || !probe.Operation.Writes)
            return verdict;
        var changed = await world.ChangedTablesAsync();
        return response.IsSuccessStatusCode || changed.Count == 0
            ? null
            : $"answered {(int)response.StatusCode} but changed {string.Join(", ", changed)}";
    }
}

[CollectionDefinition(Name)]
public sealed class FuzzCollection : ICollectionFixture<ServicesFixture>
{
    public const string Name = "fuzz";
}
