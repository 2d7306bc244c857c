namespace DePin.Index.Node;

/// <summary>A node setting that is missing or malformed; the message names the setting and its environment variable.</summary>
public sealed class NodeConfigurationException : Exception
{
    public NodeConfigurationException()
    {
    }

    public NodeConfigurationException(string message)
        : base(message)
    {
    }

    public NodeConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
