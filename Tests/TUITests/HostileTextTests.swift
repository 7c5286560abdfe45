import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation

/// Text that is valid JSON but made to hang knupp or to reach the terminal raw.
@Suite("Hostile text: in proportion to the file, never raw on the terminal")
struct HostileTextTests {
    let folder = TempFolder()

    @Test("a note of 320,000 escapes (and \\u ones, and a surrogate pair) reads back exactly; validate takes it")
    func manyEscapes() throws {
        var document = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: samplePath)), path: samplePath)
        try document.programme.apply(.editMilestone(id: "moz-nup-draft", title: "Draft of Mozambique National Urban Policy", due: nil, note: "PLACEHOLDER", evidence: nil))
        let escaped = String(repeating: "\\n", count: 320_000) + String(repeating: "\\u00e9\\t", count: 10_000) + "\\ud83d\\ude00\\\"end"
        let text = String(decoding: document.encoded(), as: UTF8.self).replacingOccurrences(of: "PLACEHOLDER", with: escaped)
        let path = folder.file("escapes.json")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let note = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path).programme.milestone("moz-nup-draft")?.note
        let expected = String(repeating: "\n", count: 320_000) + String(repeating: "é\t", count: 10_000) + "😀\"end"
        #expect(note == expected, "the note read back differs (\(note?.count ?? 0) characters)")
        let result = try knupp("validate", path)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("a word of 100,000 emoji wraps into lines of the width, every cluster kept in order", arguments: [1, 2, 37, 80])
    func longWord(width: Int) throws {
        let word = String(repeating: "😀", count: 100_000)
        let lines = ("start " + word + " end").wrapped(to: width)
        #expect(lines.allSatisfy { $0.displayWidth <= max(width, 2) })
        #expect(lines.joined().filter { $0 == "😀" }.count == 100_000)
        #expect(lines.joined().hasPrefix("start") && lines.joined().hasSuffix("end"))
    }

    @Test("invisible and direction-changing characters are replaced by property; joiners and variation selectors stay",
          arguments: [0x061C, 0x206A, 0x206F, 0xE0001, 0xE0041, 0xE007F, 0x00AD, 0x3164, 0x115F, 0x180E, 0xFFF9, 0xFFFB,
                      0x2028, 0x2029, 0x202E, 0x2066, 0x200B, 0xFEFF, 0x0085, 0x1B] as [UInt32])
    func invisible(code: UInt32) throws {
        let scalar = try #require(Unicode.Scalar(code))
        let text = "Iran" + String(Character(scalar)) + "NUP"
        #expect(!text.clean.unicodeScalars.contains(scalar), "U+\(String(code, radix: 16, uppercase: true)) reached the terminal")
        #expect(text.clean.hasPrefix("Iran") && text.clean.hasSuffix("NUP"))
    }

    @Test("what text needs is kept: zero-width (non-)joiners, variation selectors, Hangul, Persian, emoji sequences")
    func kept() {
        for text in ["می\u{200C}خواهم", "👨\u{200D}👩\u{200D}👧", "❤\u{FE0F}", "국가 도시정책", "Café", "ᠠ\u{180B}"] {
            #expect(text.clean == text, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }


    @Test("the blocks answered without a look at properties hold nothing the rule by property would replace")
    func plainBlocks() {
        for block in String.plainBlocks {
            for code in block {
                guard let scalar = Unicode.Scalar(code) else { continue }
                let p = scalar.properties
                let replaced = [.format, .lineSeparator, .paragraphSeparator].contains(p.generalCategory)
                    || p.isBidiControl || p.isDefaultIgnorableCodePoint
                #expect(!replaced, "U+\(String(code, radix: 16, uppercase: true)) must be looked at, not passed by its block")
            }
        }
        // And the soft hyphen between two of them still is.
        #expect(String.needsReplacing("\u{00AD}"))
    }
    @Test("ArgumentParser's own usage errors pass the sanitiser: no escape, bell or bidirectional control on stderr")
    func usageErrors() throws {
        for arguments in [["milestones", "--status", "\u{1B}]0;x\u{07}"], ["milestones", "--\u{202E}bogus"],
                          ["\u{1B}[2Jcountries\u{08}"], ["countries", "--store"]] {
            let result = try run(knuppBinary, arguments)
            #expect(result.status == 64, "\(arguments): \(result.status)")
            #expect(!result.stderr.isEmpty)
            let bad = result.stderr.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || $0.value == 0x7F || $0.properties.isBidiControl }
            #expect(bad.isEmpty, "\(arguments): \(result.stderr.debugDescription)")
        }
    }

    @Test("knupp --help and the completion script into a pipe that closes early end quietly (status 0, not 141)")
    func closedPipe() throws {
        for command in ["--help", "--generate-completion-script bash", "countries --help"] {
            let result = try run("/bin/bash", ["-c", "set -o pipefail; \"$0\" \(command) | true; echo \"status ${PIPESTATUS[0]}\"", knuppBinary])
            #expect(result.stdout.contains("status 0"), "\(command): \(result.stdout)\(result.stderr)")
        }
    }

    @Test("an id with a quote or a \\u escape in the file is ticked by what it says, the same in place as by the full path")
    func idWithEscapes() throws {
        var document = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: samplePath)), path: samplePath)
        try document.programme.apply(.addMilestone(Milestone(id: "irn\"x", title: "Quoted"), to: .country("IRN"), at: nil))
        try document.programme.apply(.addMilestone(Milestone(id: "café", title: "Accented"), to: .country("IRN"), at: nil))
        // As a hand edit might write it: é as an escape.
        let text = String(decoding: document.encoded(), as: UTF8.self).replacingOccurrences(of: "\"café\"", with: "\"caf\\u00e9\"")
        let path = folder.file("escaped-ids.json")
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        #expect(try knupp("validate", path).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // The escape as it is written in the file is not the id: refused as the full path refuses it.
        for written in ["irn\\\"x", "caf\\u00e9"] {
            let refused = try knupp("tick", written, "--store", path, "--officer", "Amina")
            #expect(refused.status == 3 && refused.stderr.contains("No milestone"), "\(written): \(refused.status) \(refused.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(written) changed the file")
        }
        for id in ["irn\"x", "café"] {
            let ticked = try knupp("tick", id, "--store", path, "--officer", "Amina")
            #expect(ticked.status == 0, "\(id): \(ticked.stderr)")
            let saved = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
            #expect(saved.programme.milestone(id)?.done == true, "\(id) not ticked")
        }
    }
}
