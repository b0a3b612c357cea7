using System.Diagnostics;
using Inventory.CatalogService.Data;
using Inventory.CatalogService.Stock;
using Inventory.CatalogService.Trees;
using Npgsql;
using NpgsqlTypes;

namespace Inventory.CatalogService.Seeding;

/// <summary>
/// Generates a realistic catalog — a category tree, warehouses with aisles and bins, items with plausible names,
/// units and costs, and a ledger of receipts, issues, transfers and adjustments over past days — and loads it with
/// binary COPY. Balances are simulated first (never negative), so stock levels, item totals and each movement's
/// balance_after agree with the ledger exactly. Deterministic for a given seed. Writes into an empty catalog.
/// </summary>
public sealed class CatalogDataGenerator(int items, int movements, int days = 365, int warehouses = 3, int seed = 42)
{
    public sealed record Result(int Categories, int Locations, int Items, int Movements, int StockLevels, TimeSpan Elapsed);

    private static readonly (string Root, string Unit, (string Child, string[] Nouns)[] Children)[] Tree =
    [
        ("Fasteners", "box", [("Bolts", ["Hex bolt", "Carriage bolt", "Eye bolt"]), ("Nuts", ["Hex nut", "Lock nut", "Wing nut"]),
            ("Screws", ["Wood screw", "Machine screw", "Self-tapping screw"]), ("Washers", ["Flat washer", "Spring washer"])]),
        ("Electrical", "each", [("Cables", ["Power cable", "Network cable", "Extension lead"]), ("Connectors", ["Terminal block", "Crimp connector"]),
            ("Lighting", ["LED bulb", "Floodlight", "Batten light"])]),
        ("Plumbing", "each", [("Pipes", ["Copper pipe", "PVC pipe"]), ("Fittings", ["Elbow fitting", "Tee fitting", "Compression coupler"]),
            ("Valves", ["Ball valve", "Gate valve"])]),
        ("Tools", "each", [("Hand tools", ["Claw hammer", "Screwdriver set", "Adjustable wrench", "Pliers"]),
            ("Power tools", ["Cordless drill", "Angle grinder", "Jigsaw"]), ("Measuring", ["Tape measure", "Spirit level"])]),
        ("Safety", "pair", [("Gloves", ["Work gloves", "Nitrile gloves"]), ("Eyewear", ["Safety glasses", "Goggles"]),
            ("Workwear", ["Hi-vis vest", "Safety boots"])]),
        ("Paint", "l", [("Interior", ["Emulsion paint", "Primer"]), ("Exterior", ["Masonry paint", "Wood stain"]), ("Sundries", ["Paint roller", "Brush set"])]),
        ("Packaging", "pack", [("Boxes", ["Cardboard box", "Mailer box"]), ("Tape", ["Packing tape", "Masking tape"]), ("Wrap", ["Bubble wrap", "Stretch film"])]),
        ("Timber", "m", [("Softwood", ["Pine batten", "Spruce plank"]), ("Sheet", ["Plywood sheet", "MDF board"])]),
        ("Cleaning", "each", [("Chemicals", ["Degreaser", "Floor cleaner"]), ("Equipment", ["Mop bucket", "Broom"])]),
        ("Adhesives", "each", [("Glues", ["Wood glue", "Epoxy"]), ("Sealants", ["Silicone sealant", "Decorators caulk"])]),
    ];

    private static readonly string[] Sizes = ["M4", "M5", "M6", "M8", "M10", "M12", "10mm", "15mm", "22mm", "small", "medium", "large", "XL", "500ml", "1l", "5l"];
    private static readonly string[] Grades = ["standard", "heavy duty", "zinc plated", "stainless", "premium", "trade", "economy"];
    private static readonly string[] Users = ["user-1001", "user-1002", "user-1003", "user-1004", "user-1005", "service:procurement"];

    private readonly record struct Move(int Item, int Location, decimal Quantity, string Type, string? Reason, string? Reference, string User,
        DateTimeOffset At, Guid Operation);

