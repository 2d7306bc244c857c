namespace DePin.Index.Ethereum.Abi;

/// <summary>The kinds of Solidity ABI types (see <see cref="AbiType"/>).</summary>
public enum AbiKind
{
    /// <summary><c>uintN</c>, N in 8..256 step 8.</summary>
    UInt,
    /// <summary><c>intN</c>, N in 8..256 step 8, two's complement.</summary>
    Int,
    /// <summary><c>address</c>, 20 bytes.</summary>
    Address,
    /// <summary><c>bool</c>.</summary>
    Bool,
    /// <summary><c>bytesN</c>, N in 1..32.</summary>
    FixedBytes,
    /// <summary><c>bytes</c>, dynamic.</summary>
    Bytes,
    /// <summary><c>string</c>, dynamic, UTF-8.</summary>
    String,
    /// <summary><c>T[]</c>, dynamic length.</summary>
    Array,
    /// <summary><c>T[k]</c>.</summary>
    FixedArray,
    /// <summary><c>(T1,…,Tn)</c>, a struct.</summary>
    Tuple,
}
