using System.Collections.Concurrent;
using System.Data.Common;
using System.Linq.Expressions;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Inventory.ServiceDefaults.Kit;

/// <summary>
/// The one way the services read rows of their own SQL: an interpolated statement (every value a parameter) whose
/// rows become a <b>named record</b>, each constructor parameter read from the column of its snake_case name
/// (<c>OnHand</c> from <c>on_hand</c>); a column missing from the rows is an error naming it, never a default.
/// <para>Why not EF's <c>Database.SqlQuery&lt;T&gt;</c>: EF Core cannot cache the SQL of a <c>FromSql</c> with
/// parameters, so every execution regenerates its command inside the query pipeline, under a lock that concurrent
/// executions of the same statement queue on, and buffers the rows for the retrying strategy (issue 14: a tenth of
/// the catalog's CPU per movement, and the 16 writers' waits). This runs the statement as EF's own
/// <c>ExecuteSql</c> does — EF's raw command on the context's connection and transaction, so command logging,
/// diagnostics, interceptors and the command timeout all apply — and reads the rows as they stream.</para>
/// Outside a transaction the statement runs under the context's retrying execution strategy, as a query would; inside
/// one, a transient failure is the unit's to retry (<see cref="Transactions.InTransactionAsync{T}"/>).
/// </summary>
public static class SqlRows
{
    /// <summary>The rows of <paramref name="sql"/> as <typeparamref name="TRecord"/>s, in the order the statement gives them.</summary>
    public static Task<List<TRecord>> SqlRowsAsync<TRecord>(this DbContext db, FormattableString sql, CancellationToken ct) =>
        RunAsync<TRecord>(db, sql.Format, sql.GetArguments(), ct);

    /// <summary>
    /// The rows of a constant statement with no values (its braces are SQL, not placeholders). A name of its own, as EF's
    /// <c>SqlQueryRaw</c>: an interpolated string would bind to a <c>string</c> overload of the same name, with its values
    /// pasted into the SQL.
    /// </summary>
    public static Task<List<TRecord>> SqlRowsRawAsync<TRecord>(this DbContext db, string constantSql, CancellationToken ct) =>
        RunAsync<TRecord>(db, constantSql, null, ct);

    /// <summary>The one row of <paramref name="sql"/>, or null when it gives none (more than one is a bug: it throws).</summary>
    public static async Task<TRecord?> SqlRowAsync<TRecord>(this DbContext db, FormattableString sql, CancellationToken ct) where TRecord : class =>
        (await db.SqlRowsAsync<TRecord>(sql, ct)).SingleOrDefault();

    private static Task<List<TRecord>> RunAsync<TRecord>(DbContext db, string sql, object?[]? values, CancellationToken ct) =>
        db.Database.CurrentTransaction is not null
            ? ReadAsync<TRecord>(db, sql, values, ct)
            : db.Database.CreateExecutionStrategy().ExecuteAsync(token => ReadAsync<TRecord>(db, sql, values, token), ct);

    private static async Task<List<TRecord>> ReadAsync<TRecord>(DbContext db, string sql, object?[]? values, CancellationToken ct)
    {
        var (command, parameterValues) = CommandFor(db, sql, values);
        var parameters = new RelationalCommandParameterObject(db.GetService<IRelationalConnection>(), parameterValues, null, db,
            db.GetService<IRelationalCommandDiagnosticsLogger>(), CommandSource.FromSqlQuery);
        await using var reader = await command.ExecuteReaderAsync(parameters, ct);
        var map = RecordMap<TRecord>.For(reader.DbDataReader);
        var rows = new List<TRecord>();
        while (await reader.ReadAsync(ct))
            rows.Add(map(reader.DbDataReader));
        return rows;
    }

    private static readonly ConcurrentDictionary<(Type Context, bool Formatted, string Sql), (string Text, IRelationalParameter[] Parameters)> Statements = new();

