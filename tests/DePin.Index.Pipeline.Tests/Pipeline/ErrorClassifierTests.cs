using System.Net.Sockets;
using DePin.Index.Chain;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Rpc;
using DePin.Index.Indexing;
using DePin.Index.Runtime;
using DePin.Index.Store;
using DePin.Index.Subgraph.Manifest;

namespace DePin.Index.Pipeline.Tests.Pipeline;

/// <summary>The one place that classifies failures: what fails a deployment, what is retried, what stops it.</summary>
public sealed class ErrorClassifierTests
{
    private static readonly Chain.BlockPtr Block = new(7, Hash32.Of("block 7"));

    public static TheoryData<Exception, ErrorKind> Cases => new()
    {
        { new IndexingException(Block, "DeviceRegistry", "handleDeviceRegistered", "Mapping aborted", isDeterministic: true), ErrorKind.Deterministic },
        { new IndexingException(Block, "DeviceRegistry", "handleDeviceRegistered", "eth_call failed", isDeterministic: false), ErrorKind.NonDeterministic },
        { new TriggerException("DeviceRegistry", 7, "two handlers match"), ErrorKind.Deterministic },
        { new MappingModuleException("missing export"), ErrorKind.Deterministic },
        { new ManifestException("subgraph.yaml", 1, 1, "dataSources", "bad"), ErrorKind.Deterministic },
        { new StoreException("deployment x: writing blocks 1..2 failed: connection reset", new IOException("reset")), ErrorKind.NonDeterministic },
        // the store's own refusal of the data is deterministic (the runner still narrows it down after a reload before failing:
        // a stale cache is cured by that reload, see StoreErrorClassifierTests and RobustnessTests)
        { new StoreException("deployment x: an entity version overlaps an existing one"), ErrorKind.Deterministic },
        { new StoreException("deployment x: the batch writes block 5, but block 9 is committed already; blocks must be above the head"), ErrorKind.NonDeterministic },
        { new BlockStreamException("eth_getLogs failed", 7, 3, new SocketException()), ErrorKind.NonDeterministic },
        { new RpcTransportException("eth_blockNumber: HTTP 503"), ErrorKind.NonDeterministic },
        { new TimeoutException("too slow"), ErrorKind.NonDeterministic },
        { new TaskCanceledException("HttpClient timeout"), ErrorKind.NonDeterministic },
        { new InvalidOperationException("a bug"), ErrorKind.NonDeterministic },
        { new AggregateException(new IndexingException(Block, null, null, "conflict", isDeterministic: true)), ErrorKind.Deterministic },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classifies_a_failure(Exception error, ErrorKind expected) =>
        Assert.Equal(expected, ErrorClassifier.Classify(error, CancellationToken.None));

    [Fact]
    public void A_cancellation_of_the_runner_stops_it_whatever_the_exception_says()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Equal(ErrorKind.Cancelled, ErrorClassifier.Classify(new OperationCanceledException(cts.Token), cts.Token));
        Assert.Equal(ErrorKind.Cancelled, ErrorClassifier.Classify(new TaskCanceledException(), cts.Token));
        Assert.Equal(ErrorKind.NonDeterministic, ErrorClassifier.Classify(new OperationCanceledException(), CancellationToken.None));
    }
}
