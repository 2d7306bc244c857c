namespace DePin.Index.Node;

/// <summary>A registrar operation that failed for a reason the caller can act on; the message is graph-node's wording.</summary>
public sealed class RegistrarException : Exception
{
    public RegistrarException()
        : this(RegistrarError.InvalidParams, "invalid request")
    {
    }

    public RegistrarException(string message)
        : this(RegistrarError.InvalidParams, message)
    {
    }

    public RegistrarException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = RegistrarError.InvalidParams;
    }

    public RegistrarException(RegistrarError error, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Error = error;
    }

    public RegistrarError Error { get; }

    public static RegistrarException NameExists(string name) => new(RegistrarError.NameExists, $"subgraph already exists: {name}");

    public static RegistrarException NameNotFound(string name) => new(RegistrarError.NameNotFound, $"subgraph name not found: {name}");

    public static RegistrarException DeploymentNotFound(string id) => new(RegistrarError.DeploymentNotFound, $"deployment not found: {id}");

    public static RegistrarException AssignmentUnchanged(string id) =>
        new(RegistrarError.AssignmentUnchanged, $"deployment assignment unchanged: {id}");
}
