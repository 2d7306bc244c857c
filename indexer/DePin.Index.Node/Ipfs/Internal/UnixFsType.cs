namespace DePin.Index.Node.Ipfs.Internal;

/// <summary>UnixFS v1 <c>Data.DataType</c>.</summary>
internal enum UnixFsType
{
    Raw = 0,
    Directory = 1,
    File = 2,
    Metadata = 3,
    Symlink = 4,
    HamtShard = 5,
}
