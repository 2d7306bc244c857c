using System.Net;

namespace DePin.Index.Ethereum.Rpc;

/// <summary>
/// The call could not be carried over HTTP: connection refused or reset, no complete answer within the timeout,
/// or an HTTP status other than 2xx. Raised once retries are spent (or at once for statuses that are not
/// transient, such as 401 or 404); <see cref="Attempts"/> says how many attempts were made.
/// </summary>
public sealed class RpcTransportException : Exception
{
    private readonly string _detail;

    public RpcTransportException() : this("JSON-RPC transport failure")
    {
    }

    public RpcTransportException(string message) : this(message, (Exception?)null)
    {
    }

    public RpcTransportException(string message, Exception? innerException) : base(message, innerException)
    {
        _detail = message;
        Method = "";
        Url = "";
    }

    internal RpcTransportException(string detail, string method, Uri url, HttpStatusCode? statusCode, bool isTimeout,
        bool isTransient, TimeSpan? retryAfter, Exception? inner)
        : base(detail, inner)
    {
        _detail = detail;
        Method = method;
        Url = url.ToString();
        StatusCode = statusCode;
        IsTimeout = isTimeout;
        IsTransient = isTransient;
        RetryAfter = retryAfter;
    }

    /// <summary>The JSON-RPC method (or "batch of N") that failed.</summary>
    public string Method { get; }

    /// <summary>The endpoint called.</summary>
    public string Url { get; }

    /// <summary>The HTTP status of the last attempt, or null when no HTTP answer arrived.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>True when the last attempt ran out of time.</summary>
    public bool IsTimeout { get; }

    /// <summary>How many attempts were made (1 + retries).</summary>
    public int Attempts { get; internal set; } = 1;

    /// <summary>The server's Retry-After of the last attempt, when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    internal bool IsTransient { get; }

    public override string Message => $"{_detail} (after {Attempts} attempt{(Attempts == 1 ? "" : "s")})";
}
