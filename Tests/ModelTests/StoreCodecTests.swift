import Foundation
import Testing
@testable import Model
import TestSupport

/// The store's own reader and writer: canonical bytes, keys this version does not know kept at
/// every level, and every kind of bad value refused with its field, never a trap.
@Suite("Store codec")
struct StoreCodecTests {
    func sampleBytes() throws -> Data { try Data(contentsOf: URL(fileURLWithPath: samplePath)) }

    func tree(_ data: Data) throws -> JSONValue {
        let document = JSONParser.document([UInt8](data))
        return try #require(document)
    }

    /// Every object in the record (not inside values this version does not know) gets two keys it
    /// does not know: one that sorts first and one that sorts last, holding nested values.
    func withUnknownKeys(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(var members):
            for (key, member) in members { members[key] = withUnknownKeys(member) }
            members["aaFromANewerKnupp"] = .object(["list": .array([.number("1"), .string("x"), .null]), "flag": .bool(true)])
            members["zzAddedByHand"] = .string("kept — “as written”")
            return .object(members)
        case .array(let items):
            return .array(items.map(withUnknownKeys))
        default:
            return value
        }
    }

    @Test("the sample decodes and encodes to exactly its own bytes")
    func sampleIsCanonical() throws {
        let bytes = try sampleBytes()
        let document = try StoreDocument.decode(bytes, path: samplePath)
        #expect(document.encoded() == bytes)
    }

    @Test("keys this version does not know survive at every level, in canonical order, through a tick and an untick")
    func unknownKeysSurvive() throws {
        let augmented = withUnknownKeys(try tree(try sampleBytes()))
        let folder = TempFolder()
        let path = folder.file("programme.json")
        // Written compactly (as another tool might), then saved canonically by knupp.
        try Data(augmented.text.utf8).write(to: URL(fileURLWithPath: path))
        let canonical = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path).encoded()
        #expect(try tree(canonical) == augmented, "nothing lost or changed on the way through")
        #expect(try StoreDocument.decode(canonical, path: path).encoded() == canonical, "canonical is a fixed point")
        let text = String(decoding: canonical, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"schemaVersion\" : 1,\n  \"revision\" : 1,\n  \"programme\" : {\n    \"aaFromANewerKnupp\" : {"))

        try canonical.write(to: URL(fileURLWithPath: path))
        let store = try ProgrammeStore.open(path: path, officer: "tester")
        try store.commit(.tick(milestone: "irn-nup-approval", by: "tester", at: "2026-11-28T10:00:00Z"))
        let ticked = try Data(contentsOf: URL(fileURLWithPath: path))
        var expected = augmented
        expected = expected.setting(["revision"], to: .number("2"))
        #expect(try tree(ticked).removingTick() == expected.removingTick())
        let before = text.split(separator: "\n"), after = String(decoding: ticked, as: UTF8.self).split(separator: "\n")
        let changed = after.difference(from: before).count
        #expect(changed <= 6, "a tick changes the revision and the milestone's lines only (\(changed) lines)")
        try store.commit(.untick(milestone: "irn-nup-approval"))
        #expect(try tree(Data(contentsOf: URL(fileURLWithPath: path))) == augmented.setting(["revision"], to: .number("3")))
    }

    @Test("a key written twice in one object is refused at the second one")
    func duplicateKey() throws {
        let text = String(decoding: try sampleBytes(), as: UTF8.self)
            .replacingOccurrences(of: "\"name\" : \"Iran\",", with: "\"name\" : \"Iran\",\n        \"name\" : \"Persia\",")
        #expect(throws: StoreError.self) { try StoreDocument.decode(Data(text.utf8), path: "dup.json") }
        let problems = StoreDocument.problems(in: Data(text.utf8), path: "dup.json")
        guard case .invalid(_, let field, let message, let position)? = problems.first else { Issue.record("\(problems)"); return }
        #expect(field == "programme.countries[0].name" && message.contains("twice"))
        #expect(position?.lineText.contains("Persia") == true)
    }

    @Test("an element of any list that is null, a number or text is a field problem, never a crash",
          arguments: ["goals", "phases", "countries", "events", "publications", "contacts", "partners", "prospectiveCountries"])
    func badListElements(list: String) throws {
        for bad in ["null", "7", "\"text\""] {
            var root = try tree(try sampleBytes())
            guard case .object(let top) = root, case .object(var programme)? = top["programme"],
                  case .array(var items)? = programme[list] else { Issue.record("no \(list)"); return }
            let element = JSONParser.document(Array(bad.utf8))
            items.append(try #require(element))
            programme[list] = .array(items)
            root = root.setting(["programme"], to: .object(programme))
            let data = Data(root.text.utf8)
            let problems = StoreDocument.problems(in: data, path: "bad.json")
            #expect(problems.contains { if case .invalid(_, let field, _, _) = $0 { field == "programme.\(list)[\(items.count - 1)]" } else { false } },
                    "\(list) + \(bad): \(problems)")
            #expect(throws: StoreError.self) { try StoreDocument.decode(data, path: "bad.json") }
        }
    }

    @Test("numbers that do not fit, and broken surrogates, are refused with their place, never a trap")
    func hostileValues() throws {
        let text = String(decoding: try sampleBytes(), as: UTF8.self)
        let huge = text.replacingOccurrences(of: "\"peopleReached\" : 200000", with: "\"peopleReached\" : 92233720368547758070")
        let problems = StoreDocument.problems(in: Data(huge.utf8), path: "huge.json")
        #expect(problems.contains { if case .invalid(_, let field, _, _) = $0 { field.hasSuffix("peopleReached") } else { false } })
        let surrogate = text.replacingOccurrences(of: "\"notes\" : \"\"", with: "\"notes\" : \"\\ud800\\u0041 \\udc00\"")
        // Refused rather than read as U+FFFD: a save would have written the replacement back.
        #expect(throws: StoreError.self) { try StoreDocument.decode(Data(surrogate.utf8), path: "surrogate.json") }
    }
}

extension JSONValue {
    /// This value with the member at `path` (object keys) replaced.
    func setting(_ path: [String], to value: JSONValue) -> JSONValue {
        guard let first = path.first else { return value }
        guard case .object(var members) = self else { return self }
        members[first] = (members[first] ?? .null).setting(Array(path.dropFirst()), to: value)
        return .object(members)
    }

    /// The tree with every milestone's tick record removed, to compare what a tick must not touch.
    func removingTick() -> JSONValue {
        switch self {
        case .object(var members):
            if members["done"] != nil { members["done"] = .bool(false); members["doneAt"] = nil; members["doneBy"] = nil }
            return .object(members.mapValues { $0.removingTick() })
        case .array(let items): return .array(items.map { $0.removingTick() })
        default: return self
        }
    }
}
