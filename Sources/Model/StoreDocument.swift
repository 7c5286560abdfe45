import Foundation

/// What the store file holds: the schema version, the revision, and the programme.
public struct StoreDocument: Equatable, Sendable {
    /// The schema this build reads and writes.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// Incremented on every save.
    public var revision: Int
    public var programme: Programme

    public init(schemaVersion: Int = StoreDocument.currentSchemaVersion, revision: Int = 0, programme: Programme) {
        self.schemaVersion = schemaVersion; self.revision = revision; self.programme = programme
    }

    /// The file's bytes: schemaVersion, revision, then the programme with sorted keys,
    /// pretty-printed, records in their order, final newline; so a tick diffs as a line or two.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain value types with string keys cannot fail; an empty object is the
        // safe answer should a future field ever make it, and save() refuses to write it.
        let body = (try? encoder.encode(programme)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        let indented = StoreDocument.collapsingEmptyContainers(body.split(separator: "\n", omittingEmptySubsequences: false).map(String.init))
            .enumerated()
            .map { $0.offset == 0 ? $0.element : "  " + $0.element }
            .joined(separator: "\n")
        let text = "{\n  \"schemaVersion\" : \(schemaVersion),\n  \"revision\" : \(revision),\n"
            + "  \"programme\" : \(indented)\n}\n"
        return Data(text.utf8)
    }

    /// Foundation on Linux pretty-prints an empty list as "[", a line of spaces, "]": write "[]".
    private static func collapsingEmptyContainers(_ lines: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if i + 2 < lines.count, line.hasSuffix("[") || line.hasSuffix("{"),
               lines[i + 1].allSatisfy({ $0 == " " }),
               let close = lines[i + 2].trimmingCharacters(in: .whitespaces).first, close == "]" || close == "}" {
                out.append(line + lines[i + 2].trimmingCharacters(in: .whitespaces))
                i += 3
                continue
            }
            out.append(line)
            i += 1
        }
        return out
    }

    /// Reads a store file's bytes, or says precisely what is wrong with them.
    public static func decode(_ data: Data, path: String) throws(StoreError) -> StoreDocument {
        let bytes = [UInt8](data)
        try checkBytes(bytes, path: path)
        if let failure = JSONSyntaxChecker.check(bytes) {
            throw .malformed(path: path, message: failure.message, position: TextPosition(offset: failure.offset, in: bytes))
        }
        let decoder = JSONDecoder()
        let header: Header
        do {
            header = try decoder.decode(Header.self, from: data)
        } catch {
            throw describe(error, path: path)
        }
        guard let version = header.schemaVersion else {
            throw .invalid(path: path, field: "schemaVersion", message: "missing: this does not look like a knupp store")
        }
        guard let programme = header.programme else {
            throw .invalid(path: path, field: "programme", message: "missing")
        }
        let document = StoreDocument(schemaVersion: version, revision: header.revision ?? 0, programme: programme)
        try document.checkUniqueIDs(path: path, bytes: bytes)
        try document.checkReferences(path: path)
        return document
    }

    private struct Header: Decodable {
        var schemaVersion: Int?
        var revision: Int?
        var programme: Programme?
    }

    private static func checkBytes(_ bytes: [UInt8], path: String) throws(StoreError) {
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) { throw .empty(path: path) }
        if bytes.allSatisfy({ $0 == 0 }) {
            throw .damaged(path: path, reason: "it holds only zero bytes (a crash or a full disk while writing?)", position: nil)
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw .damaged(path: path, reason: "it holds zero bytes from here on", position: TextPosition(offset: nul, in: bytes))
        }
        if let bad = firstInvalidUTF8(bytes) {
            throw .damaged(path: path, reason: "it is not UTF-8 text", position: TextPosition(offset: bad, in: bytes))
        }
        var lineStart = 0
        for (i, byte) in bytes.enumerated() where byte == 0x0A || i == bytes.count - 1 {
            let line = bytes[lineStart..<(byte == 0x0A ? i : i + 1)]
            if line.starts(with: Array("<<<<<<<".utf8)) || line.starts(with: Array(">>>>>>>".utf8))
                || line.elementsEqual(Array("=======".utf8)) {
                throw .mergeConflict(path: path, position: TextPosition(offset: lineStart, in: bytes))
            }
            lineStart = i + 1
        }
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }

    private static func describe(_ error: Error, path: String) -> StoreError {
        guard let error = error as? DecodingError else {
            return .invalid(path: path, field: "(file)", message: "\(error)")
        }
        func pathText(_ keys: [CodingKey]) -> String {
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            return text.isEmpty ? "(top level)" : text
        }
        switch error {
        case .typeMismatch(let type, let context):
            return .invalid(path: path, field: pathText(context.codingPath), message: "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return .invalid(path: path, field: pathText(context.codingPath), message: "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let context):
            return .invalid(path: path, field: pathText(context.codingPath + [key]), message: "missing")
        case .dataCorrupted(let context):
            return .invalid(path: path, field: pathText(context.codingPath), message: context.debugDescription)
        @unknown default:
            return .invalid(path: path, field: "(file)", message: "\(error)")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type, is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: String(describing: type).hasPrefix("Array") ? "a list" : "an object"
        }
    }

    /// Ids must be unique: countries among countries; milestones across the whole programme
    /// (a tick names only the milestone); the rest within their list.
    private func checkUniqueIDs(path: String, bytes: [UInt8]) throws(StoreError) {
        func check(_ ids: [String], kind: String) throws(StoreError) {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted {
                throw .duplicateID(path: path, kind: kind, id: id, position: StoreDocument.secondOccurrence(of: id, in: bytes))
            }
        }
        try check(programme.countries.map(\.id), kind: "country")
        try check(programme.milestoneEntries.map(\.milestone.id), kind: "milestone")
        try check(programme.phases.map { String($0.number) }, kind: "phase number")
        try check(programme.events.map(\.id), kind: "event")
        try check(programme.publications.map(\.id), kind: "publication")
        try check(programme.contacts.map(\.id), kind: "contact")
        for country in programme.countries {
            try check(country.policies.map(\.id), kind: "policy")
            try check(country.projects.map(\.id), kind: "project")
        }
    }

    private func checkReferences(path: String) throws(StoreError) {
        let countryIDs = Set(programme.countries.map(\.id))
        for (i, country) in programme.countries.enumerated() where country.id.isEmpty {
            throw .invalid(path: path, field: "programme.countries[\(i)].id", message: "empty")
        }
        for (i, event) in programme.events.enumerated() {
            for (j, id) in event.countries.enumerated() where !countryIDs.contains(id) {
                throw .invalid(path: path, field: "programme.events[\(i)].countries[\(j)]",
                               message: "“\(id)” is not a country of the programme")
            }
        }
    }

    /// Where `"id" : "<id>"` stands the second time, so the message can point at it.
    static func secondOccurrence(of id: String, in bytes: [UInt8]) -> TextPosition? {
        let text = String(decoding: bytes, as: UTF8.self)
        let needles = ["\"id\" : \"\(id)\"", "\"id\": \"\(id)\"", "\"id\":\"\(id)\"", "\"number\" : \(id)"]
        for needle in needles {
            guard let first = text.range(of: needle),
                  let second = text.range(of: needle, range: first.upperBound..<text.endIndex) else { continue }
            return TextPosition(offset: text.utf8.distance(from: text.startIndex, to: second.lowerBound), in: bytes)
        }
        return nil
    }
}
