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
        // Encoding plain value types with string keys cannot fail; an empty object is the
        // safe answer should a future field ever make it, and save() refuses to write it.
        let body = (try? PrettyJSON.encoder.encode(programme)) ?? Data("{}".utf8)
        var out = [UInt8]()
        out.reserveCapacity(body.count + body.count / 8 + 64)
        out += Array("{\n  \"schemaVersion\" : \(schemaVersion),\n  \"revision\" : \(revision),\n  \"programme\" : ".utf8)
        PrettyJSON.append(body, indent: "  ", to: &out)
        out += Array("\n}\n".utf8)
        return Data(out)
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
            throw describe(error, path: path, bytes: bytes)
        }
        guard let version = header.schemaVersion else {
            throw .invalid(path: path, field: "schemaVersion", message: "missing: this does not look like a knupp store")
        }
        guard let programme = header.programme else {
            throw .invalid(path: path, field: "programme", message: "missing")
        }
        let document = StoreDocument(schemaVersion: version, revision: header.revision ?? 0, programme: programme)
        if let problem = document.recordProblems(path: path, bytes: bytes).first { throw problem }
        return document
    }

    /// Every problem in a store file, for `knupp validate`: a broken file's first error alone
    /// (nothing after a syntax error can be trusted), else every field, id and reference problem.
    public static func problems(in data: Data, path: String) -> [StoreError] {
        let first: StoreError
        do {
            _ = try decode(data, path: path)
            return []
        } catch {
            first = error
        }
        switch first {
        case .invalid, .duplicateID: return allRecordProblems(data, path: path, first: first)
        default: return [first]
        }
    }

    /// Decodes each record on its own, so that one bad field does not hide the next.
    private static func allRecordProblems(_ data: Data, path: String, first: StoreError) -> [StoreError] {
        let bytes = [UInt8](data)
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let programme = root["programme"] as? [String: Any] else { return [first] }
        let decoder = JSONDecoder()
        func check<T: Decodable>(_ key: String, _ type: T.Type) -> [StoreError] {
            guard let list = programme[key] as? [Any] else { return [] }
            return list.enumerated().compactMap { i, element in
                do {
                    _ = try decoder.decode(T.self, from: JSONSerialization.data(withJSONObject: element))
                    return nil
                } catch {
                    return describe(error, path: path, bytes: bytes,
                                    prefix: [PathKey("programme"), PathKey(key), PathKey(i)])
                }
            }
        }
        var found = check("phases", Phase.self) + check("countries", Country.self) + check("events", Event.self)
            + check("publications", Publication.self) + check("contacts", Contact.self)
            + check("prospectiveCountries", ProspectiveCountry.self) + check("partners", Partner.self) + check("goals", Goal.self)
        if found.isEmpty, let header = try? decoder.decode(Header.self, from: data), let p = header.programme {
            found = StoreDocument(schemaVersion: header.schemaVersion ?? 0, revision: header.revision ?? 0, programme: p)
                .recordProblems(path: path, bytes: bytes)
        }
        return found.isEmpty ? [first] : found
    }

    /// A coding key for a path built by hand.
    private struct PathKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ string: String) { stringValue = string; intValue = nil }
        init(_ index: Int) { stringValue = "\(index)"; intValue = index }
        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { self.init(intValue) }
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
        // Git conflict markers stand at the start of a line.
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
            if lineEnd - lineStart >= 7, isConflictMarker(bytes, from: lineStart, to: lineEnd) {
                throw .mergeConflict(path: path, position: TextPosition(offset: lineStart, in: bytes))
            }
            lineStart = lineEnd + 1
        }
    }

    private static func isConflictMarker(_ bytes: [UInt8], from start: Int, to end: Int) -> Bool {
        let first = bytes[start]
        guard first == UInt8(ascii: "<") || first == UInt8(ascii: ">") || first == UInt8(ascii: "=") else { return false }
        for i in start..<(start + 7) where bytes[i] != first { return false }
        // "=======" is a marker only alone on its line; "<<<<<<<" and ">>>>>>>" may carry a name.
        return first != UInt8(ascii: "=") || end - start == 7
    }

    private static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        // The standard library's validation is fast; walk scalar by scalar only to find where.
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
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

    /// A decoding error as a message with the field's path, and its line and column in the file.
    static func describe(_ error: Error, path: String, bytes: [UInt8], prefix: [CodingKey] = []) -> StoreError {
        guard let error = error as? DecodingError else {
            return .invalid(path: path, field: "(file)", message: "\(error)")
        }
        func invalid(_ keys: [CodingKey], _ message: String) -> StoreError {
            let keys = prefix + keys
            var text = ""
            for key in keys {
                if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
            }
            let jsonPath = keys.map { $0.intValue.map(JSONPathKey.index) ?? .key($0.stringValue) }
            let position = JSONSyntaxChecker.offset(of: jsonPath, in: bytes).map { TextPosition(offset: $0, in: bytes) }
            return .invalid(path: path, field: text.isEmpty ? "(top level)" : text, message: message, position: position)
        }
        switch error {
        case .typeMismatch(let type, let context):
            return invalid(context.codingPath, "expected \(typeName(type))")
        case .valueNotFound(let type, let context):
            return invalid(context.codingPath, "expected \(typeName(type)), found null")
        case .keyNotFound(let key, let context):
            return invalid(context.codingPath + [key], "missing")
        case .dataCorrupted(let context):
            return invalid(context.codingPath, context.debugDescription)
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
    /// (a tick names only the milestone); the rest within their list. Events name real countries.
    private func recordProblems(path: String, bytes: [UInt8]) -> [StoreError] {
        var problems: [StoreError] = []
        func check(_ ids: [String], kind: String) {
            var seen = Set<String>()
            for id in ids where !seen.insert(id).inserted {
                problems.append(.duplicateID(path: path, kind: kind, id: id, position: StoreDocument.secondOccurrence(of: id, in: bytes)))
            }
        }
        check(programme.countries.map(\.id), kind: "country")
        check(programme.milestoneEntries.map(\.milestone.id), kind: "milestone")
        check(programme.phases.map { String($0.number) }, kind: "phase number")
        check(programme.events.map(\.id), kind: "event")
        check(programme.publications.map(\.id), kind: "publication")
        check(programme.contacts.map(\.id), kind: "contact")
        for country in programme.countries {
            check(country.policies.map(\.id), kind: "policy")
            check(country.projects.map(\.id), kind: "project")
        }
        let countryIDs = Set(programme.countries.map(\.id))
        for (i, country) in programme.countries.enumerated() where country.id.isEmpty {
            problems.append(.invalid(path: path, field: "programme.countries[\(i)].id", message: "empty"))
        }
        for (i, event) in programme.events.enumerated() {
            for (j, id) in event.countries.enumerated() where !countryIDs.contains(id) {
                problems.append(.invalid(path: path, field: "programme.events[\(i)].countries[\(j)]",
                                         message: "“\(id)” is not a country of the programme"))
            }
        }
        return problems
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
