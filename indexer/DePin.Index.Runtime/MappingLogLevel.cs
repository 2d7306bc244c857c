namespace DePin.Index.Runtime;

/// <summary>graph-ts <c>log.Level</c>; <see cref="Critical"/> also fails the handler.</summary>
public enum MappingLogLevel
{
    Critical = 0,
    Error = 1,
    Warning = 2,
    Info = 3,
    Debug = 4,
}
