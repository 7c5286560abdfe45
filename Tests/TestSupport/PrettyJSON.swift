import Foundation

/// Foundation's sorted, pretty-printed JSON, with "[]" for an empty list: the oracle the tests
/// hold knupp's one JSON writer (`JSONWriter`: the store, the report, the listings) to, byte for
/// byte. Not used by knupp itself.
public enum PrettyJSON {
    public static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// `value` as stable JSON text, without a final newline.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        var out = [UInt8]()
        append(try encoder.encode(value), indent: "", to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The same, with the characters `escaped` takes written as `\u` escapes (what the commands'
    /// output escapes beyond JSON: `JSONOutput.alsoEscaped`).
    public static func encode<T: Encodable>(_ value: T, alsoEscaping escaped: (Unicode.Scalar) -> Bool) throws -> String {
        let text = try encode(value)
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard escaped(scalar) else { out.append(scalar); continue }
            for unit in String(scalar).utf16 { out.append(contentsOf: String(format: "\\u%04x", unit).unicodeScalars) }
        }
        return String(out)
    }

    /// Copies pretty-printed JSON with `indent` after each line break, writing an empty list or
    /// object as "[]" or "{}" (Foundation on Linux prints "[", a line of spaces, "]"). One pass.
    public static func append(_ body: Data, indent: String, to out: inout [UInt8]) {
        let indentBytes = Array(indent.utf8)
        let newline = UInt8(ascii: "\n"), space = UInt8(ascii: " ")
        body.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                if (byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{")) && i + 1 < n && bytes[i + 1] == newline {
                    // Look past "\n<spaces>\n<spaces>" for the matching close.
                    var j = i + 2
                    while j < n && bytes[j] == space { j += 1 }
                    if j < n && bytes[j] == newline {
                        var k = j + 1
                        while k < n && bytes[k] == space { k += 1 }
                        if k < n && (bytes[k] == UInt8(ascii: "]") || bytes[k] == UInt8(ascii: "}")) {
                            out.append(byte)
                            out.append(bytes[k])
                            i = k + 1
                            continue
                        }
                    }
                }
                out.append(byte)
                if byte == newline { out += indentBytes }
                i += 1
            }
        }
    }

}
