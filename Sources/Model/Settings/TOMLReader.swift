/// Reads TOML 1.0 (the settings file's format) as far as telling valid from invalid goes, and
/// keeps the values of the top-level keys as text: what `Settings` needs. Every construct of the
/// language is accepted where TOML accepts it (tables, arrays, inline tables, all four string
/// forms, numbers, dates), so a file any TOML tool accepts is accepted here, and one it refuses is
/// refused with its line; the tests hold the two equal to Python's `tomllib` on a corpus.
struct TOMLReader {
    /// A value of a top-level key: text for strings, numbers, booleans and dates; nil for an array
    /// or a table (no setting takes one).
    typealias Values = [String: String?]

    struct Failure: Error, Equatable {
        var line: Int
        var message: String
    }

    let bytes: [UInt8]
    var i = 0
    var line = 1
    /// Every key path defined so far (tables and keys), joined by U+0000, to refuse duplicates.
    var defined: Set<String> = []
    /// Tables made by [[array]] headers: their sub-tables may be defined again for each element.
    var arrayTables: Set<String> = []
    var values: Values = [:]

    init(_ text: String) { bytes = Array(text.utf8) }

    static func read(_ text: String) throws(Failure) -> Values {
        var reader = TOMLReader(text)
        try reader.document()
        return reader.values
    }

    var peek: UInt8? { i < bytes.count ? bytes[i] : nil }
    func peek(_ k: Int) -> UInt8? { i + k < bytes.count ? bytes[i + k] : nil }

    func fail(_ message: String) -> Failure { Failure(line: line, message: message) }

    mutating func document() throws(Failure) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        var table: [String] = []
        while i < bytes.count {
            whitespace()
            switch peek {
            case nil: return
            case UInt8(ascii: "#"): try comment()
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"): break
            case UInt8(ascii: "["):
                table = try header()
            default:
                let path = try key()
                whitespace()
                guard peek == UInt8(ascii: "=") else { throw fail(L("expected = after the key")) }
                i += 1
                whitespace()
                let value = try self.value(inline: false)
                try define(table + path, leaf: true)
                if table.isEmpty && path.count == 1 { values[path[0]] = value }
            }
            try endOfLine()
        }
    }

    /// After an expression: spaces, a comment, then a line break or the end.
    mutating func endOfLine() throws(Failure) {
        whitespace()
        if peek == UInt8(ascii: "#") { try comment() }
        if peek == UInt8(ascii: "\r") {
            guard peek(1) == UInt8(ascii: "\n") else { throw fail(L("a carriage return not followed by a line break")) }
            i += 1
        }
        guard let byte = peek else { return }
        guard byte == UInt8(ascii: "\n") else { throw fail(L("expected the end of the line")) }
        i += 1
        line += 1
    }

    mutating func whitespace() {
        while let b = peek, b == 0x20 || b == 0x09 { i += 1 }
    }

    /// Spaces, comments and line breaks (inside an array).
    mutating func blank() throws(Failure) {
        while true {
            whitespace()
            if peek == UInt8(ascii: "#") { try comment() }
            if peek == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") { i += 1 }
            guard peek == UInt8(ascii: "\n") else { return }
            i += 1
            line += 1
        }
    }

    mutating func comment() throws(Failure) {
        i += 1
        while let b = peek, b != UInt8(ascii: "\n") {
            if b == UInt8(ascii: "\r"), peek(1) == UInt8(ascii: "\n") { return }
            if (b < 0x20 && b != 0x09) || b == 0x7F { throw fail(L("a control character in a comment")) }
            i += 1
        }
    }

    /// `[a.b]` or `[[a.b]]`: the table that the keys after it go into.
    mutating func header() throws(Failure) -> [String] {
        let array = peek(1) == UInt8(ascii: "[")
        i += array ? 2 : 1
        whitespace()
        let path = try key()
        whitespace()
        for _ in 0..<(array ? 2 : 1) {
            guard peek == UInt8(ascii: "]") else { throw fail(L("expected ] to close the table's name")) }
            i += 1
        }
        let joined = path.joined(separator: "\u{0}")
        for k in 1..<max(path.count, 1) {
            let prefix = path[0..<k].joined(separator: "\u{0}")
            if leafKeys.contains(prefix) { throw fail(L("“%@” is a value, not a table", path[0..<k].joined(separator: "."))) }
            if !defined.contains(prefix) { defined.insert(prefix); implicit.insert(prefix) }
        }
        if leafKeys.contains(joined) { throw fail(L("“%@” is a value, not a table", path.joined(separator: "."))) }
        if array {
            guard !defined.contains(joined) || arrayTables.contains(joined) else { throw fail(L("“%@” is already defined", path.joined(separator: "."))) }
            arrayTables.insert(joined)
            defined.insert(joined)
            // A new element: its sub-tables start afresh.
            defined = defined.filter { !$0.hasPrefix(joined + "\u{0}") }
        } else {
            guard !defined.contains(joined) || implicit.contains(joined) else { throw fail(L("the table “%@” is defined twice", path.joined(separator: "."))) }
            guard !arrayTables.contains(joined) else { throw fail(L("“%@” is an array of tables", path.joined(separator: "."))) }
            implicit.remove(joined)
            defined.insert(joined)
        }
        return path
    }

    /// Tables only implied so far (by `[a.b]`, `a.b = 1`), which a header may still define once.
    var implicit: Set<String> = []

    /// Records a key (or a table implied by a dotted key) as defined; refuses a second definition.
    mutating func define(_ path: [String], leaf: Bool) throws(Failure) {
        for k in 1..<max(path.count, 1) {
            let prefix = path[0..<k].joined(separator: "\u{0}")
            if leafKeys.contains(prefix) { throw fail(L("“%@” is a value, not a table", path[0..<k].joined(separator: "."))) }
            // A table a dotted key makes cannot be given a [header] later.
            if !defined.contains(prefix) { defined.insert(prefix) }
        }
        let joined = path.joined(separator: "\u{0}")
        if defined.contains(joined) { throw fail(L("the key “%@” is defined twice", path.joined(separator: "."))) }
        defined.insert(joined)
        if leaf { leafKeys.insert(joined) }
    }

    /// Keys holding a value (not a table): a dotted key may not go through one.
    var leafKeys: Set<String> = []
}
