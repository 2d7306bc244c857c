namespace DePin.Index.Node.Ipfs;

/// <summary>A block or path the node's IPFS store does not have (it never asks other IPFS nodes).</summary>
public sealed class IpfsNotFoundException : Exception
{
    public IpfsNotFoundException()
    {
    }

    public IpfsNotFoundException(string message)
        : base(message)
    {
    }

    public IpfsNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
