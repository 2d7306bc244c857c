using GraphQL.Validation;
using GraphQLParser.AST;

namespace DePin.Index.GraphQL.Internal.Execution;

internal static class Directives
{
    /// <summary><c>@skip(if:)</c> and <c>@include(if:)</c> with literal or variable values.</summary>
    public static bool Included(IHasDirectivesNode node, Variables? variables)
    {
        if (node.Directives is null)
        {
            return true;
        }

        foreach (var d in node.Directives.Items)
        {
            var name = d.Name.StringValue;
            if (name is not ("skip" or "include"))
            {
                continue;
            }

            var arg = d.Arguments?.Items.FirstOrDefault(a => a.Name.StringValue == "if")?.Value;
            var value = arg switch
            {
                GraphQLBooleanValue b => b.BoolValue,
                GraphQLVariable v => variables?.FirstOrDefault(x => x.Name == v.Name.StringValue)?.Value is true,
                _ => false,
            };
            if ((name == "skip" && value) || (name == "include" && !value))
            {
                return false;
            }
        }

        return true;
    }
}
