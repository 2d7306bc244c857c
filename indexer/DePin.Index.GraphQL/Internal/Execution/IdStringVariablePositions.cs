using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>
/// GraphQL.NET's <see cref="VariablesInAllowedPosition"/> with graph-node's leniency: <c>ID</c> and <c>String</c> are
/// interchangeable where a variable is used (The Graph's documented pagination declares <c>$lastID: String</c> for
/// <c>id_gt</c>, whose type is <c>ID</c>; dApps pass <c>String</c> variables to <c>thing(id:)</c>). Every other check
/// of the rule stays: list and non-null wrappers must fit (a nullable variable without default in a non-null position
/// is refused unless the location has a default), and any other pair of named types must be the same.
/// </summary>
internal sealed class IdStringVariablePositions : ValidationRuleBase
{
    public static readonly IdStringVariablePositions Instance = new();

    /// <summary>GraphQL.NET's core rules with <see cref="VariablesInAllowedPosition"/> replaced by this one.</summary>
    public static readonly IValidationRule[] Rules =
        [.. DocumentValidator.CoreRules.Where(r => r is not VariablesInAllowedPosition), Instance];

    private static readonly MatchingNodeVisitor<GraphQLOperationDefinition> Visitor = new(leave: Leave);

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);

    private static void Leave(GraphQLOperationDefinition operation, ValidationContext context)
    {
        var usages = context.GetRecursiveVariables(operation);
        if (usages is null || operation.Variables is null)
        {
            return;
        }

        foreach (var usage in usages)
        {
            var definition = operation.Variables.Items.FirstOrDefault(v => v.Variable.Name == usage.Node.Name);
            if (definition is null || usage.Type is null)
            {
                continue; // NoUndefinedVariables / the argument rules report these
            }

            var variableType = definition.Type;
            var locationType = usage.Type;
            if (locationType is NonNullGraphType locationNonNull && variableType is not GraphQLNonNullType)
            {
                var variableHasDefault = definition.DefaultValue is not null and not GraphQLNullValue;
                if (!variableHasDefault && !usage.HasDefault)
                {
                    Report(context, definition, usage);
                    continue;
                }

                locationType = locationNonNull.ResolvedType!;
            }

            if (!Fits(variableType, locationType))
            {
                Report(context, definition, usage);
            }
        }
    }

    /// <summary>Whether a variable of <paramref name="variable"/>'s type may be used where <paramref name="location"/> is expected.</summary>
    internal static bool Fits(GraphQLType variable, IGraphType location)
    {
        switch (location)
        {
            case NonNullGraphType nonNull:
                return variable is GraphQLNonNullType n && Fits(n.Type, nonNull.ResolvedType!);
            case ListGraphType list:
                return variable switch
                {
                    GraphQLNonNullType v => Fits(v.Type, location),
                    GraphQLListType l => Fits(l.Type, list.ResolvedType!),
                    _ => false,
                };
        }

        return variable switch
        {
            GraphQLNonNullType v => Fits(v.Type, location),
            GraphQLNamedType named => SameOrIdString((string)named.Name, location.Name),
            _ => false,
        };
    }

    private static bool SameOrIdString(string variable, string location) =>
        variable == location || (IsIdOrString(variable) && IsIdOrString(location));

    private static bool IsIdOrString(string name) => name is "ID" or "String";

    private static void Report(ValidationContext context, GraphQLVariableDefinition definition, VariableUsage usage) =>
        context.ReportError(new VariablesInAllowedPositionError(context, definition, definition.Type.GraphTypeFromType(context.Schema)!, usage));
}
