using System.Text.Encodings.Web;
using System.Text.Json;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// Documents that validated before and select only entity root fields (the common case: by id, collections, nested
/// entities) run without GraphQL.NET's executor: variables are coerced by its validator (no rules), the plan runs
/// as usual, and the JSON is written straight from the rows in selection order. Anything else — <c>_meta</c>,
/// introspection, mutations, several operations without a name, or any error — returns null and the request goes the
/// general way, so answers and error shapes are the same on both paths.
/// </summary>
internal sealed class FastPath(RootFieldRunner runner)
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly DocumentValidator _validator = new();
    private long _answered;

    /// <summary>Requests answered here (for tests and diagnostics).</summary>
    public long Answered => Interlocked.Read(ref _answered);

    public async Task<GraphQLResult?> TryExecuteAsync(ServedDeployment d, GraphQLDocument document, string? operationName, Inputs? inputs, CancellationToken ct)
    {
        var operation = Operation(document, operationName);
        if (operation is null || operation.Operation != OperationType.Query)
        {
            return null;
        }

        var validation = await _validator.ValidateAsync(new ValidationOptions
        {
            Schema = d.Schema,
            Document = document,
            Operation = operation,
            Rules = [],
            Variables = inputs ?? Inputs.Empty,
            CancellationToken = ct,
        }).ConfigureAwait(false);
        if (!validation.IsValid)
        {
            return null;
        }

        var variables = validation.Variables;
        var fields = new Dictionary<string, List<GraphQLField>>(StringComparer.Ordinal);
        if (!CollectRoot(document, operation.SelectionSet, variables, fields, []))
        {
            return null;
        }

        var query = (IComplexGraphType)d.Schema.Query!;
        var state = new RequestState(d, ct);
        var answers = new List<(string Key, RootFieldRunner.Answer? Answer)>(fields.Count);
        try
        {
            foreach (var (key, asts) in fields)
            {
                var name = asts[0].Name.StringValue;
                if (name == "__typename")
                {
                    answers.Add((key, null));
                    continue;
                }

                var def = query.GetField(name);
                if (def is null || name.StartsWith("__", StringComparison.Ordinal) || name == "_meta")
                {
                    return null;
                }

                var args = ExecutionHelper.GetArguments(def.Arguments, asts[0].Arguments, variables, document, asts[0], null);
                answers.Add((key, await runner.RunAsync(state, def, args, d.Schema, document, variables, asts, ct).ConfigureAwait(false)));
            }
        }
        catch (ExecutionError)
        {
            return null;
        }
        catch (Npgsql.NpgsqlException) when (!ct.IsCancellationRequested)
        {
            return null;
        }

        using var ms = new MemoryStream(1024);
        using (var w = new Utf8JsonWriter(ms, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            foreach (var (key, answer) in answers)
            {
                w.WritePropertyName(key);
                if (answer is null)
                {
                    w.WriteStringValue("Query");
                }
                else
                {
                    WriteValue(w, answer.Value, answer.Plan);
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        Interlocked.Increment(ref _answered);
        return new GraphQLResult(ms.ToArray(), state.Block, state.EntityTypes, hasErrors: false);
    }

    private static GraphQLOperationDefinition? Operation(GraphQLDocument document, string? name)
    {
        GraphQLOperationDefinition? found = null;
        foreach (var op in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            if (name is null)
            {
                if (found is not null)
                {
                    return null;
                }

                found = op;
            }
            else if (op.Name?.StringValue == name)
            {
                return op;
            }
        }

        return found;
    }

    private static bool CollectRoot(GraphQLDocument document, GraphQLSelectionSet set, Variables? variables, Dictionary<string, List<GraphQLField>> into, HashSet<string> seen)
    {
        foreach (var s in set.Selections)
        {
            if (s is IHasDirectivesNode dn && !Directives.Included(dn, variables))
            {
                continue;
            }

            switch (s)
            {
                case GraphQLField f:
                    var key = f.Alias?.Name.StringValue ?? f.Name.StringValue;
                    if (!into.TryGetValue(key, out var list))
                    {
                        into[key] = list = [];
                    }

                    list.Add(f);
                    break;
                case GraphQLInlineFragment inline when inline.TypeCondition is null || inline.TypeCondition.Type.Name.StringValue == "Query":
                    if (!CollectRoot(document, inline.SelectionSet, variables, into, seen))
                    {
                        return false;
                    }

                    break;
                case GraphQLFragmentSpread spread:
                    var frag = Fragments.Find(document, spread.FragmentName.Name.StringValue);
                    if (frag is null || frag.TypeCondition.Type.Name.StringValue != "Query" || !seen.Add(spread.FragmentName.Name.StringValue)
                        || !CollectRoot(document, frag.SelectionSet, variables, into, seen))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }
        }

        return true;
    }

    private static void WriteValue(Utf8JsonWriter w, object? value, LevelPlan plan)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case EntityRow row:
                WriteRow(w, row, plan);
                break;
            case List<EntityRow> rows:
                w.WriteStartArray();
                foreach (var r in rows)
                {
                    WriteRow(w, r, plan);
                }

                w.WriteEndArray();
                break;
            default:
                WriteScalar(w, value);
                break;
        }
    }

    private static void WriteRow(Utf8JsonWriter w, EntityRow row, LevelPlan plan)
    {
        var sel = plan.ByType[row.TypeName];
        w.WriteStartObject();
        foreach (var (key, isTypename) in sel.Output)
        {
            w.WritePropertyName(key);
            if (isTypename)
            {
                w.WriteStringValue(row.TypeName);
            }
            else if (sel.ChildFor(key) is { } child)
            {
                WriteValue(w, row.GetValueOrDefault(key), child.Level);
            }
            else
            {
                WriteScalar(w, row.GetValueOrDefault(key));
            }
        }

        w.WriteEndObject();
    }

    private static void WriteScalar(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null:
                w.WriteNullValue();
                break;
            case string s:
                w.WriteStringValue(s);
                break;
            case int i:
                w.WriteNumberValue(i);
                break;
            case bool b:
                w.WriteBooleanValue(b);
                break;
            case List<object?> list:
                w.WriteStartArray();
                foreach (var v in list)
                {
                    WriteScalar(w, v);
                }

                w.WriteEndArray();
                break;
            default:
                w.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
