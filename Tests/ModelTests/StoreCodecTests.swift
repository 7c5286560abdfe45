import Foundation
import Testing
@testable import Model
import TestSupport
import Generator

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

/// A large store is read on two cores (`SecondReader`): what it gives must be what one reader
/// gives, in every case: the guess right, the guess wrong, a problem in the second half.
@Suite("Store read on two cores")
struct TwoCoreReadTests {
    func bytes(_ programme: Programme) -> [UInt8] { StoreEncoder.encode(StoreDocument(schemaVersion: 1, revision: 3, programme: programme)) }

    func bothWays(_ bytes: [UInt8]) -> (one: (StoreDocument?, [StoreDecoder.Problem]), two: (StoreDocument?, [StoreDecoder.Problem]), handovers: Int) {
        let one = StoreDecoder.readCounting(bytes, twoCores: false)
        let two = StoreDecoder.readCounting(bytes, twoCores: true)
        #expect(one.handovers == 0)
        return ((one.document, one.problems), (two.document, two.problems), two.handovers)
    }

    @Test("many countries and few: the second reader's milestones and countries are taken, and the document is the one reader's")
    func sameDocument() throws {
        for (countries, milestones) in [(400, 30_000), (3, 30_000), (1, 30_000)] {
            let programme = LargeProgramme.make(from: try loadSample(), countries: countries, milestones: milestones)
            let file = bytes(programme)
            #expect(file.count >= SecondReader.threshold, "large enough to be read on two cores")
            let (one, two, handovers) = bothWays(file)
            #expect(one.1.isEmpty && two.1.isEmpty)
            #expect(one.0 == two.0, "\(countries) countries")
            #expect(two.0?.programme == programme)
            // The milestones' run, and the countries' where a country follows the middle one.
            #expect(handovers == (countries > 1 ? 2 : 1), "\(countries) countries: \(handovers) runs taken")
            #expect(StoreEncoder.encode(try #require(two.0)) == file)
        }
    }

    @Test("a problem in the second half is reported as one reader reports it, at the same place")
    func problemInSecondHalf() throws {
        let programme = LargeProgramme.make(from: try loadSample(), countries: 40, milestones: 30_000)
        var file = bytes(programme)
        // A milestone's done flag three quarters in, made text.
        let needle = Array("\"done\" : false".utf8)
        var at = file.count * 3 / 4
        while !file[at..<(at + needle.count)].elementsEqual(needle) { at += 1 }
        file.replaceSubrange(at..<(at + needle.count), with: Array("\"done\" : \"no\" ".utf8))
        let (one, two, handovers) = bothWays(file)
        #expect(one.1.count == 1 && one.1 == two.1, "the same problem, path and offset")
        #expect(handovers < 2, "the countries' run that held the problem was not taken")
        #expect(one.0 == two.0)
    }

    @Test("a middle that falls among policies (indented as milestones are) is read by one reader, rightly")
    func guessNotAMilestone() throws {
        var programme = LargeProgramme.make(from: try loadSample(), countries: 2, milestones: 2_000)
        programme.countries[1].policies = (0..<40_000).map { PolicyDocument(id: "pol-\($0)", title: "Policy \($0) of a long list", status: .draft) }
        let file = bytes(programme)
        let (one, two, handovers) = bothWays(file)
        #expect(handovers == 0)
        #expect(one.1.isEmpty && two.1.isEmpty && one.0 == two.0 && two.0?.programme == programme)
    }
}

@Suite("Two cores")
struct TwoCoresTests {
    @Test("map on two cores gives map's result, in order, for every count around its minimum; both parts of both are done")
    func mapInOrder() {
        for count in [0, 1, 2, 3, 9, 10, 11, 1001] {
            let items = (0..<count).map { "item \($0)" }
            #expect(TwoCores.map(items, minimum: 10) { $0 + "!" } == items.map { $0 + "!" }, "\(count)")
        }
        var first = 0
        nonisolated(unsafe) var second = 0
        TwoCores.both({ first = (1...1000).reduce(0, +) }, { second = (1...2000).reduce(0, +) })
        #expect(first == 500_500 && second == 2_001_000)
    }
}
