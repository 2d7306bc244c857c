using GraphQLParser;
using GraphQLParser.AST;

namespace DePin.Index.Subgraph.Schema;

/// <summary>Collects schema errors with the line and column of the AST node they concern.</summary>
internal sealed class SchemaErrorSink(string file, string source)
{
    private readonly List<SchemaError> _errors = [];

    public string File { get; } = file;

    public bool HasErrors => _errors.Count > 0;

    public (int Line, int Column) Locate(ASTNode? node)
    {
        if (node is null || (node.Location.Start == 0 && node.Location.End == 0))
        {
            return (0, 0);
        }

        var loc = Location.FromLinearPosition(source, node.Location.Start);
        return (loc.Line, loc.Column);
    }

    public void Add(ASTNode? node, string? typeName, string? fieldName, string problem)
    {
        var (line, column) = Locate(node);
        _errors.Add(new SchemaError(File, line, column, typeName, fieldName, problem));
    }

    public void Add(int line, int column, string? typeName, string? fieldName, string problem) =>
        _errors.Add(new SchemaError(File, line, column, typeName, fieldName, problem));

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new SchemaException([.. _errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }
    }
}
