import Foundation
import Testing
@testable import Model
import Generator
import TestSupport

/// Programs that write the store without knupp's lock (an editor, `git pull`, a sync client):
/// a file they rename over the store while knupp saves is never overwritten.
@Suite("Outside writers: a file renamed over the store while knupp saves is kept")
struct OutsideWriterTests {
    let folder = TempFolder()

    func document(_ path: String) throws -> StoreDocument {
        try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
    }

    /// What a careful outside writer does: reads the file, adds a top-level key of its own
    /// (knupp keeps keys it does not know), and swaps its file in only while the store is still
    /// what it read, else starts again. It takes no lock.
    static func outsideEdit(_ path: String, key: String) throws {
        while true {
            let (bytes, identity) = try AtomicFile.readVersion(path)
            var text = String(decoding: bytes, as: UTF8.self)
            guard let brace = text.firstIndex(of: "{") else { return }
            text.insert(contentsOf: "\n  \"\(key)\" : true,", at: text.index(after: brace))
            do {
                try AtomicFile.write(Data(text.utf8), to: path, replacing: identity)
                return
            } catch .changedOnDisk {
                continue
            }
        }
    }

    @Test("another program's rename lands between a save's last check and its swap: theirs is kept and the edit is applied on top (whole save and edit in place)")
    func renameInTheWindow() throws {
        let path = try folder.copySample()
        let store = try ProgrammeStore.open(path: path, officer: "Amina")
        let landed = Counter()
        try AtomicFile.$afterCheck.withValue({
            guard landed.next() == 0 else { return }
            try? OutsideWriterTests.outsideEdit(path, key: "outside-1")
        }) {
            let commit = try store.commit(.tick(milestone: "irn-nup-approval", by: "Amina", at: "2026-11-28T09:00:00Z"))
            #expect(commit.reloaded)
        }
        var saved = try document(path)
        #expect(saved.unknownFields["outside-1"] == .bool(true))
        #expect(saved.programme.milestone("irn-nup-approval")?.doneBy == "Amina")
        // The command line's edit in place, the same way.
        let landedAgain = Counter()
        _ = try AtomicFile.$afterCheck.withValue({
            guard landedAgain.next() == 0 else { return }
            try? OutsideWriterTests.outsideEdit(path, key: "outside-2")
        }) {
            try ProgrammeStore.editInPlace(path: path, milestone: "phase-2-completion", officer: "Bongani", lockWait: 5,
                                           verified: .none) { _ in .tick(milestone: "phase-2-completion", by: "Bongani", at: "2026-11-28T10:00:00Z") }
        }
        saved = try document(path)
        #expect(saved.unknownFields["outside-1"] == .bool(true) && saved.unknownFields["outside-2"] == .bool(true))
        #expect(saved.programme.milestone("irn-nup-approval")?.doneBy == "Amina")
        #expect(saved.programme.milestone("phase-2-completion")?.doneBy == "Bongani")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("tmp") || $0.contains("displaced") }.isEmpty)
    }

    @Test("an outside writer renaming every 10 ms while four command-line writers tick: every outside edit and every tick is there at the end (a tick the outsider beat is refused, never written over it, and tried again)")
    func stress() throws {
        var programme = try loadSample()
        programme = LargeProgramme.make(from: programme, countries: 4, milestones: 200, seed: 7)
        let open = programme.milestoneEntries.map(\.milestone).filter { !$0.done }.map(\.id)
        let path = folder.file("programme.json")
        try StoreDocument(revision: 1, programme: programme).encoded().write(to: URL(fileURLWithPath: path))
        let writers = 4, ticksEach = 4
        #expect(open.count >= writers * ticksEach)
        let done = Counter()
        let outside = Counter()
        // At most 150 edits (a second and a half at full speed): an outsider that kept going for as
        // long as the writers take would grow the file, and so each save's check, without end.
        let outsider = Thread {
            while done.value < writers && outside.value < 150 {
                let n = outside.next()
                try? OutsideWriterTests.outsideEdit(path, key: "outside-\(n)")
                usleep(10_000)
            }
        }
        outsider.start()
        let failures = Failures()
        let group = DispatchGroup()
        for w in 0..<writers {
            group.enter()
            Thread {
                for t in 0..<ticksEach {
                    let id = open[w * ticksEach + t]
                    // What is tested is that nothing is lost, not how long a save waits: on a
                    // loaded machine four writers and the outsider may keep the lock busy for a
                    // while. A tick the outsider kept beating is refused, saying so (exit 5, the
                    // file "not overwritten"); a script tries it again, and so does this writer.
                    for attempt in 1...20 {
                        let result = try? run(knuppBinary, ["tick", id, "--store", path, "--officer", "writer-\(w)"],
                                              environment: ["KNUPP_LOCK_WAIT": "300"], timeout: 300)
                        if result?.status == 0 { break }
                        if result?.status == 5, result?.stderr.contains("it was not overwritten") == true, attempt < 20 { continue }
                        failures.add("\(id): \(result?.stderr ?? "did not run")")
                        break
                    }
                }
                _ = done.next()
                group.leave()
            }.start()
        }
        group.wait()
        while !outsider.isFinished { usleep(10_000) }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let saved = try document(path)
        for n in 0..<outside.value {
            #expect(saved.unknownFields["outside-\(n)"] == .bool(true), "outside edit \(n) of \(outside.value) lost")
        }
        for w in 0..<writers {
            for t in 0..<ticksEach {
                #expect(saved.programme.milestone(open[w * ticksEach + t])?.doneBy == "writer-\(w)")
            }
        }
        #expect(outside.value > 5, "the outside writer ran while they ticked")
    }
}

/// A counter threads share.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.withLock { count } }
    /// The value before this call.
    func next() -> Int { lock.withLock { count += 1; return count - 1 } }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    var all: [String] { lock.withLock { list } }
    func add(_ text: String) { lock.withLock { list.append(text) } }
}
