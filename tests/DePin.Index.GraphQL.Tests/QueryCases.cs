namespace DePin.Index.GraphQL.Tests;

/// <summary>The golden query suite on the zoo deployment: name → (query, variables JSON).</summary>
internal static class QueryCases
{
    public static readonly IReadOnlyDictionary<string, (string Query, string? Variables)> All = new Dictionary<string, (string, string?)>
    {
        ["by_id"] = ("""{ person(id: "p1") { id name nick age balance score big born key color vip tags } }""", null),
        ["by_id_missing"] = ("""{ person(id: "nobody") { id } }""", null),
        ["plural_default"] = ("{ people { id } pets { id } }", null),
        ["first_skip"] = ("{ a: people(first: 2) { id } b: people(first: 2, skip: 1) { id } c: people(first: 0) { id } d: people(skip: 10) { id } }", null),
        ["order_scalar"] = ("""
            { age: people(orderBy: age, orderDirection: desc) { id age }
              balance: people(orderBy: balance) { id balance }
              score: people(orderBy: score, orderDirection: desc) { id score }
              big: people(orderBy: big) { id big }
              born: people(orderBy: born) { id born }
              key: people(orderBy: key) { id key }
              name: people(orderBy: name) { id name }
              nick: people(orderBy: nick) { id nick }
              color: people(orderBy: color) { id color }
              idDesc: people(orderDirection: desc) { id } }
            """, null),
        ["order_nested_parent_child"] = ("""
            { asc: people(orderBy: best__name) { id best { name } }
              desc: people(orderBy: best__age, orderDirection: desc) { id best { age } }
              pets(orderBy: owner__name, orderDirection: desc) { id owner { name } } }
            """, null),
        ["paging_id_gt"] = ("""{ page1: people(first: 2) { id } page2: people(first: 2, where: { id_gt: "p2" }) { id } page3: people(first: 2, where: { id_gt: "p4" }) { id } }""", null),
        ["filter_string"] = ("""
            { eq: people(where: { name: "Bob" }) { id } not: people(where: { name_not: "Bob" }) { id }
              gt: people(where: { name_gt: "Bob" }) { id } lt: people(where: { name_lt: "Bob" }) { id }
              gte: people(where: { name_gte: "Bob" }) { id } lte: people(where: { name_lte: "Bob" }) { id }
              in: people(where: { name_in: ["Bob", "Carol", "Zed"] }) { id } not_in: people(where: { name_not_in: ["Bob", "Carol"] }) { id }
              contains: people(where: { name_contains: "a" }) { id } contains_nocase: people(where: { name_contains_nocase: "A" }) { id }
              not_contains: people(where: { name_not_contains: "a" }) { id } not_contains_nocase: people(where: { name_not_contains_nocase: "A" }) { id }
              starts_with: people(where: { name_starts_with: "Ca" }) { id } starts_with_nocase: people(where: { name_starts_with_nocase: "ca" }) { id }
              not_starts_with: people(where: { name_not_starts_with: "Ca" }) { id } not_starts_with_nocase: people(where: { name_not_starts_with_nocase: "ca" }) { id }
              ends_with: people(where: { name_ends_with: "ce" }) { id } ends_with_nocase: people(where: { name_ends_with_nocase: "CE" }) { id }
              not_ends_with: people(where: { name_not_ends_with: "ce" }) { id } not_ends_with_nocase: people(where: { name_not_ends_with_nocase: "CE" }) { id }
              like_chars: people(where: { name_contains: "_%" }) { id } underscore: people(where: { name_starts_with: "Dave_" }) { id } percent: people(where: { name_ends_with: "%" }) { id } }
            """, null),
        ["filter_numbers"] = ("""
            { int: people(where: { age: 25 }) { id } int_not: people(where: { age_not: 25 }) { id } int_gt: people(where: { age_gt: 31 }) { id }
              int_lt: people(where: { age_lt: 31 }) { id } int_gte: people(where: { age_gte: 31 }) { id } int_lte: people(where: { age_lte: 31 }) { id }
              int_in: people(where: { age_in: [25, 40] }) { id } int_not_in: people(where: { age_not_in: [25, 40] }) { id }
              bigint_gt: people(where: { balance_gt: "999" }) { id } bigint_huge: people(where: { balance: "123456789012345678901234567890" }) { id }
              bigint_in: people(where: { balance_in: ["0", "7"] }) { id } bigint_lte: people(where: { balance_lte: 7 }) { id }
              decimal_gt: people(where: { score_gt: "1.5" }) { id } decimal_lt: people(where: { score_lt: "0" }) { id } decimal_eq: people(where: { score: "100.000" }) { id }
              decimal_not_in: people(where: { score_not_in: ["1.5", "100"] }) { id }
              int8_gt: people(where: { big_gt: "4" }) { id } int8_lt: people(where: { big_lt: 0 }) { id } int8_in: people(where: { big_in: ["9007199254740993", "0"] }) { id }
              ts_gte: people(where: { born_gte: "1690000000000000" }) { id } ts_lt: people(where: { born_lt: "1650000000000000" }) { id }
              ts_in: people(where: { born_in: ["1600000000000000"] }) { id } ts_not: people(where: { born_not: "1600000000000000" }) { id } }
            """, null),
        ["filter_bytes_bool_enum"] = ("""
            { bytes: people(where: { key: "0x01ab" }) { id } bytes_upper: people(where: { key: "0x01AB" }) { id } bytes_not: people(where: { key_not: "0x00" }) { id }
              bytes_gt: people(where: { key_gt: "0x04" }) { id } bytes_in: people(where: { key_in: ["0x00", "0x04"] }) { id }
              bytes_contains: people(where: { key_contains: "0xadbe" }) { id } bytes_not_contains: people(where: { key_not_contains: "0xab" }) { id }
              bool: people(where: { vip: true }) { id } bool_not: people(where: { vip_not: true }) { id } bool_in: people(where: { vip_in: [false] }) { id }
              enum: people(where: { color: Red }) { id } enum_not: people(where: { color_not: Red }) { id }
              enum_in: people(where: { color_in: [Green, Blue] }) { id } enum_not_in: people(where: { color_not_in: [Green, Blue] }) { id } }
            """, null),
        ["filter_lists"] = ("""
            { eq: people(where: { tags: ["a", "b"] }) { id } not: people(where: { tags_not: ["a", "b"] }) { id }
              contains: people(where: { tags_contains: ["b"] }) { id } contains_all: people(where: { tags_contains: ["a", "b"] }) { id }
              contains_nocase: people(where: { tags_contains_nocase: ["A"] }) { id } not_contains: people(where: { tags_not_contains: ["b"] }) { id }
              not_contains_nocase: people(where: { tags_not_contains_nocase: ["X"] }) { id }
              refs_contains: people(where: { friends_contains: ["p1"] }) { id } refs_eq: people(where: { friends: [] }) { id }
              refs_nested: people(where: { friends_: { age_gt: 30 } }) { id } }
            """, null),
        ["filter_null_and_references"] = ("""
            { nick_null: people(where: { nick: null }) { id } nick_not_null: people(where: { nick_not: null }) { id }
              best: people(where: { best: "p2" }) { id } best_in: people(where: { best_in: ["p1", "p2"] }) { id } best_null: people(where: { best: null }) { id }
              best_starts_with: people(where: { best_starts_with: "p" }) { id } pet_owner: pets(where: { owner: "p1" }) { id } }
            """, null),
        ["filter_nested_entities"] = ("""
            { derived: people(where: { pets_: { name: "Rex" } }) { id } derived_enum: people(where: { pets_: { color: Blue } }) { id }
              single: people(where: { best_: { age_gt: 30 } }) { id } parent: pets(where: { owner_: { name_starts_with: "A" } }) { id }
              deep: pets(where: { owner_: { best_: { name: "Bob" } } }) { id } }
            """, null),
        ["filter_and_or"] = ("""
            { or: people(where: { or: [{ age_lt: 26 }, { name: "Carol" }] }) { id }
              and: people(where: { and: [{ age_gt: 26 }, { color: Red }] }) { id }
              nested: people(where: { or: [{ and: [{ age_gt: 30 }, { vip: false }] }, { nick: null }] }) { id }
              combined: people(where: { color: Red, or: [{ age: 31 }, { age: 40 }] }) { id } }
            """, null),
        ["filter_change_block"] = ("""
            { people(where: { _change_block: { number_gte: 2 } }) { id age } pets(where: { _change_block: { number_gte: 2 } }) { id }
              none: people(where: { _change_block: { number_gte: 4 } }) { id } }
            """, null),
        ["time_travel"] = ("""
            { b1: people(block: { number: 1 }) { id age pets { id } } b2: people(block: { number: 2 }) { id age pets { id } }
              head: people { id age } gte: people(block: { number_gte: 2 }) { id }
              one: person(id: "p5", block: { number: 2 }) { name } gone: person(id: "p5") { name }
              meta1: _meta(block: { number: 1 }) { block { number hash } } }
            """, null),
        ["time_travel_by_hash"] = ("""query($h: Bytes) { people(block: { hash: $h }) { id } _meta { block { number hash } } }""",
            """{"h": "0xdbc6382f7438002edf56594acf553109f8201e898c9598a923a1b53217f01c4c"}"""),
        ["derived_fields_with_arguments"] = ("""
            { person(id: "p1") { pets { id } first1: pets(first: 1) { id } desc: pets(orderBy: name, orderDirection: desc) { name }
                blue: pets(where: { color: Blue }) { id } skip1: pets(skip: 1) { id } }
              people(orderBy: id) { id pets(first: 1, orderBy: name) { name } } }
            """, null),
        ["stored_lists_with_arguments"] = ("""
            { people { id friends { id } byAge: friends(orderBy: age, orderDirection: desc) { id age } first1: friends(first: 1) { id }
              old: friends(where: { age_gt: 30 }) { id } } }
            """, null),
        ["nesting_three_levels"] = ("""
            { people(first: 3) { id best { id best { id name } pets { id owner { name } } } pets { owner { friends { id } } } } }
            """, null),
        ["interfaces"] = ("""
            { nameds(orderBy: name) { __typename id name ... on Person { age } ... on Pet { owner { id } } }
              named(id: "p3") { __typename name } pet: named(id: "pet2") { __typename ... on Pet { color } }
              r: nameds(where: { name_starts_with: "R" }) { id } page: nameds(first: 3, skip: 2, orderBy: id, orderDirection: desc) { id } }
            """, null),
        ["fulltext"] = ("""
            { alice: personSearch(text: "alice") { id name } evil: personSearch(text: "evil") { id }
              evilThen: personSearch(text: "evil", block: { number: 2 }) { id } or: personSearch(text: "bob | caz") { id }
              filtered: personSearch(text: "bob | caz", where: { age_gt: 30 }) { id } }
            """, null),
        ["meta"] = ("{ _meta { block { number hash timestamp parentHash } deployment hasIndexingErrors } }", null),
        ["fragments_variables_aliases"] = ("""
            query Q($min: Int!, $color: Color = Red, $skipNick: Boolean!) {
              people(where: { age_gte: $min }, orderBy: age) { ...P nick @skip(if: $skipNick) }
              red: people(where: { color: $color }) { ... on Person { id } __typename }
              a: person(id: "p1") { n: name } b: person(id: "p2") { n: name }
            }
            fragment P on Person { id age best { ...B } }
            fragment B on Person { name }
            """, """{"min": 31, "skipNick": true}"""),
        ["scalars_serialised"] = ("""{ people(where: { id_in: ["p1", "p2"] }) { balance score big born key tags } pets { weight } }""", null),
        ["error_first_too_large"] = ("{ people(first: 1001) { id } }", null),
        ["error_skip_negative"] = ("{ people(skip: -1) { id } }", null),
        ["error_unknown_field"] = ("{ people { id height } }", null),
        ["error_bad_bytes"] = ("""{ people(where: { key: "0xzz" }) { id } }""", null),
        ["error_bad_bigint"] = ("""{ people(where: { balance_gt: "12abc" }) { id } }""", null),
        ["error_syntax"] = ("{ people { id }", null),
        ["error_block_not_indexed"] = ("{ people(block: { number: 99 }) { id } }", null),
        ["error_block_number_gte"] = ("{ people(block: { number_gte: 99 }) { id } }", null),
        ["error_unknown_block_hash"] = ("""{ people(block: { hash: "0x1234" }) { id } }""", null),
        ["error_order_by_derived"] = ("{ people(orderBy: pets) { id } }", null),
        ["error_variable_type"] = ("query($n: Int!) { people(first: $n) { id } }", """{"n": "ten"}"""),
        ["error_missing_variable"] = ("query($n: Int!) { people(first: $n) { id } }", null),
        ["error_bad_timestamp"] = ("""{ people(where: { born: "yesterday" }) { id } }""", null),
        ["error_empty_query"] = ("  ", null),
    };
}
