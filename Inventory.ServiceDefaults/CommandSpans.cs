using System.Diagnostics;
using OpenTelemetry;

namespace Inventory.ServiceDefaults;

/// <summary>
/// Takes the data source's connection string off every database command's span before it is exported. Npgsql 10 puts
/// it on each span (<c>db.npgsql.data_source</c>, ~400 characters with our pool and timeout settings): bytes that every
/// command repeats, serialised by the service and parsed by the collector (docs/benchmarks.md, issue 14). The statement,
/// the database, the server and the timing stay. A processor rather than Npgsql's own tracing options: those belong to
/// a data source, and giving EF Core one would hide the password from the connection string the migrator's session
/// lock opens its own connection with.
/// </summary>
public sealed class CommandSpans : BaseProcessor<Activity>
{
    public const string DataSourceTag = "db.npgsql.data_source";

    public override void OnEnd(Activity activity)
    {
        if (activity.Source.Name == "Npgsql")
            activity.SetTag(DataSourceTag, null);
    }
}
