namespace DePin.Index.Runtime.Asc;

/// <summary>
/// graph-node's <c>IndexForAscTypeId</c> (= graph-ts <c>TypeId</c>): the argument of the module's
/// <c>id_of_type</c> export, which returns the AssemblyScript class id written into headers.
/// Only the ids this host allocates are listed.
/// </summary>
internal enum AscTypeId
{
    String = 0,
    ArrayBuffer = 1,
    Uint8Array = 6,
    BigDecimal = 12,
    ArrayBool = 13,
    ArrayUint8Array = 14,
    ArrayEthereumValue = 15,
    ArrayStoreValue = 16,
    ArrayJsonValue = 17,
    ArrayString = 18,
    ArrayEventParam = 19,
    ArrayTypedMapEntryStringJsonValue = 20,
    ArrayTypedMapEntryStringStoreValue = 21,
    SmartContractCall = 22,
    EventParam = 23,
    EthereumTransaction = 24,
    EthereumBlock = 25,
    EthereumCall = 26,
    WrappedTypedMapStringJsonValue = 27,
    WrappedBool = 28,
    WrappedJsonValue = 29,
    EthereumValue = 30,
    StoreValue = 31,
    JsonValue = 32,
    EthereumEvent = 33,
    TypedMapEntryStringStoreValue = 34,
    TypedMapEntryStringJsonValue = 35,
    TypedMapStringStoreValue = 36,
    TypedMapStringJsonValue = 37,
    TypedMapStringTypedMapStringJsonValue = 38,
    ResultTypedMapStringJsonValueBool = 39,
    ResultJsonValueBool = 40,
    ArrayBigDecimal = 51,
    TransactionReceipt = 1000,
    Log = 1001,
    ArrayB256 = 1002,
    ArrayLog = 1003,
    ArrayTypedMapStringStoreValue = 1004,
}
