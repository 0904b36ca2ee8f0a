import PocketDomain
import Testing

@Suite("JSONObject, small and indexed")
struct JSONObjectIndexTests {
    @Test("keeps first-set order, replaces in place and removes", arguments: [3, 40])
    func ordering(size: Int) {
        var object = JSONObject()
        for i in 0..<size { object["k\(i)"] = .number(Double(i)) }
        object["k1"] = "one"
        #expect(object.keys.count == size)
        #expect(object.keys[1] == "k1")
        #expect(object["k1"] == "one")
        object["k0"] = nil
        #expect(object.keys.first == "k1")
        #expect(object["k0"] == nil)
        #expect(!object.contains("k0"))
        #expect(object["k\(size - 1)"] == .number(Double(size - 1)))
        object.appendNew("extra", true)
        #expect(object.keys.last == "extra")
        #expect(object["extra"] == true)
        #expect(object.count == size)
    }

    @Test("an indexed object: equality ignores order, sorting keeps lookups right")
    func indexed() {
        var big = JSONObject()
        for i in (0..<30).reversed() { big["key\(i)"] = .number(Double(i)) }
        let sorted = big.sortedByKey()
        #expect(sorted.keys.first == "key0")
        #expect(sorted["key29"] == 29)
        #expect(Array(sorted.map(\.key).prefix(3)) == ["key0", "key1", "key10"])
        #expect(sorted == big)
        var other = big
        other["key7"] = "changed"
        #expect(other != big)
    }
}
