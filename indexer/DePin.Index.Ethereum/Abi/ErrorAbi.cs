namespace DePin.Index.Ethereum.Abi;

/// <summary>A custom Solidity error (<c>error InsufficientStake(uint256 required, uint256 have)</c>) with its selector.</summary>
public sealed class ErrorAbi
{
    public ErrorAbi(string name, IReadOnlyList<AbiParameter> inputs)
    {
        AbiSignature.CheckName(name, "error");
        Name = name;
        Inputs = AbiSignature.CheckParameters(inputs, $"error {name} input", allowIndexed: false);
        Signature = AbiSignature.Build(name, Inputs);
        Selector = Selector.FromSignature(Signature);
    }

    /// <summary>The built-in <c>Error(string)</c> raised by <c>require(cond, "message")</c> and <c>revert("message")</c>.</summary>
    public static ErrorAbi StandardError { get; } = new("Error", [new AbiParameter("message", AbiType.String)]);

    /// <summary>The built-in <c>Panic(uint256)</c> raised by failed asserts, overflow, division by zero, etc.</summary>
    public static ErrorAbi Panic { get; } = new("Panic", [new AbiParameter("code", AbiType.UInt256)]);

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public string Signature { get; }

    public Selector Selector { get; }

    /// <summary>Parses <c>[error] Name(type [name], …)</c>.</summary>
    public static ErrorAbi Parse(string declaration)
    {
        var d = AbiHumanReadable.Parse(declaration, "error");
        if (d.Outputs.Length > 0 || d.Modifiers.Count > 0) throw new AbiException($"error declaration '{AbiType.Truncate(declaration)}' can only have inputs");
        return new ErrorAbi(d.Name, d.Inputs);
    }

    /// <summary>Revert data for these arguments: selector followed by their encoding.</summary>
    public byte[] Encode(params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        try
        {
            var data = new byte[4 + AbiEncoder.EncodedSize(Inputs, arguments)];
            Selector.CopyTo(data);
            AbiEncoder.EncodeInto(data.AsSpan(4), Inputs, arguments);
            return data;
        }
        catch (AbiException e)
        {
            throw new AbiException($"cannot encode error {Signature}: {e.Message}", e);
        }
    }

    /// <summary>Decodes revert data that starts with this error's selector.</summary>
    public DecodedRevert Decode(ReadOnlySpan<byte> revertData)
    {
        var selector = Selector.Read(revertData);
        if (selector != Selector) throw new AbiException($"revert data starts with selector {selector}, not {Selector} of {Signature}");
        object[] values;
        try
        {
            values = AbiDecoder.Decode(Inputs, revertData[4..]);
        }
        catch (AbiException e)
        {
            throw new AbiException($"cannot decode revert data as {Signature}: {e.Message}", e);
        }
        var kind = ReferenceEquals(this, StandardError) || Signature == StandardError.Signature ? RevertKind.Error
            : Signature == Panic.Signature ? RevertKind.Panic
            : RevertKind.Custom;
        return new DecodedRevert(kind, this, values, revertData.ToArray());
    }

    public override string ToString() => Signature;
}
