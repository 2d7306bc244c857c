namespace DePin.Index.Runtime;

/// <summary>
/// A mapping module cannot be loaded: malformed or invalid WebAssembly, an import the host does
/// not provide (named in the message), a missing export, or a failing <c>_start</c>.
/// </summary>
public sealed class MappingModuleException : Exception
{
    public MappingModuleException()
    {
    }

    public MappingModuleException(string message)
        : base(message)
    {
    }

    public MappingModuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
