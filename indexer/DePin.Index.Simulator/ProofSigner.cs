using System.Numerics;
using DePin.Index.Ethereum.Abi;
using DePin.Index.Ethereum.Primitives;
using DePin.Index.Ethereum.Signing;

namespace DePin.Index.Simulator;

/// <summary>
/// What a device signs to prove its work, as ProofOfPhysicalWork checks it:
/// personal_sign(keccak256(abi.encode(proofContract, chainId, deviceId, epoch, workUnits, dataHash))).
/// </summary>
public static class ProofSigner
{
    private static readonly AbiType[] MessageTypes =
        [AbiType.Address, AbiType.UInt256, AbiType.UInt256, AbiType.UInt(64), AbiType.UInt256, AbiType.Bytes32];

    public static Hash32 MessageHash(Address proofContract, ulong chainId, BigInteger deviceId, ulong epoch, BigInteger workUnits, byte[] dataHash) =>
        Hash32.Of(AbiEncoder.Encode(MessageTypes, [proofContract, new BigInteger(chainId), deviceId, new BigInteger(epoch), workUnits, dataHash]));

    /// <summary>The 65-byte r‖s‖v signature the contract expects.</summary>
    public static byte[] Sign(EthKey deviceKey, Address proofContract, ulong chainId, BigInteger deviceId, ulong epoch, BigInteger workUnits, byte[] dataHash)
    {
        var message = MessageHash(proofContract, chainId, deviceId, epoch, workUnits, dataHash);
        return Eip191.SignPersonal(deviceKey, message.ToArray()).ToBytes65();
    }
}
