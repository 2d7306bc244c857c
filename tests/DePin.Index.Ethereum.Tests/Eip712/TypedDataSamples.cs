namespace DePin.Index.Ethereum.Tests.Eip712;

/// <summary>Typed-data JSON documents shared by the EIP-712 tests.</summary>
internal static class TypedDataSamples
{
    /// <summary>The EIP's own example (Ether Mail).</summary>
    public const string Mail = """
        {
          "types": {
            "EIP712Domain": [
              {
                "name": "name",
                "type": "string"
              },
              {
                "name": "version",
                "type": "string"
              },
              {
                "name": "chainId",
                "type": "uint256"
              },
              {
                "name": "verifyingContract",
                "type": "address"
              }
            ],
            "Person": [
              {
                "name": "name",
                "type": "string"
              },
              {
                "name": "wallet",
                "type": "address"
              }
            ],
            "Mail": [
              {
                "name": "from",
                "type": "Person"
              },
              {
                "name": "to",
                "type": "Person"
              },
              {
                "name": "contents",
                "type": "string"
              }
            ]
          },
          "primaryType": "Mail",
          "domain": {
            "name": "Ether Mail",
            "version": "1",
            "chainId": 1,
            "verifyingContract": "0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC"
          },
          "message": {
            "from": {
              "name": "Cow",
              "wallet": "0xCD2a3d9F938E13CD947Ec05AbC7FE734Df8DD826"
            },
            "to": {
              "name": "Bob",
              "wallet": "0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB"
            },
            "contents": "Hello, Bob!"
          }
        }
        """;

    /// <summary>
    /// Nested structs, struct arrays (dynamic and fixed), integer arrays, a 2-D array, negative intN, bytes,
    /// bytesN, bool, string[], and a domain with a salt. Anvil 1.7.1 signed it with its account #0.
    /// </summary>
    public const string Complex = """
        {
          "types": {
            "EIP712Domain": [
              {
                "name": "name",
                "type": "string"
              },
              {
                "name": "chainId",
                "type": "uint256"
              },
              {
                "name": "salt",
                "type": "bytes32"
              }
            ],
            "Voucher": [
              {
                "name": "payer",
                "type": "Account"
              },
              {
                "name": "payees",
                "type": "Account[]"
              },
              {
                "name": "amounts",
                "type": "uint256[]"
              },
              {
                "name": "deltas",
                "type": "int64[3]"
              },
              {
                "name": "grid",
                "type": "uint8[2][]"
              },
              {
                "name": "memo",
                "type": "bytes"
              },
              {
                "name": "tag",
                "type": "bytes4"
              },
              {
                "name": "root",
                "type": "bytes32"
              },
              {
                "name": "final",
                "type": "bool"
              },
              {
                "name": "notes",
                "type": "string[]"
              },
              {
                "name": "cosigners",
                "type": "Account[2]"
              }
            ],
            "Account": [
              {
                "name": "owner",
                "type": "address"
              },
              {
                "name": "label",
                "type": "string"
              },
              {
                "name": "limit",
                "type": "Limit"
              }
            ],
            "Limit": [
              {
                "name": "max",
                "type": "uint128"
              },
              {
                "name": "min",
                "type": "int256"
              }
            ]
          },
          "primaryType": "Voucher",
          "domain": {
            "name": "DePIN Gateway",
            "chainId": 31337,
            "salt": "0x00000000000000000000000000000000000000000000000000000000000000ff"
          },
          "message": {
            "payer": {
              "owner": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
              "label": "payer",
              "limit": {
                "max": "1000000000000000000000",
                "min": "-5"
              }
            },
            "payees": [
              {
                "owner": "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC",
                "label": "a",
                "limit": {
                  "max": 1,
                  "min": 0
                }
              },
              {
                "owner": "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
                "label": "",
                "limit": {
                  "max": "0xff",
                  "min": "-57896044618658097711785492504343953926634992332820282019728792003956564819968"
                }
              }
            ],
            "amounts": [
              "0",
              "1",
              "115792089237316195423570985008687907853269984665640564039457584007913129639935"
            ],
            "deltas": [
              -1,
              0,
              9223372036854775807
            ],
            "grid": [
              [
                1,
                2
              ],
              [
                255,
                0
              ],
              [
                7,
                7
              ]
            ],
            "memo": "0xdeadbeef00",
            "tag": "0x12345678",
            "root": "0x1111111111111111111111111111111111111111111111111111111111111111",
            "final": true,
            "notes": [
              "é",
              "",
              "hello"
            ],
            "cosigners": [
              {
                "owner": "0x0000000000000000000000000000000000000000",
                "label": "z",
                "limit": {
                  "max": 0,
                  "min": -1
                }
              },
              {
                "owner": "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266",
                "label": "me",
                "limit": {
                  "max": 2,
                  "min": 2
                }
              }
            ]
          }
        }
        """;
}
