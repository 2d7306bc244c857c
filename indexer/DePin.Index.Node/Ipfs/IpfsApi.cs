using System.Globalization;
using System.Text.Json.Nodes;
using DePin.Index.Node.Ipfs.Internal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace DePin.Index.Node.Ipfs;

/// <summary>
/// The part of the IPFS (kubo) HTTP RPC API that graph-cli and graph-node use, over the node's own block store:
/// <c>POST /api/v0/add</c> (multipart; answers one <c>{"Name","Hash","Size"}</c> line per file, then per folder),
/// <c>POST /api/v0/cat?arg=PATH[&amp;offset=N&amp;length=N]</c>, <c>POST /api/v0/pin/add?arg=CID</c>,
/// <c>POST /api/v0/block/get?arg=CID</c>, <c>POST /api/v0/version</c>, and the gateway path <c>GET /ipfs/PATH</c>.
/// Errors are kubo's <c>{"Message","Code","Type":"error"}</c> with 400 (bad argument), 404 (not in the store) or 413.
/// </summary>
internal sealed class IpfsApi(IIpfsBlockStore store, NodeMetrics metrics, ILogger<IpfsApi> logger)
{
    private readonly UnixFsReader _reader = new(store);

    public void Map(WebApplication app)
    {
        app.MapPost("/api/v0/add", Guard(AddAsync));
        app.MapPost("/api/v0/cat", Guard(ctx => CatAsync(ctx, ctx.Request.Query["arg"].ToString())));
        app.MapGet("/ipfs/{**path}", Guard(ctx => CatAsync(ctx, "/ipfs/" + (string?)ctx.Request.RouteValues["path"])));
        app.MapPost("/api/v0/pin/add", Guard(PinAsync));
        app.MapPost("/api/v0/block/get", Guard(BlockGetAsync));
        app.MapPost("/api/v0/version", () => Results.Json(new JsonObject
        {
            ["Version"] = "0.0.0-depin",
            ["Commit"] = "",
            ["Repo"] = "",
            ["System"] = "dotnet",
            ["Golang"] = "",
        }));
    }

    private RequestDelegate Guard(Func<HttpContext, Task> handler) => async context =>
    {
        try
        {
            await handler(context).ConfigureAwait(false);
        }
        catch (IpfsNotFoundException e)
        {
            await ErrorAsync(context, StatusCodes.Status404NotFound, e.Message).ConfigureAwait(false);
        }
        catch (IpfsFormatException e)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
        }
        catch (BadHttpRequestException e)
        {
            await ErrorAsync(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                ? "request body too large: the upload exceeds the node's limit (DEPIN_IPFS_MAX_UPLOAD_BYTES)"
                : e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !context.RequestAborted.IsCancellationRequested)
        {
            await ErrorAsync(context, StatusCodes.Status400BadRequest, $"malformed request body: {e.Message}").ConfigureAwait(false);
        }
    };

    private async Task AddAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var options = AddOptions(query);
        var boundary = MultipartBoundary(context.Request.ContentType);
        var reader = new MultipartReader(boundary, context.Request.Body);
        var blocks = new List<IpfsBlock>();
        var tree = new AddTree();
        ulong bytes = 0;
        while (await reader.ReadNextSectionAsync(context.RequestAborted).ConfigureAwait(false) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
            {
                throw new IpfsFormatException("a multipart part without a valid Content-Disposition header");
            }

            var fileName = HeaderUtilities.RemoveQuotes(disposition.FileName).ToString();
            var path = Uri.UnescapeDataString(fileName);
            if (section.ContentType is "application/x-directory")
            {
                tree.AddFolder(AddTree.Segments(path));
                continue;
            }

            var entry = await UnixFsImporter.AddFileAsync(section.Body, blocks, options.Import, context.RequestAborted).ConfigureAwait(false);
            bytes += entry.FileSize;
            tree.AddFile(path.Length == 0 ? [entry.Cid.Text] : AddTree.Segments(path), entry);
        }

        var entries = tree.Finish(blocks, options.WrapWithDirectory);
        if (entries.Count == 0)
        {
            throw new IpfsFormatException("no files in the request: send them as multipart/form-data parts");
        }

        if (!options.OnlyHash)
        {
            await store.PutAsync(blocks, context.RequestAborted).ConfigureAwait(false);
        }

