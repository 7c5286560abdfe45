import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation

/// What a killed knupp leaves beside the files it writes, and what is cleared: only this host's,
/// and only when its process is gone. Errors read as sentences.
@Suite("Left-over files and plain words")
struct LeftoverFilesTests {
    let folder = TempFolder()
    let host = LockOwner.fileSafeHostName
    /// A process number no process has (above the kernel's limit).
    let gone = 99_999_999

    func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: folder.file(name)) }
    func touch(_ name: String) { _ = FileManager.default.createFile(atPath: folder.file(name), contents: Data("x".utf8)) }

    @Test("a tick clears this host's abandoned temporary and lock files, never another host's")
    func storeLeftovers() throws {
        let path = try folder.copySample()
        let mine = [".programme.json.tmp-\(host)-\(gone)-7", "programme.json.lock.new-\(host)-\(gone)"]
        let theirs = [".programme.json.tmp-other_host-\(gone)-7", "programme.json.lock.new-other_host-\(gone)"]
        for name in mine + theirs { touch(name) }
        #expect(try knupp("tick", "irn-nup-approval", "--store", path, "--officer", "Amina").status == 0)
        for name in mine { #expect(!exists(name), "\(name)") }
        for name in theirs { #expect(exists(name), "another host's \(name) is left") }
    }

    @Test("report --output clears its own abandoned temporary file; an empty --output is a usage error")
    func reportLeftovers() throws {
        let path = try folder.copySample()
        let mine = ".report.md.tmp-\(host)-\(gone)-3", theirs = ".report.md.tmp-other_host-\(gone)-3"
        touch(mine); touch(theirs)
        let written = try knupp("report", "--format", "markdown", "--output", folder.file("report.md"), "--store", path)
        #expect(written.status == 0, "\(written.stderr)")
        #expect(!exists(mine) && exists(theirs) && exists("report.md"))
        let empty = try knupp("report", "--output", "", "--store", path)
        #expect(empty.status == 64 && empty.stderr.contains("empty"), "\(empty.stderr)")
    }

    @Test("the merge driver clears what a killed driver left beside git's temporary files")
    func mergeDriverLeftovers() throws {
        let ours = try folder.copy(as: ".merge_file_AbC123")
        let base = try folder.copy(as: "base.json"), theirs = try folder.copy(as: "theirs.json")
        let left = "..merge_file_Old999.tmp-\(host)-\(gone)-5"
        touch(left)
        let result = try knupp("merge-driver", base, ours, theirs, "--path", "programme.json")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!exists(left))
    }

    @Test("errors in sentences, never Swift values")
    func sentences() {
        let conflict = StoreError.mergeConflict(path: "programme.json", position: TextPosition(offset: 0, in: Array("<<<<<<< ours\n".utf8)))
        let text = ErrorText.sentence(conflict)
        #expect(text.contains("programme.json:1:1") && text.contains("conflict") && !text.contains("Model.") && !text.contains("mergeConflict("))
        struct Strange: Error {}
        #expect(ErrorText.sentence(Strange()).hasPrefix("an unexpected error"))
        #expect(ErrorText.sentence(EditError.emptyTitle) == "A milestone needs a title.")
    }
}
