using System.Globalization;
using System.Text;
using DePin.Index.Ethereum.Primitives;

namespace DePin.Index.Ethereum.Signing;

/// <summary>
/// EIP-191 version 0x45 ("personal_sign"): keccak("\x19Ethereum Signed Message:\n" ‖ decimal length ‖ message).
/// </summary>
public static class Eip191
{
    // Written with \u0019: in C#, "\x19Ethereum" would parse as the escape \x19E followed by "thereum".
    private const string Prefix = "\u0019Ethereum Signed Message:\n";

    /// <summary>The digest personal_sign / eth_sign sign for these message bytes.</summary>
    public static Hash32 PersonalMessageHash(ReadOnlySpan<byte> message)
    {
        var header = Encoding.ASCII.GetBytes(Prefix + message.Length.ToString(CultureInfo.InvariantCulture));
        var buffer = new byte[header.Length + message.Length];
        header.CopyTo(buffer, 0);
        message.CopyTo(buffer.AsSpan(header.Length));
        return Hash32.Of(buffer);
    }

    /// <summary>The digest for a text message, signed as its UTF-8 bytes.</summary>
    public static Hash32 PersonalMessageHash(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return PersonalMessageHash(Encoding.UTF8.GetBytes(message));
    }

    /// <summary>Signs the message as personal_sign does; <see cref="EthSignature.ToHex"/> gives the wallet's 65-byte form.</summary>
    public static EthSignature SignPersonal(EthKey key, ReadOnlySpan<byte> message)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(PersonalMessageHash(message));
    }

    /// <summary>Signs a text message (its UTF-8 bytes) as personal_sign does.</summary>
    public static EthSignature SignPersonal(EthKey key, string message)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Sign(PersonalMessageHash(message));
    }

    /// <summary>The address that signed this message with personal_sign.</summary>
    /// <exception cref="SignatureException">no public key can be recovered.</exception>
    public static Address RecoverPersonal(ReadOnlySpan<byte> message, EthSignature signature) =>
        EcRecover.Recover(PersonalMessageHash(message), signature);
}
