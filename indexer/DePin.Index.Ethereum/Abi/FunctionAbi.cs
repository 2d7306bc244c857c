namespace DePin.Index.Ethereum.Abi;

/// <summary>
/// A contract function: name, inputs, outputs and state mutability, with its canonical
/// <see cref="Signature"/> and 4-byte <see cref="Selector"/>. Encodes call data and decodes call data and
/// return data.
/// </summary>
public sealed class FunctionAbi
{
    public FunctionAbi(string name, IReadOnlyList<AbiParameter> inputs, IReadOnlyList<AbiParameter> outputs, StateMutability stateMutability = StateMutability.NonPayable)
    {
        AbiSignature.CheckName(name, "function");
        Name = name;
        Inputs = AbiSignature.CheckParameters(inputs, $"function {name} input", allowIndexed: false);
        Outputs = AbiSignature.CheckParameters(outputs, $"function {name} output", allowIndexed: false);
        StateMutability = stateMutability;
        Signature = AbiSignature.Build(name, Inputs);
        Selector = Selector.FromSignature(Signature);
    }

    public string Name { get; }

    public IReadOnlyList<AbiParameter> Inputs { get; }

    public IReadOnlyList<AbiParameter> Outputs { get; }

    public StateMutability StateMutability { get; }

    /// <summary>Canonical signature, e.g. <c>transfer(address,uint256)</c>.</summary>
    public string Signature { get; }

    public Selector Selector { get; }

    /// <summary>
    /// Parses <c>[function] name(type [name], …) [view|pure|payable] [returns (…)]</c> or graph-node's
    /// <c>name(inputs):(outputs)</c>, e.g. <c>balanceOf(address owner) view returns (uint256)</c>.
    /// </summary>
    public static FunctionAbi Parse(string declaration)
    {
        var d = AbiHumanReadable.Parse(declaration, "function");
        var mutability = StateMutability.NonPayable;
        if (d.Modifiers.Contains("view") || d.Modifiers.Contains("constant")) mutability = StateMutability.View;
        if (d.Modifiers.Contains("pure")) mutability = StateMutability.Pure;
        if (d.Modifiers.Contains("payable")) mutability = StateMutability.Payable;
        return new FunctionAbi(d.Name, d.Inputs, d.Outputs, mutability);
    }

    /// <summary>
    /// Call data: selector followed by the ABI-encoded arguments. Mind C#'s <c>params</c>: a single argument that is
    /// itself an <c>object[]</c> (an array or tuple value) must be wrapped, <c>EncodeCall([devices])</c>.
    /// </summary>
    /// <exception cref="AbiException">when an argument does not fit its parameter.</exception>
    public byte[] EncodeCall(params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        try
        {
            var size = AbiEncoder.EncodedSize(Inputs, arguments);
            var data = new byte[4 + size];
            Selector.CopyTo(data);
            AbiEncoder.EncodeInto(data.AsSpan(4), Inputs, arguments);
            return data;
        }
        catch (AbiException e)
        {
            throw new AbiException($"cannot encode a call to {Signature}: {e.Message}", e);
        }
    }

    /// <summary>Decodes call data (checks the selector) into the input values.</summary>
    public object[] DecodeCall(ReadOnlySpan<byte> callData)
    {
        var selector = Selector.Read(callData);
        if (selector != Selector) throw new AbiException($"call data starts with selector {selector}, not {Selector} of {Signature}");
        try
        {
            return AbiDecoder.Decode(Inputs, callData[4..]);
        }
        catch (AbiException e)
        {
            throw new AbiException($"cannot decode the call data of {Signature} ({callData.Length} bytes): {e.Message}", e);
        }
    }

    /// <summary>Decodes return data into the output values.</summary>
    public object[] DecodeOutput(ReadOnlySpan<byte> returnData)
    {
        try
        {
            return AbiDecoder.Decode(Outputs, returnData);
        }
        catch (AbiException e)
        {
            throw new AbiException($"cannot decode the return data of {Signature} ({returnData.Length} bytes): {e.Message}", e);
        }
    }

    /// <summary>Encodes return values (as the contract would), e.g. for tests and simulators.</summary>
    public byte[] EncodeOutput(params object?[] values)
    {
        try
        {
            return AbiEncoder.Encode(Outputs, values);
        }
        catch (AbiException e)
        {
            throw new AbiException($"cannot encode the outputs of {Signature}: {e.Message}", e);
        }
    }

    public override string ToString() => Signature;
}
