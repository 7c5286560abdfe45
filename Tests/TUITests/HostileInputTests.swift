import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation

/// Hostile files, hostile text, full disks and odd paths, on the built binary: every case is
/// refused with a message and its own exit status, never a crash (exit 132) or a raw escape.
@Suite("Never crash, never mislead")
struct HostileInputTests {
    let folder = TempFolder()

    /// The sample with `replace` applied to its text, as a store file.
    func store(replacing old: String, with new: String) throws -> String {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: samplePath)), as: UTF8.self)
        #expect(text.contains(old), "the sample has \(old)")
        let path = folder.file("hostile-\(UUID().uuidString.prefix(6)).json")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("list elements that are null, numbers or text: validate and every command refuse (exit 4), never crash",
          arguments: ["goals", "phases", "countries", "events", "publications", "contacts", "partners"])
    func badElements(list: String) throws {
        for bad in ["null", "42", "\"text\""] {
            let path = try store(replacing: "\"\(list)\" : [\n", with: "\"\(list)\" : [\n      \(bad),\n")
            let before = try Data(contentsOf: URL(fileURLWithPath: path))
            for command in [["validate", path], ["countries", "--store", path], ["tick", "irn-nup-approval", "--store", path]] {
                let result = try knupp(command)
                #expect(result.status == 4, "\(list) \(bad) \(command): \(result.status) \(result.stderr)")
                #expect(result.stderr.contains("programme.\(list)[0]"))
            }
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        }
    }

    @Test("numbers that do not fit or cannot be: refused by validate and by every command, with the field",
          arguments: [("\"peopleReached\" : 200000", "\"peopleReached\" : -9223372036854775808", "peopleReached"),
                      ("\"peopleReached\" : 200000", "\"peopleReached\" : 9223372036854775807", "peopleReached"),
                      ("\"peopleReached\" : 200000", "\"peopleReached\" : -5", "peopleReached"),
                      ("\"participants\" : 63", "\"participants\" : -1", "participants"),
                      ("\"phase\" : 1,", "\"phase\" : 3,", "phase"),
                      ("\"phase\" : 1,", "\"phase\" : 9223372036854775807,", "phase"),
                      ("\"revision\" : 1,", "\"revision\" : 0,", "revision"),
                      ("\"schemaVersion\" : 1,", "\"schemaVersion\" : -1,", "schemaVersion"),
                      ("\"id\" : \"MMR\"", "\"id\" : \"irn\"", "irn")])
    func badNumbers(old: String, new: String, field: String) throws {
        let path = try store(replacing: old, with: new)
        for command in [["validate", path], ["show", "IRN", "--store", path], ["report", "--store", path]] {
            let result = try knupp(command)
            #expect(result.status == 4, "\(new) \(command): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains(field))
        }
    }

    @Test("a tick moment that is not a moment is refused with its field", arguments: ["99999-01-01", "２０２６-11-28T10:00:00Z", "yesterday"])
    func badMoment(moment: String) throws {
        var document = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: samplePath)), path: samplePath)
        try document.programme.apply(.tick(milestone: "irn-nup-approval", by: "x", at: moment))
        let path = folder.file("moment.json")
        try document.encoded().write(to: URL(fileURLWithPath: path))
        let result = try knupp("validate", path)
        #expect(result.status == 4 && result.stderr.contains("doneAt") && result.stderr.contains("is not a moment"))
    }

    @Test("the largest revision: refused where it is read (exit 4, its line), never a crash; one below it: a tick is refused (exit 5); the file stays")
    func largestRevision() throws {
        let path = try store(replacing: "\"revision\" : 1,", with: "\"revision\" : 9223372036854775807,")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try knupp("tick", "irn-nup-approval", "--store", path)
        #expect(result.status == 4 && result.stderr.contains("largest") && result.stderr.contains(":3:"), "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        let below = try store(replacing: "\"revision\" : 1,", with: "\"revision\" : 9223372036854775806,")
        let kept = try Data(contentsOf: URL(fileURLWithPath: below))
        let refused = try knupp("tick", "irn-nup-approval", "--store", below)
        #expect(refused.status == 5 && refused.stderr.contains("largest"), "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: below)) == kept)
    }

    @Test("output that cannot be written (a full disk, a closed descriptor): exit 1 with a message, no crash, the tick saved")
    func unwritableOutput() throws {
        let path = try folder.copySample()
        let full = try run("/bin/sh", ["-c", "exec \"$0\" countries --store \"$1\" > /dev/full", knuppBinary, path])
        #expect(full.status == 1 && full.stderr.contains("could not write the output"), "\(full.status) \(full.stderr)")
        let closed = try run("/bin/sh", ["-c", "exec \"$0\" tick irn-nup-approval --store \"$1\" >&-", knuppBinary, path])
        #expect(closed.status == 1, "\(closed.status) \(closed.stderr)")
        let saved = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        #expect(saved.programme.milestone("irn-nup-approval")?.done == true)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        let piped = try run("/bin/sh", ["-c", "\"$0\" milestones --store \"$1\" | head -c 10 >/dev/null; echo ${PIPESTATUS:-0}", knuppBinary, path])
        #expect(!piped.stderr.contains("Fatal"), "a closed pipe ends quietly")
        // The JSON report goes out in pieces as it is made: the same endings for a full disk and a closed pipe.
        let report = try run("/bin/sh", ["-c", "exec \"$0\" report --format json --store \"$1\" > /dev/full", knuppBinary, path])
        #expect(report.status == 1 && report.stderr.contains("could not write the output"), "\(report.status) \(report.stderr)")
        let reportPiped = try run("/bin/bash", ["-c", "\"$0\" report --format json --store \"$1\" | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}",
                                                knuppBinary, path])
        #expect(reportPiped.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0" && reportPiped.stderr.isEmpty,
                "\(reportPiped.stdout) \(reportPiped.stderr)")
    }

    @Test("hostile text from a lock file, an argument or the record never reaches the terminal raw")
    func hostileText() throws {
        let path = try folder.copySample()
        let owner = LockOwner(user: "\u{1B}]0;pwned\u{07}mallory\u{202E}", host: "evil-host", pid: 1, since: "2026-11-28T08:00:00Z")
        try JSONEncoder().encode(owner).write(to: URL(fileURLWithPath: path + ".lock"))
        let locked = try knupp("tick", "irn-nup-approval", "--store", path, environment: ["KNUPP_LOCK_WAIT": "0.1"])
        #expect(locked.status == 5 && locked.stderr.contains("mallory"))
        #expect(!locked.stderr.contains("\u{1B}") && !locked.stderr.contains("\u{07}") && !locked.stderr.contains("\u{202E}"))
        try FileManager.default.removeItem(atPath: path + ".lock")
        let id = try knupp("tick", "\u{1B}[2Jgone\u{202E}", "--store", path)
        #expect(id.status == 3 && !id.stderr.contains("\u{1B}") && !id.stderr.contains("\u{202E}"))
        let spoof = try store(replacing: "\"name\" : \"Iran\"", with: "\"name\" : \"Ir\\u202ean\\u200b\\u2066\"")
        let shown = try knupp("show", "IRN", "--store", spoof)
        #expect(shown.status == 0 && shown.stdout.contains("Ir\u{FFFD}an"))
        #expect(!shown.stdout.unicodeScalars.contains { [0x202E, 0x200B, 0x2066].contains($0.value) })
        let json = try knupp("countries", "--json", "--store", try store(replacing: "\"name\" : \"Iran\"", with: "\"name\" : \"Ir\\u0085an\\u007f\""))
        #expect(json.stdout.contains("Ir\\u0085an\\u007f"), "C1 and DEL escaped in JSON")
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil, "still valid JSON")
    }

    @Test("CSV cells that a spreadsheet would run are neutralised with a quote")
    func csvFormulas() {
        #expect(CSVReport.field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"")
        for cell in ["+1", "-2+3", "-A1", "@SUM(A1)", "\tx"] { #expect(CSVReport.field(cell).hasPrefix("'"), "\(cell)") }
        // A negative number alone is a number, not a formula: a spreadsheet adds it up.
        #expect(CSVReport.field("-2") == "-2")
        #expect(CSVReport.field("Plain text") == "Plain text")
        #expect(CSVReport.field("2026-11-28") == "2026-11-28")
    }

    @Test("a folder, a pipe, a device, an empty --store: each its own message and status")
    func oddPaths() throws {
        let dir = folder.file("a-folder")
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let asFolder = try knupp("countries", "--store", dir)
        #expect(asFolder.status == 4 && asFolder.stderr.contains("is a folder"))
        let fifo = folder.file("a-pipe")
        mkfifo(fifo, 0o644)
        let asPipe = try knupp("countries", "--store", fifo)
        #expect(asPipe.status == 4 && asPipe.stderr.contains("not a regular file"))
        let asDevice = try knupp("countries", "--store", "/dev/null")
        #expect(asDevice.status == 4 && asDevice.stderr.contains("not a regular file"))
        let empty = try knupp("countries", "--store", "")
        #expect(empty.status == 64 && empty.stderr.contains("--store needs a path"))
        let missing = try knupp("countries", "--store", folder.file("nowhere/programme.json"))
        #expect(missing.status == 4 && missing.stderr.contains("no such file"))
    }

    @Test("a read-only folder: the store opens read-only and a tick says why (exit 5)", .enabled(if: getuid() != 0, "root may write anything"))
    func readOnlyFolder() throws {
        let path = try folder.copySample()
        chmod(folder.path, 0o555)
        defer { chmod(folder.path, 0o755) }
        let result = try knupp("tick", "irn-nup-approval", "--store", path)
        #expect(result.status == 5 && result.stderr.contains("folder"))
    }
}

/// Runs the built knupp with an argument list.
func knupp(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
    try run(knuppBinary, arguments, environment: environment)
}
