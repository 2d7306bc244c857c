namespace DePin.Index.Node.Ipfs;

/// <summary>A hash, block or path that is not valid CIDv0 / dag-pb / UnixFS.</summary>
public sealed class IpfsFormatException : Exception
{
    public IpfsFormatException()
    {
    }

    public IpfsFormatException(string message)
        : base(message)
    {
    }

    public IpfsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
