using System.Text;
using Npgsql;

namespace DePin.Index.GraphQL.Internal.Execution;

/// <summary>SQL text with positional parameters; values only ever travel as parameters. <c>$1</c> is the block number.</summary>
internal sealed class SqlBuilder
{
    private int _aliases;

    public SqlBuilder(int block)
    {
        Parameters.Add(new NpgsqlParameter { Value = block });
    }

    public StringBuilder Text { get; } = new(512);

    public List<NpgsqlParameter> Parameters { get; } = [];

    public const string Block = "$1";

    /// <summary>Adds a parameter; returns its placeholder with <paramref name="cast"/> appended.</summary>
    public string Param(object value, string cast = "")
    {
        // PostgreSQL text can not hold NUL. Refused here, before the statement is sent: letting the server (or Npgsql's
        // encoder) fail on it left a pooled connection out of step with the protocol under auto-prepare
        // ("unexpected backend message DataRow" on the next query that took it).
        if (value is string s && s.Contains('\0', StringComparison.Ordinal)
            || value is string[] a && Array.Exists(a, x => x is not null && x.Contains('\0', StringComparison.Ordinal)))
        {
            throw new QueryException("a string value contains the NUL character (\\u0000), which text values can not hold");
        }

        Parameters.Add(new NpgsqlParameter { Value = value });
        return "$" + Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + cast;
    }

    public string NewAlias() => "x" + (++_aliases).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public SqlBuilder Append(string s)
    {
        Text.Append(s);
        return this;
    }

    public override string ToString() => Text.ToString();
}
