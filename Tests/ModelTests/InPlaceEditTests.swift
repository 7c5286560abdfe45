import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Generator
import Testing
@testable import Model
import TestSupport

/// A small seeded generator, so that a failing case can be run again.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

@Suite("Store: one milestone edited in place")
struct InPlaceEditTests {
    func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// Breaks the store at `path` as a hand edit might (a list element that is no record); its new bytes.
    @discardableResult
    func breakByHand(_ path: String) throws -> Data {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let broken = Data(text.replacingOccurrences(of: "\"events\" : [\n", with: "\"events\" : [\n      42,\n").utf8)
        try broken.write(to: URL(fileURLWithPath: path))
        return broken
    }

    /// The same edit saved both ways, from the same file: in place, and through a full open and commit.
    func bothWays(_ source: String, _ edit: Edit, in folder: TempFolder, _ n: Int) throws -> (inPlace: ProgrammeStore.InPlace, fast: Data, full: Data) {
        let fast = try folder.copy(source, as: "fast-\(n).json"), full = try folder.copy(source, as: "full-\(n).json")
        let cache = VerifiedStores(path: folder.file("cache-\(n)"))
        cache.remember(Array(try bytes(fast)))
        let result = try ProgrammeStore.editInPlace(path: fast, milestone: edit.recordID, officer: "t", lockWait: 1, verified: cache) { _ in edit }
        let store = try ProgrammeStore.open(path: full, officer: "t")
        // The front's save streams the file (a canonical one, as loaded): it finds the record.
        #expect(store.scanLoaded(milestone: edit.recordID) != nil, "\(edit): the streamed save would not take it")
        try store.commit(edit)
        // The front's save writes only the record too, on the bytes it loaded: both must be what
        // encoding the whole document writes.
        #expect(try bytes(full) == store.document.encoded(), "\(edit): the front's save is not the whole encoding")
        return (result, try bytes(fast), try bytes(full))
    }

