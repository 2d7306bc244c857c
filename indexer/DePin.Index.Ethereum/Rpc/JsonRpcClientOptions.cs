namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// Settings of a <see cref="JsonRpcClient"/>. Every item states its unit and default; the client checks them
/// once, when it is constructed, and names the bad item in an <see cref="ArgumentException"/>.
/// </summary>
public sealed class JsonRpcClientOptions
{
    /// <summary>The node's HTTP(S) JSON-RPC endpoint, e.g. <c>http://127.0.0.1:8545</c>. Required; no default.</summary>
    public Uri? Url { get; set; }

    /// <summary>
    /// Time limit of one attempt (sending the request and reading the whole answer). Default 30 s. An attempt
    /// that runs out of time counts as a transient failure and is retried.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries after the first attempt for transient failures (connection refused or reset, timeout, HTTP 429,
    /// 408 and 5xx, a truncated or unparseable body). Default 4 (so at most 5 attempts); 0 disables retries.
    /// JSON-RPC error answers are never retried.
    /// </summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>
    /// Delay before the first retry; each further retry doubles it, with random jitter. Default 200 ms.
    /// </summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Upper bound of one backoff delay. Default 10 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Longest <c>Retry-After</c> of an HTTP 429/503 answer the client is willing to wait; a server asking for
    /// more ends the call at once with an <see cref="RpcTransportException"/>. Default 30 s.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Largest response body accepted, in bytes. A larger answer fails with
    /// <see cref="RpcResponseTooLargeException"/> (not retried) as soon as the limit is crossed, before it is
    /// read in full. Default 256 MiB (an <c>eth_getLogs</c> answer costs about 760 bytes per log).
    /// </summary>
    public long MaxResponseBytes { get; set; } = 256L * 1024 * 1024;

    internal void Validate()
    {
        if (Url is null) throw new ArgumentException("JsonRpcClientOptions.Url is required", nameof(Url));
        if (!Url.IsAbsoluteUri || (Url.Scheme != Uri.UriSchemeHttp && Url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"JsonRpcClientOptions.Url must be an absolute http(s) URL, got '{Url}'", nameof(Url));
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
            throw new ArgumentException($"JsonRpcClientOptions.Timeout must be positive, got {Timeout}", nameof(Timeout));
        if (MaxRetries is < 0 or > 100)
            throw new ArgumentException($"JsonRpcClientOptions.MaxRetries must be between 0 and 100, got {MaxRetries}", nameof(MaxRetries));
        if (BaseDelay < TimeSpan.Zero)
            throw new ArgumentException($"JsonRpcClientOptions.BaseDelay must not be negative, got {BaseDelay}", nameof(BaseDelay));
        if (MaxDelay < BaseDelay)
            throw new ArgumentException($"JsonRpcClientOptions.MaxDelay ({MaxDelay}) must not be below BaseDelay ({BaseDelay})", nameof(MaxDelay));
        if (MaxRetryAfter < TimeSpan.Zero)
            throw new ArgumentException($"JsonRpcClientOptions.MaxRetryAfter must not be negative, got {MaxRetryAfter}", nameof(MaxRetryAfter));
        if (MaxResponseBytes < 1024)
            throw new ArgumentException($"JsonRpcClientOptions.MaxResponseBytes must be at least 1024, got {MaxResponseBytes}", nameof(MaxResponseBytes));
    }

    internal JsonRpcClientOptions Copy() => (JsonRpcClientOptions)MemberwiseClone();
}
