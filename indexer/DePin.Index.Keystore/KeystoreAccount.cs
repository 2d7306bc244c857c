using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Keystore;

/// <summary>One key file of a keystore: its position in the listing (0-based, oldest first), its address and its path.</summary>
public sealed record KeystoreAccount(int Index, Address Address, string Path);
