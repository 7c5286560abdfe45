/// XML written by hand, element by element, indented two spaces: text and attribute values
/// escaped, characters XML 1.0 cannot hold left out, attributes in the order given.
struct XMLText {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    static func escaped(_ s: String, attribute: Bool = false) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\n" where attribute: out += "&#10;"
            case "\t" where attribute: out += "&#9;"
            case "\r": out += "&#13;"
            default:
                // XML 1.0's characters: tab, newline, and from space on (no surrogates, no FFFE/FFFF).
                let v = scalar.value
                if v == 0x9 || v == 0xA || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v) || v >= 0x10000 {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private func open(_ name: String, _ attributes: [(String, String?)]) -> String {
        "<" + name + attributes.compactMap { key, value in value.map { " \(key)=\"\(XMLText.escaped($0, attribute: true))\"" } }.joined()
    }

    private var indent: String { String(repeating: "  ", count: depth) }

    /// `<name a="…">` … `</name>`, with `body` inside.
    mutating func element(_ name: String, _ attributes: [(String, String?)] = [], _ body: (inout XMLText) -> Void) {
        text += indent + open(name, attributes) + ">\n"
        depth += 1
        body(&self)
        depth -= 1
        text += indent + "</\(name)>\n"
    }

    /// `<name a="…"/>`, or `<name a="…">text</name>`.
    mutating func leaf(_ name: String, _ attributes: [(String, String?)] = [], text content: String? = nil) {
        if let content { text += indent + open(name, attributes) + ">" + XMLText.escaped(content) + "</\(name)>\n" }
        else { text += indent + open(name, attributes) + "/>\n" }
    }

    /// An element holding one narrative (IATI's text): `<title><narrative>…</narrative></title>`.
    mutating func narrative(_ name: String, _ attributes: [(String, String?)], _ words: String) {
        element(name, attributes) { $0.leaf("narrative", text: words) }
    }

    mutating func narrative(_ name: String, _ words: String) { narrative(name, [], words) }
}
