import Foundation
import Testing
@testable import Model
import TestSupport
import Presentation

/// Every way a store file can be wrong, with the message an officer needs, and the file untouched.
@Suite("Store: load errors")
struct StoreLoadTests {
    /// Opens a copy of a fixture for writing, expects a failure, and checks the file was not changed.
    func failure(_ name: String) throws -> StoreError {
        let folder = TempFolder()
        let path = try folder.copy(fixture(name), as: name)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var caught: StoreError?
        do {
            _ = try ProgrammeStore.open(path: path, officer: "tester")
        } catch {
            caught = error
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(name) was modified")
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"), "a failed open left a lock")
        return try #require(caught, "\(name) opened without an error")
    }

    @Test("an empty file is reported as empty, with what to do")
    func empty() throws {
        let error = try failure("empty.json")
        guard case .empty = error else { Issue.record("got \(error)"); return }
        #expect(StoreErrorText.message(error).contains("empty.json: the file is empty"))
        #expect(StoreErrorText.message(error).contains("git checkout"))
    }

    @Test("a file of zero bytes is reported as damaged")
    func nul() throws {
        let error = try failure("nul-bytes.json")
        guard case .damaged(_, let reason, _) = error else { Issue.record("got \(error)"); return }
        #expect(reason.contains("zero bytes"))
    }

    @Test("one zero byte inside the text, and a byte-order mark at the start, are each named for what they are")
    func strayBytes() throws {
        let sample = Array(try Data(contentsOf: URL(fileURLWithPath: samplePath)))
        var withNul = sample
        withNul[200] = 0
        var caught: StoreError?
        do { _ = try StoreDocument.decode(bytes: withNul, path: "x.json") } catch { caught = error }
        guard case .damaged(_, let reason, let position)? = caught else { Issue.record("got \(String(describing: caught))"); return }
        #expect(reason.contains("a zero byte here") && !reason.contains("from here on") && position == TextPosition(offset: 200, in: withNul))
        do { _ = try StoreDocument.decode(bytes: [0xEF, 0xBB, 0xBF] + sample, path: "x.json"); Issue.record("a BOM was read") } catch {
            #expect(StoreErrorText.message(error).contains("byte-order mark"))
        }
    }

    @Test("a file longer than its size said when it was opened (one still being written, or /proc) is read whole")
    func grewWhileRead() throws {
        // The kernel gives /proc files a size of 0: every byte is past what stat said.
        let bytes = try AtomicFile.readBytes("/proc/self/maps")
        #expect(bytes.count > 100)
        #expect(String(decoding: bytes, as: UTF8.self).contains("\n"))
        let sample = try AtomicFile.readBytes(samplePath)
        #expect(sample == Array(try Data(contentsOf: URL(fileURLWithPath: samplePath))), "and an ordinary file exactly")
    }

    @Test("a truncated file names the line and column where it ends")
    func truncated() throws {
        let error = try failure("truncated.json")
        guard case .malformed(_, let message, let position) = error else { Issue.record("got \(error)"); return }
        let lines = try String(contentsOfFile: fixture("truncated.json"), encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(message.contains("ends") || message.contains("never closed"))
        #expect(position.line >= lines.count - 1)
        #expect(StoreErrorText.message(error).contains("truncated.json:\(position.line):\(position.column)"))
    }

    @Test("trailing garbage is found at its line and column, and the line is shown")
    func trailing() throws {
        let error = try failure("trailing-garbage.json")
        guard case .malformed(_, let message, let position) = error else { Issue.record("got \(error)"); return }
        let lineCount = try String(contentsOfFile: samplePath, encoding: .utf8).split(separator: "\n").count
        #expect(message.contains("after the end"))
        #expect(position.line == lineCount + 1 && position.column == 1)
        #expect(StoreErrorText.message(error).contains("oops"))
        #expect(StoreErrorText.message(error).contains("^"))
    }

    @Test("half of a surrogate pair is refused at its place; a whole pair reads as its character")
    func surrogates() throws {
        let sample = try String(contentsOfFile: samplePath, encoding: .utf8)
        for (half, says) in [("\\ud800", "without its other half"), ("\\udc00", "second half"), ("\\ud800\\u0041", "without its other half")] {
            let text = sample.replacingOccurrences(of: "\"name\" : \"Iran\"", with: "\"name\" : \"Ir\(half)an\"")
            do {
                _ = try StoreDocument.decode(Data(text.utf8), path: "x.json")
                Issue.record("\(half) was read")
            } catch {
                let message = StoreErrorText.message(error)
                #expect(message.contains(says) && message.contains("x.json:"), "\(message)")
            }
        }
        let pair = sample.replacingOccurrences(of: "\"name\" : \"Iran\"", with: "\"name\" : \"Iran \\ud83c\\udf06\"")
        let document = try StoreDocument.decode(Data(pair.utf8), path: "x.json")
        #expect(document.programme.country("IRN")?.name == "Iran 🌆")
    }

    @Test("git conflict markers are recognised and the fix is explained")
    func conflict() throws {
        let error = try failure("conflict-markers.json")
        guard case .mergeConflict(_, let position) = error else { Issue.record("got \(error)"); return }
        #expect(position.lineText.hasPrefix("<<<<<<<"))
        #expect(StoreErrorText.message(error).contains("Resolve the conflict"))
    }

    @Test("a wrong type names the field path")
    func wrongType() throws {
        let error = try failure("wrong-type.json")
        guard case .invalid(_, let field, let message, let position) = error else { Issue.record("got \(error)"); return }
        #expect(field == "programme.countries[0].phase")
        #expect(message == "expected a number")
        #expect(position?.lineText.contains("\"phase\" : \"one\"") == true)
        #expect(StoreErrorText.message(error).contains("wrong-type.json:\(position?.line ?? 0):"))
    }

    @Test("a missing field names the field path")
    func missingField() throws {
        let error = try failure("missing-field.json")
        guard case .invalid(_, let field, let message, let position) = error else { Issue.record("got \(error)"); return }
        #expect(field == "programme.phases[0].milestones[6].title")
        #expect(message == "missing")
        #expect(position != nil) // the milestone that lacks it
    }

    @Test("an impossible date names the field and the expected form")
    func badDate() throws {
        let error = try failure("bad-date.json")
        guard case .invalid(_, let field, let message, let position) = error else { Issue.record("got \(error)"); return }
        #expect(field.hasSuffix(".due"))
        #expect(message.contains("YYYY-MM-DD"))
        #expect(position?.lineText.contains("2026-13") == true)
    }

    @Test("a duplicate id is refused, pointing at its second use")
    func duplicate() throws {
        let error = try failure("duplicate-id.json")
        guard case .duplicateID(_, let kind, let id, let position) = error else { Issue.record("got \(error)"); return }
        #expect(kind == "country" && id == "IRN")
        #expect(position?.line == 58)
    }

    @Test("a file from a newer schema opens read-only and cannot be saved")
    func newerSchema() throws {
        let folder = TempFolder()
        let path = try folder.copy(fixture("newer-schema.json"), as: "newer.json")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let store = try ProgrammeStore.open(path: path, officer: "tester")
        #expect(store.isReadOnly)
        #expect(store.readOnlyReason?.contains("newer knupp") == true)
        #expect(throws: StoreError.self) { try store.commit(.untick(milestone: "moz-nup-draft")) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a file that is not UTF-8 (say, saved as Latin-1) is damaged, at the first bad byte")
    func notUTF8() throws {
        var bytes = Array("{\n  \"name\" : \"Bogot".utf8)
        bytes.append(0xE1) // "á" in Latin-1
        bytes += Array("\"\n}\n".utf8)
        do {
            _ = try StoreDocument.decode(Data(bytes), path: "latin1.json")
            Issue.record("decoded")
        } catch {
            guard case .damaged(_, let reason, let position) = error else { Issue.record("got \(error)"); return }
            #expect(reason.contains("not UTF-8"))
            #expect(position?.line == 2 && position?.column == 18)
        }
    }

    @Test("a missing store says how to create one")
    func notFound() throws {
        let folder = TempFolder()
        #expect(throws: StoreError.notFound(path: folder.file("none.json"))) {
            try ProgrammeStore.open(path: folder.file("none.json"), officer: "t")
        }
    }

    @Test("line and column are counted in characters, not bytes")
    func positions() {
        let bytes = Array("{\n  \"näme\" : x\n}".utf8)
        let failure = JSONSyntaxChecker.check(bytes)
        let position = TextPosition(offset: failure?.offset ?? 0, in: bytes)
        #expect(position.line == 2 && position.column == 12)
        #expect(position.lineText == "  \"näme\" : x")
    }

    @Test("the syntax checker accepts what JSON allows and refuses what it does not", arguments: [
        ("{}", true), ("[1, -2.5e3, true, false, null, \"a\\u00e9\\n\"]", true), ("{\"a\":{\"b\":[]}}", true),
        ("{\"a\":1,}", false), ("[01]", false), ("{'a':1}", false), ("[1 2]", false), ("\"tab\there\"", false),
        ("[\"\\x\"]", false), ("{\"a\" 1}", false), ("", false), ("nul", false),
    ])
    func syntax(text: String, valid: Bool) {
        #expect((JSONSyntaxChecker.check(Array(text.utf8)) == nil) == valid)
    }
}

@Suite("Store: validate reports every problem")
struct ValidateTests {
    @Test("each bad record is reported with its own path and line, in the file's order; a valid file has none")
    func everyProblem() throws {
        var text = try String(contentsOfFile: samplePath, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"phase\" : 1,", with: "\"phase\" : \"one\",", options: [], range: text.range(of: "\"phase\" : 1,"))
        text = text.replacingOccurrences(of: "\"title\" : \"Successful Phase 1 evaluation\"", with: "\"titel\" : \"x\"")
        text = text.replacingOccurrences(of: "\"date\" : \"2023-06-08\"", with: "\"date\" : \"8/6/2023\"")
        let problems = StoreDocument.problems(in: Data(text.utf8), path: "p.json")
        let fields = problems.compactMap { if case .invalid(_, let field, _, let position) = $0, position != nil { field } else { nil } }
        #expect(fields == ["programme.countries[0].phase", "programme.events[1].date", "programme.phases[0].milestones[6].title"])
        let lines = problems.compactMap { if case .invalid(_, _, _, let position?) = $0 { position.line } else { nil } }
        #expect(lines == lines.sorted(), "top to bottom, as an officer fixes them")
        #expect(StoreDocument.problems(in: try Data(contentsOf: URL(fileURLWithPath: samplePath)), path: samplePath).isEmpty)
    }

    @Test("every duplicate id is reported, not only the first")
    func everyDuplicate() throws {
        var text = try String(contentsOfFile: samplePath, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"id\" : \"AZE\"", with: "\"id\" : \"KHM\"")
        text = text.replacingOccurrences(of: "\"id\" : \"phase-2-tools\"", with: "\"id\" : \"phase-2-launched\"")
        let problems = StoreDocument.problems(in: Data(text.utf8), path: "p.json")
        let ids = problems.compactMap { if case .duplicateID(_, _, let id, let position) = $0, position != nil { id } else { nil } }
        #expect(ids == ["KHM", "phase-2-launched"])
    }

    @Test("a syntax error is reported alone: nothing after it can be trusted")
    func syntaxAlone() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture("trailing-garbage.json")))
        let problems = StoreDocument.problems(in: data, path: "p.json")
        #expect(problems.count == 1)
        guard case .malformed? = problems.first else { Issue.record("\(problems)"); return }
    }
}