    @Test("the streamed save finds a record cut anywhere by the pieces it reads, writes the whole encoding a few bytes at a time, and leaves a file laid out by hand to the whole read")
    func streamedSave() throws {
        let folder = TempFolder()
        let path = folder.file("s.json")
        var programme = LargeProgramme.make(from: try loadSample(), countries: 3, milestones: 40)
        programme.countries[1].milestones[7].note = "two\nlines \"quoted\" 국가"
        try StoreDocument(programme: programme).encoded().write(to: URL(fileURLWithPath: path))
        let store = try ProgrammeStore.open(path: path, officer: "t")
        let id = programme.countries[1].milestones[7].id
        for piece in [1, 7, 64, 4096] {
            let scan = try #require(store.scanLoaded(milestone: id, piece: piece), "piece \(piece)")
            let file = try bytes(path)
            let record = StoreEncoder.encode(try #require(store.programme.milestone(id)), depth: ProgrammeStore.milestoneDepth)
            #expect(Array(file[scan.recordStart..<(scan.recordStart + scan.recordLength)]) == record, "piece \(piece)")
        }
        // Written a few bytes at a time: the whole encoding of the edited document.
        var next = store.document
        try next.programme.apply(.tick(milestone: id, by: "Amina", at: "2026-12-01T09:30:00Z", note: "filed"))
        next.revision += 1
        let scan = try #require(store.scanLoaded(milestone: id, piece: 7))
        let record = StoreEncoder.encode(try #require(next.programme.milestone(id)), depth: ProgrammeStore.milestoneDepth)
        let (written, digest) = store.writeStreamed(scan, revision: next.revision, record: record, piece: 5)
        _ = try written.get()
        #expect(try bytes(path) == next.encoded() && digest == StoreDigest(of: [UInt8](next.encoded())))
        // A milestone unknown, or a file laid out by hand (four spaces): nothing found, the whole read takes it.
        #expect(store.scanLoaded(milestone: "no-such-id") == nil)
        let other = folder.file("hand.json")
        let text = String(decoding: StoreDocument(programme: programme).encoded(), as: UTF8.self).replacingOccurrences(of: "\n  ", with: "\n    ")
        try Data(text.utf8).write(to: URL(fileURLWithPath: other))
        let hand = try ProgrammeStore.open(path: other, officer: "t")
        #expect(hand.scanLoaded(milestone: id) == nil)
        try hand.commit(.moveDue(milestone: id, to: CalendarDate("2031-01"), move: DateMove(by: "Amina", at: "2026-12-01T09:30:00Z")))
        #expect(try StoreDocument.decode(bytes(other), path: other).programme.milestone(id)?.due == CalendarDate("2031-01"))
        // Changed on disk since it was loaded (another program): not the bytes loaded, so not streamed.
        try Data(StoreDocument(revision: 9, programme: programme).encoded()).write(to: URL(fileURLWithPath: path))
        #expect(store.scanLoaded(milestone: id) == nil)
        try store.commit(.untick(milestone: id))
        let after = try StoreDocument.decode(bytes(path), path: path)
        #expect(after.revision == 10 && after.programme.milestone(id)?.done == false)
    }

    /// Text that a JSON writer must escape, or must not.
    static let awkward = ["Approved \"in\" cabinet", "C:\\path\\", "two\nlines\tand a tab", "국가 نوزدهم 🇰🇷", "\u{1}\u{1F}", "/slash/", ""]

    @Test("in place (the command line's and the front's) writes byte for byte what a full save writes: random ticks, unticks, notes and edits on the sample and a generated store")
    func sameBytes() throws {
        let folder = TempFolder()
        let large = folder.file("large.json")
        try StoreDocument(programme: LargeProgramme.make(from: try loadSample(), countries: 12, milestones: 600)).encoded()
            .write(to: URL(fileURLWithPath: large))
        var random = SplitMix(state: 2026)
        var n = 0
        for source in [samplePath, large] {
            let programme = try StoreDocument.decode(try bytes(source), path: source).programme
            let ids = programme.milestoneEntries.map(\.milestone.id)
            for _ in 0..<25 {
                n += 1
                let id = ids.randomElement(using: &random)!
                let m = programme.milestone(id)!
                let text = Self.awkward.randomElement(using: &random)!
                let edit: Edit = switch random.next() % 5 {
                case 4: .moveDue(milestone: id, to: random.next() % 2 == 0 ? CalendarDate(year: 2028, month: 2) : nil,
                                 move: DateMove(by: text.isEmpty ? "officer" : text, at: "2026-12-01T09:30:00Z", reason: text))
                case 0: .tick(milestone: id, by: text.isEmpty ? "officer" : text, at: "2026-12-01T09:30:00Z", note: random.next() % 2 == 0 ? text : nil)
                case 1: .untick(milestone: id)
                case 2: .editMilestone(id: id, title: "Title " + text, due: CalendarDate(year: 2027, month: 3), note: text, evidence: text)
                default: .updateMilestone(Milestone(id: id, title: m.title + text, due: m.due, done: !m.done, doneAt: m.done ? nil : "2026-12-01T09:30:00+09:00",
                                                    doneBy: m.done ? nil : "Ji-woo", note: text, evidence: nil))
                }
                let (result, fast, full) = try bothWays(source, edit, in: folder, n)
                switch result {
                case .saved(let commit, let before, let after):
                    #expect(commit.revision == 2 && before == m && after != m, "\(edit)")
                    #expect(fast == full, "\(edit): the two saves differ")
                case .unchanged:
                    #expect(fast == (try bytes(source)) && full == fast, "\(edit): nothing written either way")
                case .needsFullRead:
                    Issue.record("\(edit) was not taken in place")
                }
            }
        }
    }

    @Test("a file knupp has not verified is checked whole first: edited in place when valid, left to the full save (untouched) when not")
    func unverified() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let cache = VerifiedStores(path: folder.file("cache"))
        let tick = Edit.tick(milestone: "irn-nup-approval", by: "t", at: "2026-12-01T09:30:00Z")
        guard case .saved = try ProgrammeStore.editInPlace(path: path, milestone: "irn-nup-approval", officer: "t", lockWait: 1,
                                                            verified: cache, decide: { _ in tick }) else { Issue.record("not saved"); return }
        #expect(cache.contents().digests.count == 2, "the file as found, and as written")
        // Broken by hand (a list element that is no record): its digest is new, so it is checked, and refused.
        let before = try breakByHand(path)
        var asked = false
        let result = try ProgrammeStore.editInPlace(path: path, milestone: "irn-nup-approval", officer: "t", lockWait: 1, verified: cache) { _ in
            asked = true
            return .untick(milestone: "irn-nup-approval")
        }
        guard case .needsFullRead = result else { Issue.record("\(result)"); return }
        #expect(try !asked && bytes(path) == before)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        #expect(!cache.knows(Array(before)))
    }

    @Test("another officer saves while a new file is checked with the lock released: their save is kept, or, broken, refused")
    func savedMeanwhile() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let cache = VerifiedStores(path: folder.file("cache"))
        let ours = Edit.tick(milestone: "irn-nup-approval", by: "Amina", at: "2026-12-01T09:30:00Z")
        let theirs = Edit.untick(milestone: "moz-nup-draft")
        let result = try ProgrammeStore.editInPlace(path: path, milestone: "irn-nup-approval", officer: "Amina", lockWait: 1, verified: cache,
                                                    whileUnlocked: {
            // Bongani's save, through the whole-store path, lands between the check and the lock.
            guard let other = try? ProgrammeStore.open(path: path, officer: "Bongani") else { Issue.record("cannot open"); return }
            #expect(throws: Never.self) { try other.commit(theirs) }
        }, decide: { _ in ours })
        guard case .saved(let commit, _, _) = result else { Issue.record("\(result)"); return }
        let saved = try StoreDocument.decode(try bytes(path), path: path)
        #expect(commit.revision == 3 && saved.revision == 3, "after theirs (2)")
        #expect(saved.programme.milestone("irn-nup-approval")?.done == true, "ours")
        #expect(saved.programme.milestone("moz-nup-draft")?.done == false, "theirs kept")

        // Broken meanwhile (by hand, a list element that is no record): checked inside the lock, refused, left as it is.
        let second = try folder.copySample(as: "second.json")
        var broken = Data()
        let refused = try ProgrammeStore.editInPlace(path: second, milestone: "irn-nup-approval", officer: "Amina", lockWait: 1,
                                                     verified: VerifiedStores(path: folder.file("fresh-cache")),
                                                     whileUnlocked: { broken = (try? breakByHand(second)) ?? Data() },
                                                     decide: { _ in ours })
        guard case .needsFullRead = refused else { Issue.record("\(refused)"); return }
        #expect(try bytes(second) == broken)
        #expect(!FileManager.default.fileExists(atPath: second + ".lock"))
    }