    /// <summary>
    /// EF's command for the statement. Its text and parameters are worked out once per statement (EF's raw-SQL builder
    /// formats the SQL with a placeholder per value, <c>@p0</c>, <c>@p1</c> …, whose type comes from each execution's
    /// value), and each execution gets a command of its own: a command is not for two executions at once. The texts
    /// are the code's own literals, so the cache holds a few dozen.
    /// </summary>
    private static (IRelationalCommand Command, IReadOnlyDictionary<string, object?>? Values) CommandFor(DbContext db, string sql, object?[]? values)
    {
        if (values?.Any(v => v is DbParameter) == true)
            throw new ArgumentException("Pass values, not DbParameters: their names would be part of the cached statement.", nameof(values));
        var (text, parameters) = Statements.GetOrAdd((db.GetType(), values is not null, sql), key =>
        {
            var raw = db.GetService<IRawSqlCommandBuilder>();
            var built = key.Formatted ? raw.Build(key.Sql, values!).RelationalCommand : raw.Build(key.Sql);
            return (built.CommandText, built.Parameters.ToArray());
        });
        var builder = db.GetService<IRelationalCommandBuilderFactory>().Create().Append(text);
        foreach (var parameter in parameters)
            builder.AddParameter(parameter);
        if (values is null)
            return (builder.Build(), null);
        var named = new Dictionary<string, object?>(values.Length);
        for (var i = 0; i < values.Length; i++)
            named.Add(parameters[i].InvariantName, values[i]);
        return (builder.Build(), named);
    }

    /// <summary>How a record is built from a row: its widest constructor, each parameter by its column's name.</summary>
    private static class RecordMap<TRecord>
    {
        private static readonly ConstructorInfo Constructor = typeof(TRecord).GetConstructors()
            .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw new InvalidOperationException($"{typeof(TRecord).Name} has no public constructor to read rows into.");
        private static readonly (string Column, Func<DbDataReader, int, object?> Read)[] Parameters = Constructor.GetParameters()
            .Select(p => (SnakeCase(p.Name!), ColumnReader(p.ParameterType))).ToArray();
        private static readonly Func<object?[], TRecord> Create = Compile();

        // The constructor called with the row's values, compiled once (reflection's Invoke per row costs more than the read).
        private static Func<object?[], TRecord> Compile()
        {
            var values = Expression.Parameter(typeof(object?[]), "values");
            var arguments = Constructor.GetParameters().Select((p, i) =>
                Expression.Convert(Expression.ArrayIndex(values, Expression.Constant(i)), p.ParameterType));
            return Expression.Lambda<Func<object?[], TRecord>>(Expression.New(Constructor, arguments), values).Compile();
        }

        public static Func<DbDataReader, TRecord> For(DbDataReader reader)
        {
            var ordinals = new int[Parameters.Length];
            for (var i = 0; i < Parameters.Length; i++)
                ordinals[i] = OrdinalOf(reader, Parameters[i].Column);
            return row =>
            {
                var arguments = new object?[Parameters.Length];
                for (var i = 0; i < Parameters.Length; i++)
                    arguments[i] = Parameters[i].Read(row, ordinals[i]);
                return Create(arguments);
            };
        }

        private static int OrdinalOf(DbDataReader reader, string column)
        {
            for (var i = 0; i < reader.FieldCount; i++)
                if (reader.GetName(i) == column)
                    return i;
            throw new InvalidOperationException(
                $"The SQL read into {typeof(TRecord).Name} has no column '{column}' (its columns: {string.Join(", ", Enumerable.Range(0, reader.FieldCount).Select(reader.GetName))}).");
        }
    }

    private static readonly ConcurrentDictionary<Type, Func<DbDataReader, int, object?>> Readers = new();
    private static readonly MethodInfo ReadTyped = typeof(SqlRows).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>
    /// A column read as the parameter's own type (a timestamptz as DateTimeOffset, a date as DateOnly). NULL is null for
    /// a nullable value type or a reference type; for any other value type it is an error, never a silent default.
    /// </summary>
    private static Func<DbDataReader, int, object?> ColumnReader(Type type) => Readers.GetOrAdd(type, t =>
        Nullable.GetUnderlyingType(t) is { } underlying
            ? ReadTyped.MakeGenericMethod(underlying).CreateDelegate<Func<DbDataReader, int, object?>>()
            : t.IsValueType
                ? ReadRequired.MakeGenericMethod(t).CreateDelegate<Func<DbDataReader, int, object?>>()
                : ReadTyped.MakeGenericMethod(t).CreateDelegate<Func<DbDataReader, int, object?>>());

    private static readonly MethodInfo ReadRequired = typeof(SqlRows).GetMethod(nameof(Required), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static object? Read<T>(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<T>(ordinal);

    // GetFieldValue of a NULL into a value type throws (Npgsql names the column's ordinal).
    private static object? Required<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal);

    /// <summary>The name EFCore.NamingConventions gives a property: <c>BalanceAfter</c> → <c>balance_after</c>.</summary>
    internal static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (!char.IsUpper(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
                text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}
