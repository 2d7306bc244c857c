namespace DePin.Index.Ethereum.Transactions;

/// <summary>The EIP-2718 transaction type byte (legacy transactions have none and count as 0).</summary>
public enum TransactionType
{
    /// <summary>Untyped RLP list, optionally EIP-155 replay-protected.</summary>
    Legacy = 0,

    /// <summary>EIP-2930: a legacy gas price plus an access list.</summary>
    AccessList = 1,

    /// <summary>EIP-1559: priority fee and fee cap.</summary>
    Eip1559 = 2,
}
