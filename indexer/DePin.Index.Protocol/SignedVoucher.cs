namespace DePin.Index.Protocol;

/// <summary>A voucher with the payer's 65-byte signature (r ‖ s ‖ v, v 27 or 28), as FeeSettlement.redeem takes it.</summary>
public sealed record SignedVoucher(Voucher Voucher, byte[] Signature);