        metrics.IpfsAddedBytes.Inc(bytes);
        logger.LogInformation("Added {Count} entries ({Bytes} bytes, {Blocks} blocks): {Entries}", entries.Count, bytes, blocks.Count,
            string.Join(", ", entries.Select(e => $"{e.Path}={e.Entry.Cid}")));
        context.Response.ContentType = "application/json";
        context.Response.Headers["X-Chunked-Output"] = "1";
        foreach (var (path, entry) in entries)
        {
            var line = new JsonObject
            {
                ["Name"] = path,
                ["Hash"] = entry.Cid.Text,
                ["Size"] = entry.CumulativeSize.ToString(CultureInfo.InvariantCulture),
            };
            await context.Response.WriteAsync(line.ToJsonString() + "\n", context.RequestAborted).ConfigureAwait(false);
        }
    }

    private async Task CatAsync(HttpContext context, string arg)
    {
        if (string.IsNullOrWhiteSpace(arg) || arg == "/ipfs/")
        {
            throw new IpfsFormatException("argument \"ipfs-path\" is required");
        }

        var offset = Number(context.Request.Query, "offset") ?? 0;
        var length = Number(context.Request.Query, "length");
        var cid = await _reader.ResolveAsync(arg, context.RequestAborted).ConfigureAwait(false);
        await using var buffer = new MemoryStream();
        await _reader.CatAsync(cid, buffer, offset, length, context.RequestAborted).ConfigureAwait(false);
        context.Response.ContentType = "application/octet-stream";
        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task PinAsync(HttpContext context)
    {
        var cid = await _reader.ResolveAsync(RequiredArg(context, "ipfs-path"), context.RequestAborted).ConfigureAwait(false);
        if (!await _reader.IsCompleteAsync(cid, context.RequestAborted).ConfigureAwait(false))
        {
            throw new IpfsNotFoundException($"cannot pin {cid}: some of its blocks are not in this node's store (offline)");
        }

        await context.Response.WriteAsJsonAsync(new JsonObject { ["Pins"] = new JsonArray(cid.Text) }, context.RequestAborted).ConfigureAwait(false);
    }

    private async Task BlockGetAsync(HttpContext context)
    {
        var cid = Cid.Parse(RequiredArg(context, "cid"));
        var block = await store.GetAsync(cid, context.RequestAborted).ConfigureAwait(false)
            ?? throw new IpfsNotFoundException($"block was not found locally (offline): {cid}");
        context.Response.ContentType = "application/octet-stream";
        await context.Response.Body.WriteAsync(block, context.RequestAborted).ConfigureAwait(false);
    }

    private static string RequiredArg(HttpContext context, string name)
    {
        var arg = context.Request.Query["arg"].ToString();
        return string.IsNullOrWhiteSpace(arg) ? throw new IpfsFormatException($"argument \"{name}\" is required") : arg;
    }

    private static (UnixFsImportOptions Import, bool OnlyHash, bool WrapWithDirectory) AddOptions(IQueryCollection query)
    {
        bool Flag(string name) => query[name].ToString() is { Length: > 0 } v
            && (bool.TryParse(v, out var b) ? b : throw new IpfsFormatException($"{name} must be true or false, not '{v}'"));

        if (query["cid-version"].ToString() is { Length: > 0 } version && version != "0")
        {
            throw new IpfsFormatException($"cid-version {version} is not supported: this node makes CIDv0 hashes only");
        }

        if (query["hash"].ToString() is { Length: > 0 } hash && hash != "sha2-256")
        {
            throw new IpfsFormatException($"hash function '{hash}' is not supported: this node uses sha2-256 only");
        }

        if (Flag("raw-leaves") || Flag("trickle") || Flag("inline"))
        {
            throw new IpfsFormatException("raw-leaves, trickle and inline are not supported: leaves are dag-pb in a balanced DAG (kubo's CIDv0 defaults)");
        }

        var chunkSize = UnixFsImportOptions.DefaultChunkSize;
        if (query["chunker"].ToString() is { Length: > 0 } chunker)
        {
            if (!chunker.StartsWith("size-", StringComparison.Ordinal)
                || !int.TryParse(chunker.AsSpan(5), NumberStyles.None, CultureInfo.InvariantCulture, out chunkSize)
                || chunkSize is < 1 or > 1024 * 1024)
            {
                throw new IpfsFormatException($"chunker '{chunker}' is not supported: use size-N with N from 1 to 1048576");
            }
        }

        return (new UnixFsImportOptions { ChunkSize = chunkSize }, Flag("only-hash"), Flag("wrap-with-directory"));
    }

    private static string MultipartBoundary(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            throw new IpfsFormatException("expected a multipart/form-data body holding the files to add");
        }

        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).ToString();
        return boundary.Length == 0 ? throw new IpfsFormatException("the multipart/form-data content type has no boundary") : boundary;
    }

    private static long? Number(IQueryCollection query, string name) =>
        query[name].ToString() is { Length: > 0 } v
            ? long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new IpfsFormatException($"{name} must be a non-negative integer, not '{v}'")
            : null;

    private static async Task ErrorAsync(HttpContext context, int status, string message)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new JsonObject { ["Message"] = message, ["Code"] = 0, ["Type"] = "error" }).ConfigureAwait(false);
    }
}
