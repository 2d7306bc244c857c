namespace DePin.Index.Node.Status;

/// <summary>A block as the status API shows it: number and <c>0x</c> hash.</summary>
public sealed record StatusBlock(long Number, string Hash);
