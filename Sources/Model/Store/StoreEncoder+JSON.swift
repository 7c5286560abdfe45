import Foundation

extension StoreEncoder {
    // MARK: JSON

    mutating func beginObject() {
        bytes.append(UInt8(ascii: "{"))
        depth += 1
        first.append(true)
    }

    mutating func endObject() {
        depth -= 1
        let empty = first.removeLast()
        if !empty { newline() }
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func key(_ key: String) {
        if first[first.count - 1] { first[first.count - 1] = false } else { bytes.append(UInt8(ascii: ",")) }
        newline()
        string(key)
        bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
    }

    mutating func newline() {
        bytes.append(0x0A)
        for _ in 0..<depth { bytes.append(0x20); bytes.append(0x20) }
    }

    mutating func list<T>(_ items: [T], _ element: (inout StoreEncoder, T) -> Void) {
        bytes.append(UInt8(ascii: "["))
        guard !items.isEmpty else { bytes.append(UInt8(ascii: "]")); return }
        depth += 1
        for (i, item) in items.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            newline()
            element(&self, item)
        }
        depth -= 1
        newline()
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func value(_ v: JSONValue) {
        switch v {
        case .object(let members):
            beginObject()
            self.members(members)
            endObject()
        case .array(let items): list(items) { $0.value($1) }
        case .string(let s): string(s)
        case .number(let n): bytes.append(contentsOf: n.utf8)
        case .bool(let b): bool(b)
        case .null: bytes.append(contentsOf: "null".utf8)
        }
    }

    mutating func int(_ n: Int) { bytes.append(contentsOf: String(n).utf8) }

    mutating func bool(_ b: Bool) { bytes.append(contentsOf: (b ? "true" : "false").utf8) }

    /// A JSON string as Foundation writes it: `"` and `\` escaped, \b \f \n \r \t by name,
    /// other controls as \u00XX (lower-case hex), everything else as its UTF-8 bytes.
    mutating func string(_ s: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = s
        text.withUTF8 { utf8 in
            // Most text needs no escape: copied whole, up to the first byte that does.
            var run = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run..<i]))
                run = i + 1
                escape(byte)
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func escape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(UInt8(ascii: "\\")); bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
            bytes.append(hex.utf8Start[Int(byte >> 4)])
            bytes.append(hex.utf8Start[Int(byte & 0xF)])
        }
    }
}
