using System.Text.Json;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Devnet.Contracts;

/// <summary>A compiled contract as deploy/compile.mjs writes it: deploy/build/&lt;Name&gt;.json with abi and bytecode.</summary>
public sealed class ContractArtifact
{
    public required string Name { get; init; }
    public required ContractAbi Abi { get; init; }
    public required byte[] Bytecode { get; init; }

    /// <summary>Reads deploy/build/&lt;name&gt;.json; a missing or malformed file is an error that names it.</summary>
    public static ContractArtifact Load(string buildDirectory, string name)
    {
        var path = Path.Combine(buildDirectory, name + ".json");
        if (!File.Exists(path))
            throw new FileNotFoundException($"contract artifact {path} is missing: compile the contracts with `node deploy/compile.mjs`", path);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            if (!root.TryGetProperty("abi", out var abi)) throw new InvalidDataException($"{path}: no \"abi\"");
            if (!root.TryGetProperty("bytecode", out var bytecode) || bytecode.ValueKind != JsonValueKind.String)
                throw new InvalidDataException($"{path}: no \"bytecode\" string");
            var code = Hex.Decode(bytecode.GetString()!);
            if (code.Length == 0) throw new InvalidDataException($"{path}: empty bytecode (abstract contract or interface?)");
            return new ContractArtifact { Name = name, Abi = ContractAbi.Parse(abi), Bytecode = code };
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>Creation code: bytecode followed by the ABI-encoded constructor arguments.</summary>
    public byte[] CreationCode(params object?[] constructorArguments)
    {
        var inputs = Abi.ConstructorInputs ?? [];
        if (inputs.Count != constructorArguments.Length)
            throw new ArgumentException($"{Name}'s constructor takes {inputs.Count} arguments, got {constructorArguments.Length}");
        if (inputs.Count == 0) return Bytecode;
        var args = AbiEncoder.Encode(inputs, constructorArguments);
        return [.. Bytecode, .. args];
    }
}