    @Test("an id that is not exactly a milestone's, an edit of something else, or the largest revision: left to the full save")
    func notTaken() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let cache = VerifiedStores(path: folder.file("cache"))
        cache.remember(Array(try bytes(path)))
        func attempt(_ id: String, _ edit: Edit) throws -> ProgrammeStore.InPlace {
            try ProgrammeStore.editInPlace(path: path, milestone: id, officer: "t", lockWait: 1, verified: cache) { _ in edit }
        }
        // A prefix, a country's id, an event's id: not a milestone's exact id.
        for id in ["irn-nup", "IRN", "irn", "phase-2"] {
            guard case .needsFullRead = try attempt(id, .untick(milestone: id)) else { Issue.record("\(id) taken in place"); continue }
        }
        guard case .needsFullRead = try attempt("irn-nup-approval", .removeMilestone("irn-nup-approval")) else { Issue.record("remove taken"); return }
        let sample = try String(contentsOfFile: path, encoding: .utf8)
        try sample.replacingOccurrences(of: "\"revision\" : 1,", with: "\"revision\" : \(Int.max),").write(toFile: path, atomically: true, encoding: .utf8)
        cache.remember(Array(try bytes(path)))
        guard case .needsFullRead = try attempt("irn-nup-approval", .untick(milestone: "irn-nup-approval")) else { Issue.record("overflow"); return }
    }

    @Test("a hand-formatted file is edited in place where it stands, the rest kept as it was typed")
    func handFormatted() throws {
        let folder = TempFolder()
        let path = folder.file("compact.json")
        // One line, no indentation, an unknown list of objects that holds "milestones" of its own.
        var document = try StoreDocument.decode(try bytes(samplePath), path: samplePath)
        document.programme.unknownFields["templates"] = .array([.object(["milestones": .array([.object(["id": .string("irn-nup-approval")])])])])
        let compact = try JSONSerialization.data(withJSONObject: JSONSerialization.jsonObject(with: document.encoded()), options: [.sortedKeys])
        try compact.write(to: URL(fileURLWithPath: path))
        let cache = VerifiedStores(path: folder.file("cache"))
        cache.remember(Array(compact))
        let tick = Edit.tick(milestone: "irn-nup-approval", by: "Amina", at: "2026-12-01T09:30:00Z")
        let result = try ProgrammeStore.editInPlace(path: path, milestone: "irn-nup-approval", officer: "t", lockWait: 1, verified: cache) { _ in tick }
        guard case .saved(let commit, _, let after) = result else { Issue.record("\(result)"); return }
        #expect(commit.revision == 2 && after.done)
        let saved = try StoreDocument.decode(try bytes(path), path: path)
        var expected = document
        try expected.programme.apply(tick)
        expected.revision = 2
        #expect(saved == expected, "the template's own milestone is left alone; the real one changed")
        #expect(cache.knows(Array(try bytes(path))), "what it wrote is known valid")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        #expect(text.hasPrefix("{\"programme\":{"), "the rest stays compact")
    }

    @Test("the outline finds a milestone only where milestones stand, never in text or in other records")
    func outline() throws {
        func find(_ id: String, _ json: String) -> Range<Int>? {
            Array(json.utf8).withUnsafeBytes { StoreOutline.find(milestone: id, in: $0)?.milestone }
        }
        let head = "{\"schemaVersion\":1,\"revision\":3,\"programme\":{"
        let good = head + "\"countries\":[{\"id\":\"m1\",\"milestones\":[{\"note\":\"\\\"id\\\" : \\\"m1\\\"\",\"id\":\"m1\"}]}]}}"
        let range = try #require(find("m1", good))
        #expect(String(decoding: Array(good.utf8)[range], as: UTF8.self) == "{\"note\":\"\\\"id\\\" : \\\"m1\\\"\",\"id\":\"m1\"}")
        #expect(find("m1", head + "\"events\":[{\"id\":\"m1\",\"milestones\":[{\"id\":\"m1\"}]}]}}") == nil, "an event is not a country")
        // Twice cannot be in a valid store (the check refuses it): the first is the one.
        let twice = head + "\"phases\":[{\"milestones\":[{\"id\":\"m1\"},{\"id\":\"m1\"}]}]}}"
        let first = twice.utf8.count - "{\"id\":\"m1\"},{\"id\":\"m1\"}]}]}}".utf8.count
        #expect(find("m1", twice) == first..<(first + "{\"id\":\"m1\"}".utf8.count))
        // The header after the programme (keys in another order): read on until it is found.
        let late = "{\"programme\":{\"phases\":[{\"milestones\":[{\"id\":\"m1\"}]}]},\"revision\":3,\"schemaVersion\":1}"
        let three = late.utf8.count - "3,\"schemaVersion\":1}".utf8.count
        #expect(Array(late.utf8).withUnsafeBytes { StoreOutline.find(milestone: "m1", in: $0)?.revision } == three..<(three + 1))
        #expect(find("m1", head + "\"phases\":[{\"milestones\":[{\"x\":{\"id\":\"m1\"}}]}]}}") == nil, "inside a milestone's unknown field")
        #expect(find("m1", "{\"schemaVersion\":1,\"programme\":{\"phases\":[{\"milestones\":[{\"id\":\"m1\"}]}]}}") == nil, "no revision")
        #expect(find("m1", head + "\"phases\":[{\"milestones\":[{\"id\":\"m1\"") == nil, "cut short in the record")
        #expect(find("m1", head + "\"phases\":[{\"milestones\":[{\"id\":\"m1\\\\\"}]}]}}") == nil, "an escaped backslash ends the id")
        // An id is matched as it reads, not as it is written: `irn\"x` in the file is the id irn"x,
        // and `caf\u00e9` is café; the escapes typed as they are written name nothing.
        let quoted = head + "\"phases\":[{\"milestones\":[{\"id\":\"irn\\\"x\"},{\"id\":\"caf\\u00e9\"}]}]}}"
        #expect(find("irn\"x", quoted) != nil)
        #expect(find("café", quoted) != nil)
        #expect(find("irn\\\"x", quoted) == nil)
        #expect(find("caf\\u00e9", quoted) == nil)
    }

    @Test("the digest: the same in pieces as whole, and different for a byte changed, added or moved")
    func digest() {
        var random = SplitMix(state: 7)
        for size in [0, 1, 15, 16, 17, 31, 33, 1000, 4099] {
            let bytes = (0..<size).map { _ in UInt8.random(in: 0...255, using: &random) }
            let whole = StoreDigest(of: bytes)
            var builder = StoreDigest.Builder()
            var at = 0
            while at < size {
                let step = Int.random(in: 1...40, using: &random)
                bytes[at..<min(size, at + step)].withUnsafeBytes { builder.add($0) }
                at += step
            }
            #expect(builder.digest == whole && whole.size == size)
            #expect(StoreDigest(Substring(whole.description)) == whole)
            if size > 0 {
                var changed = bytes
                changed[size / 2] ^= 1
                #expect(StoreDigest(of: changed) != whole)
                #expect(StoreDigest(of: bytes + [0]) != whole, "a zero byte added")
            }
        }
        #expect(StoreDigest(of: Array("ab".utf8)) != StoreDigest(of: Array("ba".utf8)))
        // SHA-256 itself: the standard's test vector.
        #expect(StoreDigest(of: Array("abc".utf8)).description == "3-ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test("the cache of verified stores: remembers the newest, is trusted only when private to the officer, ignores a garbled or older file, may be off")
    func cache() throws {
        let folder = TempFolder()
        let cache = VerifiedStores(path: folder.file("deep/knupp/verified-stores"))
        let stores = (0..<40).map { Array("store \($0)".utf8) }
        for s in stores { cache.remember(s) }
        #expect(cache.knows(stores[39]) && cache.knows(stores[8]) && !cache.knows(stores[7]), "the newest 32 kept")
        let path = try #require(cache.path)
        func attributes(_ p: String) throws -> (Int, Int) {
            let a = try FileManager.default.attributesOfItem(atPath: p)
            return ((a[.posixPermissions] as? Int) ?? -1, (a[.ownerAccountID] as? Int) ?? -1)
        }
        #expect(try attributes(path).0 == 0o600 && attributes(AtomicFile.folder(of: path)).0 == 0o700)
        // Others may read it, or write its folder: not trusted.
        chmod(path, 0o644)
        #expect(!cache.knows(stores[39]))
        chmod(path, 0o600)
        #expect(cache.knows(stores[39]))
        chmod(AtomicFile.folder(of: path), 0o777)
        #expect(!cache.knows(stores[39]))
        chmod(AtomicFile.folder(of: path), 0o700)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        // An earlier knupp's cache (keyed digests, another header): not read.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        try (["knupp verified stores 2, rules 2, schema 1", "key " + String(repeating: "1", count: 64)] + lines.dropFirst().map(String.init))
            .joined(separator: "\n").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(!cache.knows(stores[39]))
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        #expect(cache.knows(stores[39]))
        try text.replacingOccurrences(of: "rules \(VerifiedStores.rulesVersion)", with: "rules 0").write(toFile: path, atomically: false, encoding: .utf8)
        #expect(!cache.knows(stores[39]))
        try "garbage\n\u{0}\u{1}".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(!cache.knows(stores[39]))
        cache.remember(stores[0])
        #expect(cache.knows(stores[0]) && cache.contents().digests.count == 1, "a garbled cache is started afresh")
        // A folder where the file should be: nothing trusted, nothing left behind.
        try FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        cache.remember(stores[1])
        #expect(!cache.knows(stores[1]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: AtomicFile.folder(of: path)) == ["verified-stores"])
        for off in ["off", "OFF", "0", "no", "false"] {
            #expect(VerifiedStores.standard(["KNUPP_VERIFIED_CACHE": off, "HOME": "/home/x"]).path == nil)
        }
        #expect(VerifiedStores.standard(["KNUPP_VERIFIED_CACHE": " Off ", "HOME": "/home/x"]).path == nil)
        #expect(VerifiedStores.standard(["KNUPP_VERIFIED_CACHE": "disabled", "HOME": "/home/x"]).path != nil, "not a word for off: stays on")
        #expect(VerifiedStores.standard(["KNUPP_VERIFIED_CACHE": "on", "HOME": "/home/x"]).path != nil)
        #expect(VerifiedStores.standard(["XDG_CACHE_HOME": "/c", "HOME": "/home/x"]).path == "/c/knupp/verified-stores")
        #expect(VerifiedStores.standard(["HOME": "/home/x"]).path == "/home/x/.cache/knupp/verified-stores")
        VerifiedStores.none.remember(stores[0])
        #expect(!VerifiedStores.none.knows(stores[0]))
    }

    @Test("run as root with another user's HOME, knupp makes no folder there", .enabled(if: geteuid() == 0, "needs root to give a folder away"))
    func foreignHome() throws {
        let folder = TempFolder()
        let home = folder.file("alice")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: false)
        chown(home, 65534, 65534)
        let cache = VerifiedStores.standard(["HOME": home])
        cache.remember(Array("a store".utf8))
        #expect(!FileManager.default.fileExists(atPath: home + "/.cache"), "nothing of alice's made root's")
        #expect(!cache.knows(Array("a store".utf8)))
    }

    @Test("a file read with its digest: the digest of the very bytes read, taken beside the read for a large file (pieces cut anywhere) or after it for a small one")
    func readDigested() throws {
        let folder = TempFolder()
        var random = SplitMix(state: 19)
        // Just under and over the size from which the digest is taken beside the read, and a
        // size that ends mid-piece.
        for size in [0, 1000, StoreDigest.besideFrom - 1, StoreDigest.besideFrom + 1, StoreDigest.besideFrom + DigestBehind.piece * 2 + 12_345] {
            let path = folder.file("file-\(size)")
            var bytes = [UInt8](repeating: 0, count: size)
            for i in stride(from: 0, to: size, by: 8) { bytes[i] = UInt8(truncatingIfNeeded: random.next()) }
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let read = try AtomicFile.readDigested(path)
            #expect(read.bytes == bytes, "size \(size): the bytes differ")
            #expect(read.digest == StoreDigest(of: bytes), "size \(size): the digest is not the bytes'")
            #expect(read.identity == (try AtomicFile.readVersion(path)).identity)
        }
    }

    @Test("a spliced write gives the digest of the very bytes written, taken beside the write (a large store's way) or after it")
    func splicedDigest() throws {
        let folder = TempFolder()
        for beside in [0, Int.max] {
            let path = try folder.copySample(as: "spliced-\(beside).json")
            let (data, identity) = try AtomicFile.readVersion(path)
            let outline = try #require(data.withUnsafeBytes { StoreOutline.find(milestone: "irn-nup-approval", in: $0) })
            var m = try #require(StoreDecoder.milestone(Array(data[outline.milestone])))
            m.done.toggle()
            let record = try ProgrammeStore.record(m, depth: outline.depth, path: path)
            let (written, digest) = ProgrammeStore.writeSpliced(data, outline: outline, revision: 7, record: record, to: path,
                                                                replacing: identity, digestBeside: beside)
            _ = try written.get()
            let onDisk = Array(try bytes(path))
            #expect(digest == StoreDigest(of: onDisk), "beside \(beside): the digest is not the file's")
            let reread = try StoreDocument.decode(bytes: onDisk, path: path)
            #expect(onDisk != data && reread.revision == 7 && reread.programme.milestone("irn-nup-approval")?.done == m.done)
        }
    }

    @Test("opening a store notes its digest; a save notes the new file's")
    func remembered() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let cache = VerifiedStores(path: folder.file("cache"))
        let store = try ProgrammeStore.open(path: path, officer: "t", verified: cache)
        #expect(cache.knows(Array(try bytes(path))))
        try store.commit(.untick(milestone: "irn-nup-approval"))
        #expect(cache.knows(Array(try bytes(path))))
        let broken = folder.file("broken.json")
        try Data("{\"schemaVersion\": 1}".utf8).write(to: URL(fileURLWithPath: broken))
        #expect(throws: StoreError.self) { try ProgrammeStore.open(path: broken, officer: "t", verified: cache) }
        #expect(!cache.knows(Array(try bytes(broken))), "a file that failed to load is not vouched for")
        // Bytes the cache vouches for are read without the rule checks that passed before: here a
        // repeated country id, planted under a digest the cache already holds, is not looked for
        // again; the same bytes unknown to the cache are refused.
        let planted = folder.file("planted.json")
        let text = try String(contentsOfFile: samplePath, encoding: .utf8).replacingOccurrences(of: "\"id\" : \"MMR\"", with: "\"id\" : \"IRN\"")
        try text.write(toFile: planted, atomically: true, encoding: .utf8)
        #expect(throws: StoreError.self) { try ProgrammeStore.open(path: planted, officer: "t", verified: cache) }
        cache.remember(Array(try bytes(planted)))
        #expect(try ProgrammeStore.open(path: planted, officer: "t", verified: cache).programme.countries.filter { $0.id == "IRN" }.count == 2)
        #expect(throws: StoreError.self) { try ProgrammeStore.open(path: planted, officer: "t", verified: .none) }
    }
}
