using DePin.Index.Store;
using Npgsql;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>The rule for store errors in <see cref="ErrorClassifier"/>: by PostgreSQL's SQL state class, transport failures, and the store's own refusals.</summary>
public sealed class StoreErrorClassifierTests
{
    private static StoreException Wrapped(string sqlState) =>
        new("deployment Qm…: writing blocks 5..9 failed", new PostgresException("refused", "ERROR", "ERROR", sqlState));

    [Theory]
    [InlineData("22003", ErrorKind.Deterministic)] // numeric value out of range
    [InlineData("22P02", ErrorKind.Deterministic)] // invalid text representation
    [InlineData("23505", ErrorKind.Deterministic)] // unique violation
    [InlineData("23P01", ErrorKind.Deterministic)] // exclusion violation
    [InlineData("23514", ErrorKind.Deterministic)] // check violation
    [InlineData("40001", ErrorKind.NonDeterministic)] // serialization failure
    [InlineData("40P01", ErrorKind.NonDeterministic)] // deadlock
    [InlineData("57P01", ErrorKind.NonDeterministic)] // admin shutdown
    [InlineData("53100", ErrorKind.NonDeterministic)] // disk full
    [InlineData("08006", ErrorKind.NonDeterministic)] // connection failure
    [InlineData("42P01", ErrorKind.NonDeterministic)] // undefined table (dropped meanwhile)
    [InlineData("XX000", ErrorKind.NonDeterministic)] // internal error
    public void Database_causes_are_classified_by_sql_state_class(string sqlState, ErrorKind expected)
    {
        Assert.Equal(expected, ErrorClassifier.Classify(Wrapped(sqlState), CancellationToken.None));
        var refusal = new StoreRefusalException(5, new Chain.BlockPtr(9, Ethereum.Primitives.Hash32.Zero), Wrapped(sqlState));
        Assert.Equal(expected, ErrorClassifier.Classify(refusal, CancellationToken.None));
    }

    [Fact]
    public void Transport_failures_under_a_store_error_are_transient()
    {
        Assert.Equal(ErrorKind.NonDeterministic, ErrorClassifier.Classify(new StoreException("write failed", new NpgsqlException("connection reset", new IOException("reset"))), CancellationToken.None));
        Assert.Equal(ErrorKind.NonDeterministic, ErrorClassifier.Classify(new StoreException("write failed", new TimeoutException()), CancellationToken.None));
    }

    [Theory]
    [InlineData("entity type Proof is immutable: Proof '0x01' can not be updated (block 7)", ErrorKind.Deterministic)]
    [InlineData("BigDecimal 1e200 is too large for PostgreSQL numeric", ErrorKind.Deterministic)]
    [InlineData("deployment Qm1: the batch writes block 5, but block 9 is committed already; blocks must be above the head", ErrorKind.NonDeterministic)]
    [InlineData("deployment Qm1 does not exist (removed?)", ErrorKind.NonDeterministic)]
    [InlineData("deployment Qm1: block 3 is before the earliest block 9 it keeps (older history was pruned)", ErrorKind.NonDeterministic)]
    public void The_stores_own_refusals_are_deterministic_unless_about_the_deployments_state(string message, ErrorKind expected) =>
        Assert.Equal(expected, ErrorClassifier.Classify(new StoreException(message), CancellationToken.None));

    [Fact]
    public void A_refusal_names_its_blocks()
    {
        var single = new StoreRefusalException(9, new Chain.BlockPtr(9, Ethereum.Primitives.Hash32.Zero), new StoreException("x"));
        var many = new StoreRefusalException(5, new Chain.BlockPtr(9, Ethereum.Primitives.Hash32.Zero), new StoreException("x"));
        Assert.True(single.IsSingleBlock);
        Assert.False(many.IsSingleBlock);
        Assert.Contains("5..9", many.Message, StringComparison.Ordinal);
    }
}
