namespace DePin.Index.Ethereum.Eip712;

/// <summary>One member of an EIP-712 struct type: its name and its type ("address", "Person", "uint256[]", …).</summary>
public sealed record TypedDataField(string Name, string Type)
{
    public override string ToString() => $"{Type} {Name}";
}
