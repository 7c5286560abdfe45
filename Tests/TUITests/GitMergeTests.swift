import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation

/// A store shared through git: two officers tick in their own clones, and the merge driver
/// brings both ticks together without conflict markers.
@Suite("Shared through git", .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is not installed"))
struct GitMergeTests {
    let folder = TempFolder()

    func git(_ args: String..., in dir: String) throws -> RunResult {
        let result = try run("/usr/bin/git", ["-C", dir] + args,
                             environment: ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
                                           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org",
                                           "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"])
        return result
    }

    func setUp() throws -> String {
        let repo = folder.file("repo")
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        _ = try git("init", "-q", "-b", "main", in: repo)
        try FileManager.default.copyItem(atPath: AtomicFile.resolve(samplePath), toPath: repo + "/programme.json")
        try Data("programme.json merge=knupp\n".utf8).write(to: URL(fileURLWithPath: repo + "/.gitattributes"))
        _ = try git("config", "merge.knupp.driver", "\(knuppBinary) merge-driver %O %A %B --path %P", in: repo)
        _ = try git("add", ".", in: repo)
        _ = try git("commit", "-q", "-m", "start", in: repo)
        return repo
    }

    @Test("ticks made on two branches merge cleanly with the driver")
    func cleanMerge() throws {
        let repo = try setUp()
        let store = repo + "/programme.json"
        _ = try git("checkout", "-q", "-b", "bongani", in: repo)
        #expect(try knupp("tick", "phase-2-completion", "--store", store, "--officer", "Bongani").status == 0)
        _ = try git("commit", "-q", "-am", "Bongani ticks", in: repo)
        _ = try git("checkout", "-q", "main", in: repo)
        #expect(try knupp("tick", "irn-nup-approval", "--store", store, "--officer", "Amina").status == 0)
        _ = try git("commit", "-q", "-am", "Amina ticks", in: repo)
        let merge = try git("merge", "-q", "--no-edit", "bongani", in: repo)
        #expect(merge.status == 0, "\(merge.stdout)\(merge.stderr)")
        let programme = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: store)), path: store).programme
        #expect(programme.milestone("irn-nup-approval")?.doneBy == "Amina")
        #expect(programme.milestone("phase-2-completion")?.doneBy == "Bongani")
        #expect(try knupp("validate", store).status == 0)
    }

    @Test("two officers' IATI settings and money on two branches merge: different parts both kept, one phase's shares by country; the same part set both ways is a conflict")
    func iatiSettingsMerge() throws {
        let repo = try setUp()
        let store = repo + "/programme.json"
        func k(_ args: String...) throws { let r = try knupp(Array(args) + ["--store", store, "--officer", "T"]); #expect(r.status == 0, "\(args): \(r.stderr)") }
        try k("iati", "set", "share", "2", "AZE=20", "KHM=20", "EGY=20", "MOZ=20", "PRY=20")
        _ = try git("commit", "-q", "-am", "shares", in: repo)
        _ = try git("checkout", "-q", "-b", "bongani", in: repo)
        try k("iati", "set", "sector", "43030")
        try k("iati", "set", "share", "2", "AZE=10", "KHM=20", "EGY=20", "MOZ=20", "PRY=30")
        try k("add", "budget", "--id", "b-bongani", "--phase", "2", "--periodStart", "2024", "--periodEnd", "2024", "--value", "1", "--currency", "USD",
              "--valueDate", "2024-01-01", "--type", "original", "--status", "indicative")
        _ = try git("commit", "-q", "-am", "Bongani", in: repo)
        _ = try git("checkout", "-q", "main", in: repo)
        try k("iati", "set", "identifier-prefix", "XX-TEST-1-KNUPP")
        try k("add", "expenditure", "--id", "x-amina", "--phase", "2", "--date", "2024-03-31", "--value", "2", "--currency", "USD")
        _ = try git("commit", "-q", "-am", "Amina", in: repo)
        let merge = try git("merge", "-q", "--no-edit", "bongani", in: repo)
        #expect(merge.status == 0, "\(merge.stdout)\(merge.stderr)")
        let p = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: store)), path: store).programme
        #expect(p.iati?.sector == "43030" && p.iati?.identifierPrefix == "XX-TEST-1-KNUPP")
        #expect(p.iati?.phase(2)?.shares.first { $0.country == "AZE" }?.percentage == "10" && p.iati?.phase(2)?.shares.first { $0.country == "PRY" }?.percentage == "30")
        #expect(p.budgets.map(\.id) == ["b-bongani"] && p.expenditures.map(\.id) == ["x-amina"])
        #expect(try knupp("validate", store).status == 0)
        // The same part both ways: the sector set differently on two branches stops the merge.
        _ = try git("checkout", "-q", "-b", "other", in: repo)
        try k("iati", "set", "sector", "43040")
        _ = try git("commit", "-q", "-am", "other", in: repo)
        _ = try git("checkout", "-q", "main", in: repo)
        try k("iati", "set", "sector", "43010")
        _ = try git("commit", "-q", "-am", "main", in: repo)
        #expect(try git("merge", "-q", "--no-edit", "other", in: repo).status != 0)
    }

    @Test("a real conflict stops the merge with markers, and knupp refuses the file until it is resolved")
    func realConflict() throws {
        let repo = try setUp()
        let store = repo + "/programme.json"
        _ = try git("checkout", "-q", "-b", "other", in: repo)
        try writeAsAnotherOfficer(store, .setCountryNotes(country: "MOZ", notes: "Theirs"))
        _ = try git("commit", "-q", "-am", "theirs", in: repo)
        _ = try git("checkout", "-q", "main", in: repo)
        try writeAsAnotherOfficer(store, .setCountryNotes(country: "MOZ", notes: "Ours"))
        _ = try git("commit", "-q", "-am", "ours", in: repo)
        let merge = try git("merge", "-q", "--no-edit", "other", in: repo)
        #expect(merge.status != 0)
        let validate = try knupp("validate", store)
        #expect(validate.status == 4 && validate.stderr.contains("merge conflict"))
    }
}