    public async Task<Result> WriteAsync(string connectionString, CancellationToken ct = default)
    {
        var clock = Stopwatch.StartNew();
        var now = DateTimeOffset.UtcNow;
        now = new DateTimeOffset(now.Ticks - now.Ticks % 10, TimeSpan.Zero);
        var random = new Random(seed);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using (var check = new NpgsqlCommand("SELECT count(*) FROM items", connection))
        {
            if ((long)(await check.ExecuteScalarAsync(ct))! > 0)
                throw new InvalidOperationException("The catalog already has items; the generator only fills an empty catalog.");
        }

        // Categories: roots and children, with their materialized paths.
        var categories = new List<(Guid Id, string Name, Guid? Parent, string Path, string PathIds, int Depth)>();
        var leaves = new List<(Guid Id, string Unit, string[] Nouns, string Prefix)>();
        foreach (var (root, unit, children) in Tree)
        {
            var rootId = Guid.CreateVersion7();
            var rootPath = TreeRules.PathIds(null, rootId);
            categories.Add((rootId, root, null, root, rootPath, 1));
            foreach (var (child, nouns) in children)
            {
                var id = Guid.CreateVersion7();
                categories.Add((id, child, rootId, $"{root} / {child}", TreeRules.PathIds(rootPath, id), 2));
                leaves.Add((id, unit, nouns, (root[..3] + child[..2]).ToUpperInvariant()));
            }
        }

        // Locations: warehouses → aisles → bins. Stock sits in bins.
        var locations = new List<(Guid Id, string Code, string Name, string Kind, Guid? Parent, string Path, string PathIds, int Depth)>();
        var bins = new List<int>();
        var aisles = Math.Clamp(items / 2000 + 3, 3, 12);
        const int binsPerAisle = 10;
        for (var w = 1; w <= warehouses; w++)
        {
            var whId = Guid.CreateVersion7();
            var whCode = $"WH{w}";
            var whPath = TreeRules.PathIds(null, whId);
            locations.Add((whId, whCode, $"Warehouse {w}", "warehouse", null, whCode, whPath, 1));
            for (var a = 0; a < aisles; a++)
            {
                var aisleId = Guid.CreateVersion7();
                var aisleCode = $"{whCode}-{(char)('A' + a)}";
                var aislePath = TreeRules.PathIds(whPath, aisleId);
                locations.Add((aisleId, aisleCode, $"Aisle {(char)('A' + a)}", "bin", whId, $"{whCode} / {aisleCode}", aislePath, 2));
                for (var b = 1; b <= binsPerAisle; b++)
                {
                    var binId = Guid.CreateVersion7();
                    var binCode = $"{aisleCode}{b:00}";
                    bins.Add(locations.Count);
                    locations.Add((binId, binCode, $"Bin {binCode}", "bin", aisleId, $"{whCode} / {aisleCode} / {binCode}",
                        TreeRules.PathIds(aislePath, binId), 3));
                }
            }
        }

        // Items, each with one to three home bins.
        var itemRows = new (Guid Id, string Sku, string Name, int Leaf, string Unit, string? Barcode, decimal Cost, decimal ReorderPoint,
            decimal ReorderQuantity, bool Archived, int[] Homes)[items];
        for (var i = 0; i < items; i++)
        {
            var leaf = random.Next(leaves.Count);
            var (_, unit, nouns, prefix) = leaves[leaf];
            var name = $"{nouns[random.Next(nouns.Length)]} {Sizes[random.Next(Sizes.Length)]} {Grades[random.Next(Grades.Length)]}";
            var cost = Math.Round((decimal)(0.05 + random.NextDouble() * random.NextDouble() * 250), 2);
            var reorderPoint = random.Next(0, 4) * 5;
            var homes = Enumerable.Range(0, random.Next(1, 4)).Select(_ => bins[random.Next(bins.Count)]).Distinct().ToArray();
            itemRows[i] = (Guid.CreateVersion7(), $"{prefix}-{i + 1:000000}", name, leaf, unit,
                random.Next(3) == 0 ? null : $"50{i + 1:00000000000}", cost, reorderPoint, reorderPoint * 4, random.Next(50) == 0, homes);
        }

        // Simulate the ledger once for the final balances (items and stock levels are written before movements).
        var balances = new Dictionary<(int Item, int Location), decimal>();
        foreach (var move in Simulate(itemRows.Select(r => (r.Unit, r.Homes, r.Archived)).ToArray(), now))
            balances[(move.Item, move.Location)] = balances.GetValueOrDefault((move.Item, move.Location)) + move.Quantity;
        var totals = new decimal[items];
        foreach (var ((item, _), onHand) in balances)
            totals[item] += onHand;

        var start = now.AddDays(-days);
        await CopyAsync(connection, $"COPY categories (id, name, {TreeNodeColumns}) FROM STDIN (FORMAT BINARY)",
            categories, async (w, c) =>
            {
                await w.WriteAsync(c.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(c.Name, NpgsqlDbType.Varchar, ct);
                await WriteTreeNodeAsync(w, c.Parent, c.Path, c.PathIds, c.Depth, start, ct);
            }, ct);
        // A location's barcode is its code, as when one is created without a barcode of its own (unique, like the code).
        await CopyAsync(connection, $"COPY locations (id, code, barcode, name, kind, allows_negative, {TreeNodeColumns}) FROM STDIN (FORMAT BINARY)",
            locations, async (w, l) =>
            {
                await w.WriteAsync(l.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(l.Code, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(l.Code, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(l.Name, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(l.Kind, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await WriteTreeNodeAsync(w, l.Parent, l.Path, l.PathIds, l.Depth, start, ct);
            }, ct);
        await CopyAsync(connection, """
            COPY items (id, sku, name, description, category_id, unit, barcode, unit_cost, reorder_quantity,
                        preferred_supplier_id, is_archived, version, created_at, updated_at) FROM STDIN (FORMAT BINARY)
            """, itemRows.Select((r, i) => (Row: r, Index: i)), async (w, x) =>
            {
                var (r, i) = x;
                var created = start.AddSeconds(i % 86_400);
                await w.WriteAsync(r.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(r.Sku, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(r.Name, NpgsqlDbType.Varchar, ct);
                await w.WriteNullAsync(ct);
                await w.WriteAsync(leaves[r.Leaf].Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(r.Unit, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(w, r.Barcode, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(r.Cost, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync((decimal)r.ReorderQuantity, NpgsqlDbType.Numeric, ct);
                await w.WriteNullAsync(ct);
                await w.WriteAsync(r.Archived, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(1, NpgsqlDbType.Integer, ct);
                await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(created.AddMinutes(i % 1440), NpgsqlDbType.TimestampTz, ct);
            }, ct);
        // The totals and the ledger go in one transaction with the dashboard's rollup triggers off (a million trigger
        // calls would double the load), then the rollups are built from them as the migration builds them
        // (DashboardRollupSql.Backfill); rolled back together if anything fails, so no trigger is left off.
        await using var load = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, DashboardRollupSql.DisableBulkTriggers, ct);
        // Each item's stock total and reorder point, in their own table (ItemConfiguration: kept apart from the item row).
        await CopyAsync(connection, "COPY item_stock_totals (item_id, on_hand, reorder_point) FROM STDIN (FORMAT BINARY)",
            itemRows.Select((r, i) => (Row: r, Index: i)), async (w, x) =>
            {
                await w.WriteAsync(x.Row.Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(totals[x.Index], NpgsqlDbType.Numeric, ct);
                await w.WriteAsync((decimal)x.Row.ReorderPoint, NpgsqlDbType.Numeric, ct);
            }, ct);
        await CopyAsync(connection, "COPY stock_levels (item_id, location_id, on_hand, allows_negative, updated_at) FROM STDIN (FORMAT BINARY)",
            balances, async (w, b) =>
            {
                await w.WriteAsync(itemRows[b.Key.Item].Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(locations[b.Key.Location].Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(b.Value, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(false, NpgsqlDbType.Boolean, ct);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz, ct);
            }, ct);

        // The ledger, in time order (so seq follows time), each row with the running balance it produced.
        var running = new Dictionary<(int, int), decimal>();
        var written = 0;
        await CopyAsync(connection, """
            COPY movements (id, item_id, location_id, quantity, balance_after, type, reason_code, reference, user_id, occurred_at, operation_id)
            FROM STDIN (FORMAT BINARY)
            """, Simulate(itemRows.Select(r => (r.Unit, r.Homes, r.Archived)).ToArray(), now), async (w, m) =>
            {
                var balance = running[(m.Item, m.Location)] = running.GetValueOrDefault((m.Item, m.Location)) + m.Quantity;
                written++;
                await w.WriteAsync(Guid.CreateVersion7(m.At), NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(itemRows[m.Item].Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(locations[m.Location].Id, NpgsqlDbType.Uuid, ct);
                await w.WriteAsync(m.Quantity, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(balance, NpgsqlDbType.Numeric, ct);
                await w.WriteAsync(m.Type, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(w, m.Reason, NpgsqlDbType.Varchar, ct);
                await WriteNullableAsync(w, m.Reference, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(m.User, NpgsqlDbType.Varchar, ct);
                await w.WriteAsync(m.At, NpgsqlDbType.TimestampTz, ct);
                await w.WriteAsync(m.Operation, NpgsqlDbType.Uuid, ct);
            }, ct);

        await ExecuteAsync(connection, DashboardRollupSql.EnableBulkTriggers, ct);
        await ExecuteAsync(connection, DashboardRollupSql.Backfill, ct);
        await load.CommitAsync(ct);

        await using (var analyze = new NpgsqlCommand("ANALYZE", connection) { CommandTimeout = 0 })
            await analyze.ExecuteNonQueryAsync(ct);
        return new Result(categories.Count, locations.Count, items, written, balances.Count, clock.Elapsed);

        IEnumerable<Move> Simulate((string Unit, int[] Homes, bool Archived)[] catalog, DateTimeOffset end)
        {
            // Its own generator, so both passes see the same sequence.
            var rng = new Random(seed + 1);
            var stock = new Dictionary<(int, int), decimal>();
            var first = end.AddDays(-days);
            var step = (end - first).Ticks / Math.Max(movements, 1);
            var produced = 0;
            var po = 1000;
            for (var n = 0; produced < movements; n++)
            {
                var at = first.AddTicks(step * produced);
                at = new DateTimeOffset(at.Ticks - at.Ticks % 10, TimeSpan.Zero);
                // Popular items move more: a skewed pick.
                var item = (int)(Math.Pow(rng.NextDouble(), 2) * catalog.Length);
                var (unit, homes, archived) = catalog[item];
                var location = homes[rng.Next(homes.Length)];
                var onHand = stock.GetValueOrDefault((item, location));
                var user = Users[rng.Next(Users.Length - 1)];
                var roll = rng.Next(100);
                Move[] moves;
                if ((roll < 30 || onHand <= 0) && !archived)
                {
                    var quantity = Quantity(rng, unit, 5, 200);
                    moves = [new Move(item, location, quantity, MovementTypes.Receipt, null, $"PO-{po++}",
                        rng.Next(3) == 0 ? Users[^1] : user, at, Guid.CreateVersion7(at))];
                }
                else if (onHand <= 0)
                {
                    continue; // an archived item with nothing left: nothing can happen to it
                }
                else if (roll < 85)
                {
                    var quantity = Math.Min(onHand, Quantity(rng, unit, 1, 40));
                    moves = [new Move(item, location, -quantity, MovementTypes.Issue, null, rng.Next(4) == 0 ? $"WO-{rng.Next(10000, 99999)}" : null, user, at, Guid.CreateVersion7(at))];
                }
                else if (roll < 95 && homes.Length > 1)
                {
                    var to = homes[(Array.IndexOf(homes, location) + 1) % homes.Length];
                    var quantity = Math.Min(onHand, Quantity(rng, unit, 1, 30));
                    var operation = Guid.CreateVersion7(at);
                    moves = [new Move(item, location, -quantity, MovementTypes.TransferOut, null, null, user, at, operation),
                             new Move(item, to, quantity, MovementTypes.TransferIn, null, null, user, at, operation)];
                }
                else
                {
                    var down = rng.Next(3) > 0;
                    var quantity = down ? -Math.Min(onHand, Quantity(rng, unit, 1, 5)) : Quantity(rng, unit, 1, 5);
                    if (archived && quantity > 0)
                        continue;
                    var reason = down ? AdjustmentReasons.All[rng.Next(0, 3)] : "found";
                    moves = [new Move(item, location, quantity, MovementTypes.Adjustment, reason, null, user, at, Guid.CreateVersion7(at))];
                }
                foreach (var move in moves)
                {
                    if (produced >= movements)
                        yield break;
                    stock[(move.Item, move.Location)] = stock.GetValueOrDefault((move.Item, move.Location)) + move.Quantity;
                    produced++;
                    yield return move;
                }
            }
        }
    }

    private static decimal Quantity(Random random, string unit, int min, int max) =>
        Inventory.CatalogService.Items.ItemRules.IsDivisible(unit)
            ? Math.Round((decimal)(min + random.NextDouble() * (max - min)), 2)
            : random.Next(min, max + 1);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string copy, IEnumerable<T> rows,
        Func<NpgsqlBinaryImporter, T, Task> write, CancellationToken ct)
    {
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        importer.Timeout = TimeSpan.Zero;
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await write(importer, row);
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary>The columns every tree node has (categories, locations), as <see cref="WriteTreeNodeAsync"/> writes them.</summary>
    private const string TreeNodeColumns = "parent_id, path, path_ids, depth, is_archived, version, created_at, updated_at";

    private static async Task WriteTreeNodeAsync(NpgsqlBinaryImporter w, Guid? parent, string path, string pathIds, int depth,
        DateTimeOffset created, CancellationToken ct)
    {
        await WriteNullableAsync(w, parent, NpgsqlDbType.Uuid, ct);
        await w.WriteAsync(path, NpgsqlDbType.Text, ct);
        await w.WriteAsync(pathIds, NpgsqlDbType.Text, ct);
        await w.WriteAsync(depth, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(false, NpgsqlDbType.Boolean, ct);
        await w.WriteAsync(1, NpgsqlDbType.Integer, ct);
        await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
        await w.WriteAsync(created, NpgsqlDbType.TimestampTz, ct);
    }

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter writer, T? value, NpgsqlDbType type, CancellationToken ct) =>
        value is null ? writer.WriteNullAsync(ct) : writer.WriteAsync(value, type, ct);
}
