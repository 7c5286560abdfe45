import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI

/// The built binary run as a script would: stdout, stderr, exit status, and the file on disk.
@Suite("Command line, end to end")
struct CommandLineTests {
    let folder = TempFolder()

    func store(named name: String = "programme.json") throws -> String { try folder.copySample(as: name) }

    func document(_ path: String) throws -> StoreDocument {
        try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
    }

    @Test("countries prints a table; --json is machine-readable")
    func countries() throws {
        let path = try store()
        let table = try knupp("countries", "--store", path, "--today", "2026-11-28")
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID   NAME") == true)
        #expect(lines.count == 9)
        #expect(lines.contains { $0.hasPrefix("NGA  Nigeria") && $0.contains("Niger State") && $0.contains("implementation") && $0.contains("1/1") })
        let json = try knupp("countries", "--store", path, "--json", "--phase", "2")
        let rows = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.map { $0["id"] as? String } == ["AZE", "KHM", "EGY", "MOZ", "PRY"])
    }

    @Test("show finds a country by a unique prefix; an unknown one lists the ids (exit 3)")
    func show() throws {
        let path = try store()
        let moz = try knupp("show", "mozam", "--store", path)
        #expect(moz.status == 0)
        #expect(moz.stdout.contains("Mozambique (MOZ)"))
        #expect(moz.stdout.contains("Mozambique National Urban Policy: draft"))
        #expect(moz.stdout.contains("[formulation]"))
        let unknown = try knupp("show", "atlantis", "--store", path)
        #expect(unknown.status == 3)
        #expect(unknown.stdout.isEmpty)
        #expect(unknown.stderr.contains("No country “atlantis”") && unknown.stderr.contains("PRY (Paraguay)"))
        let ambiguous = try knupp("show", "m", "--store", path)
        #expect(ambiguous.status == 3 && ambiguous.stderr.contains("MMR (Myanmar), MOZ (Mozambique)"))
    }

    @Test("milestones filters by country, phase and status")
    func milestones() throws {
        let path = try store()
        let open = try knupp("milestones", "--store", path, "--status", "open", "--json", "--today", "2026-11-28")
        let rows = try JSONSerialization.jsonObject(with: Data(open.stdout.utf8)) as? [[String: Any]]
        #expect(rows?.map { $0["id"] as? String } == ["irn-nup-approval", "phase-2-completion"])
        let overdue = try knupp("milestones", "--store", path, "--status", "overdue", "--today", "2026-12-01")
        #expect(overdue.stdout.contains("phase-2-completion") && overdue.stdout.contains("OVERDUE"), "the same label as the front")
        let moz = try knupp("milestones", "--store", path, "--country", "MOZ")
        #expect(moz.stdout.contains("moz-nup-draft") && !moz.stdout.contains("irn-nup-approval"))
        let bad = try knupp("milestones", "--store", path, "--status", "late")
        #expect(bad.status == 64)
        let phase = try knupp("milestones", "--store", path, "--phase", "9")
        #expect(phase.status == 3)
    }

    @Test("tick and untick save through the store with officer and time")
    func tickUntick() throws {
        let path = try store()
        let tick = try knupp("tick", "irn-nup-approval", "--note", "Approved by cabinet", "--store", path, "--officer", "Amina")
        #expect(tick.status == 0)
        #expect(tick.stdout.contains("Ticked “Iran National Urban Policy approved") && tick.stdout.contains("revision 2"))
        let m = try #require(try document(path).programme.milestone("irn-nup-approval"))
        let sampleNote = try loadSample().milestone("irn-nup-approval")?.note
        #expect(m.done && m.doneBy == "Amina" && m.note == sampleNote && m.notes.map(\.text) == ["Approved by cabinet"] && m.notes.first?.by == "Amina")
        let at = try #require(m.doneAt)
        #expect(at.hasSuffix("Z") && ISO8601DateFormatter().date(from: at) != nil)
        let again = try knupp("tick", "irn-nup-approval", "--store", path)
        #expect(again.status == 0 && again.stdout.contains("already ticked by Amina"))
        #expect(try document(path).revision == 2)
        let noted = try knupp("tick", "irn-nup-approval", "--note", "Gazetted", "--store", path, "--officer", "Bongani")
        #expect(noted.status == 0 && noted.stdout.contains("Added a note to “Iran National Urban Policy approved") && noted.stdout.contains(", ticked earlier by Amina (revision 3)."))
        let same = try knupp("tick", "irn-nup-approval", "--note", "Gazetted", "--store", path)
        #expect(same.status == 0 && same.stdout.contains("already ticked by Amina"), "the same note again: nothing to do")
        // Added, not replaced: both notes, each with its officer.
        let log = try #require(try document(path).programme.milestone("irn-nup-approval"))
        #expect(log.doneBy == "Amina" && log.notes.map(\.text) == ["Approved by cabinet", "Gazetted"] && log.notes.map(\.by) == ["Amina", "Bongani"])
        #expect(try document(path).revision == 3)
        let blank = try knupp("tick", "irn-nup-approval", "--note", " ", "--store", path)
        #expect(blank.status == 64 && blank.stderr.contains("give it some text"), "\(blank.stderr)")
        let untick = try knupp("untick", "irn-nup-approval", "--store", path)
        #expect(untick.status == 0)
        #expect(try document(path).programme.milestone("irn-nup-approval")?.done == false)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        for verb in ["tick", "untick"] {
            let empty = try knupp(verb, " ", "--store", path)
            #expect(empty.status == 64 && empty.stderr.contains("Name a milestone"), "\(verb): \(empty.status) \(empty.stderr)")
        }
        let unknown = try knupp("tick", "no-such-milestone", "--store", path)
        #expect(unknown.status == 3 && unknown.stderr.contains("no-such-milestone") && unknown.stderr.contains("knupp milestones"))
    }

    @Test("a tick on a store knupp has read is made in place: the very file a full save writes; a hand edit since is still refused")
    func inPlaceTick() throws {
        let folder = TempFolder()
        let env = ["XDG_CACHE_HOME": folder.file("cache")]
        let fast = try folder.copySample(as: "fast.json"), full = try folder.copySample(as: "full.json")
        #expect(try knupp(["milestones", "--store", fast], environment: env).status == 0, "reading it whole vouches for it")
        let cache = VerifiedStores(path: folder.file("cache/knupp/verified-stores"))
        #expect(cache.knows(Array(try Data(contentsOf: URL(fileURLWithPath: fast)))))
        for (verb, note) in [("tick", ["--note", "Approved \"in\" cabinet"]), ("untick", []), ("tick", [])] {
            let a = try knupp([verb, "irn-nup-approval", "--store", fast, "--officer", "Amina"] + note, environment: env)
            let b = try knupp([verb, "irn-nup-approval", "--store", full, "--officer", "Amina"] + note,
                              environment: ["KNUPP_VERIFIED_CACHE": "off"])
            #expect(a.status == 0 && a.stdout == b.stdout && a.stderr == b.stderr, "\(a.stdout) \(a.stderr) | \(b.stdout) \(b.stderr)")
            // The two ran a moment apart: only the moments (the tick's, the log's) may differ.
            let moment = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)/
            #expect(try String(contentsOfFile: fast, encoding: .utf8).replacing(moment, with: "")
                    == (try String(contentsOfFile: full, encoding: .utf8)).replacing(moment, with: ""))
            #expect(cache.knows(Array(try Data(contentsOf: URL(fileURLWithPath: fast)))), "what it wrote is vouched for")
        }
        let again = try knupp(["tick", "irn-nup-approval", "--store", fast], environment: env)
        #expect(again.status == 0 && again.stdout.contains("already ticked by Amina"))
        #expect(try document(fast).revision == 4)
        // Someone breaks the file by hand after it was vouched for: its bytes are new, so it is read whole and refused.
        let text = try String(contentsOfFile: fast, encoding: .utf8)
        try text.replacingOccurrences(of: "\"events\" : [\n", with: "\"events\" : [\n      null,\n").write(toFile: fast, atomically: true, encoding: .utf8)
        let refused = try knupp(["untick", "irn-nup-approval", "--store", fast], environment: env)
        #expect(refused.status == 4 && refused.stderr.contains("programme.events[0]"), "\(refused.status) \(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: fast + ".lock"))
    }

    @Test("a lock held by another machine: a tick waits, then fails (exit 5) naming the holder and `knupp unlock`; unlock clears it after confirming")
    func locked() throws {
        let path = try store()
        let owner = LockOwner(user: "alice", host: "office-pc-7", pid: 4242, since: "2026-11-28T08:00:00Z")
        try JSONEncoder().encode(owner).write(to: URL(fileURLWithPath: path + ".lock"))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let result = try knupp("tick", "irn-nup-approval", "--store", path, environment: ["KNUPP_LOCK_WAIT": "0.3"])
        #expect(result.status == 5)
        #expect(result.stderr.contains("alice on office-pc-7 (pid 4242)") && result.stderr.contains("knupp unlock"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try knupp("countries", "--store", path).status == 0) // reading is fine
        let unconfirmed = try knupp("unlock", "--store", path)
        #expect(unconfirmed.status == 64 && unconfirmed.stderr.contains("--yes"))
        #expect(FileManager.default.fileExists(atPath: path + ".lock"))
        let cleared = try knupp("unlock", "--yes", "--store", path)
        #expect(cleared.status == 0 && cleared.stdout.contains("Cleared the lock of alice"))
        #expect(try knupp("tick", "irn-nup-approval", "--store", path).status == 0)
        #expect(try knupp("unlock", "--store", path).stdout.contains("not locked"))
    }

    @Test("two scripts ticking 30 milestones each at the same time: all 60 ticks reach the file, none fails")
    func concurrentWriters() throws {
        let path = try store()
        var document = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        for i in 0..<60 {
            document.programme.countries[i % 2].milestones.append(Milestone(id: "c\(i)", title: "Concurrent \(i)"))
        }
        try document.encoded().write(to: URL(fileURLWithPath: path))
        let script = """
            k="$0"; s="$1"
            a() { for i in $(seq 0 29); do "$k" tick c$i --store "$s" --officer A || echo FAIL; done; }
            b() { for i in $(seq 30 59); do "$k" tick c$i --store "$s" --officer B || echo FAIL; done; }
            a & b & wait
            """
        let result = try run("/bin/sh", ["-c", script, knuppBinary, path], timeout: 240)
        #expect(!result.stdout.contains("FAIL"), "\(result.stderr)")
        let saved = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
        let ticked = (0..<60).filter { saved.programme.milestone("c\($0)")?.done == true }
        #expect(ticked.count == 60)
        #expect(saved.revision == document.revision + 60)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["programme.json"])
    }

    @Test("report --output onto the store, a link to it, its lock or a temporary file is refused (exit 64); the store stays")
    func reportOntoStore() throws {
        let path = try store()
        let link = folder.file("shortcut.json")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for target in [path, link, path + ".lock", folder.file(".programme.json.tmp-99-1")] {
            let result = try knupp("report", "--output", target, "--store", path)
            #expect(result.status == 64, "\(target): \(result.stderr)")
            #expect(result.stderr.contains("the report would replace the record"))
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
        let elsewhere = try knupp("report", "--output", folder.file("report.md"), "--store", path)
        #expect(elsewhere.status == 0)
    }

    @Test("init --force keeps the replaced store as a backup and says where")
    func initForce() throws {
        let path = try store()
        #expect(try knupp("tick", "irn-nup-approval", "--store", path).status == 0)
        let ticked = try Data(contentsOf: URL(fileURLWithPath: path))
        let refused = try knupp("init", "--store", path)
        #expect(refused.status == 5 && refused.stderr.contains("--force"))
        let result = try knupp("init", "--sample", "--force", "--store", path)
        #expect(result.status == 0)
        let backupName = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("programme.json.backup-") })
        #expect(result.stdout.contains(backupName))
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file(backupName))) == ticked)
    }

    @Test("merge-driver whose own save fails exits with an error and leaves ours as it was (no markers)")
    func mergeDriverWriteFails() throws {
        let base = try store()
        let ours = folder.file("ours.json"), theirs = folder.file("theirs.json")
        try FileManager.default.copyItem(atPath: base, toPath: ours)
        try FileManager.default.copyItem(atPath: base, toPath: theirs)
        try writeAsAnotherOfficer(ours, .tick(milestone: "irn-nup-approval", by: "amina", at: "2026-11-28T09:00:00Z"))
        try writeAsAnotherOfficer(theirs, .tick(milestone: "phase-2-completion", by: "bongani", at: "2026-11-28T10:00:00Z"))
        let before = try Data(contentsOf: URL(fileURLWithPath: ours))
        // A file size limit makes the write of the merged file fail, as a full disk would.
        let result = try run("/bin/sh", ["-c", "ulimit -f 8; trap '' XFSZ; exec \"$0\" merge-driver \"$1\" \"$2\" \"$3\"",
                                         knuppBinary, base, ours, theirs])
        #expect(result.status == 1)
        #expect(result.stderr.contains("was left as it was"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: ours)) == before)
    }

    @Test("tick takes a unique start of an id; an ambiguous one lists the candidates; a miss suggests the closest")
    func tickPrefix() throws {
        let path = try store()
        let unique = try knupp("tick", "irn", "--store", path)
        #expect(unique.status == 0 && unique.stdout.contains("Ticked “Iran National Urban Policy"))
        let ambiguous = try knupp("tick", "phase-2", "--store", path)
        #expect(ambiguous.status == 3 && ambiguous.stderr.contains("phase-2-completion") && ambiguous.stderr.contains("Type more"))
        let typo = try knupp("untick", "moz-nup-drat", "--store", path)
        #expect(typo.status == 3 && typo.stderr.contains("Did you mean moz-nup-draft?"))
    }

    @Test("shell completion offers the store's milestone and country ids, and files for --store")
    func completions() throws {
        let path = try store()
        let ids = try knupp(["---completion", "tick", "--", "positional@0", "2", "0", "knupp", "tick", "moz", "--store", path],
                            environment: ["SAP_SHELL": "bash"])
        #expect(ids.stdout.split(separator: "\n").contains("moz-nup-draft"))
        let countries = try knupp(["---completion", "show", "--", "positional@0", "2", "0", "knupp", "show", "", "--store", path],
                                  environment: ["SAP_SHELL": "bash"])
        #expect(countries.stdout.contains("MOZ") && countries.stdout.contains("programme"))
        for shell in ["bash", "zsh", "fish"] {
            let script = try knupp("--generate-completion-script", shell)
            #expect(script.status == 0 && script.stdout.contains("---completion"), "\(shell)")
        }
    }

    @Test("settings: knupp config sets the default store and the officer; options and environment still win")
    func settings() throws {
        let path = try store()
        let env = ["XDG_CONFIG_HOME": folder.file("config"), "HOME": folder.path]
        #expect(try knupp(["config", "store", path], environment: env).status == 0)
        #expect(try knupp(["config", "officer", "Settings Officer"], environment: env).status == 0)
        let shown = try knupp(["config"], environment: env)
        #expect(shown.stdout.contains(path) && shown.stdout.contains("Settings Officer"))
        #expect(try knupp(["tick", "irn"], environment: env).status == 0)
        #expect(try document(path).programme.milestone("irn-nup-approval")?.doneBy == "Settings Officer")
        #expect(try knupp(["untick", "irn", "--officer", "Other"], environment: env).status == 0)
        let other = try store(named: "other.json")
        #expect(try knupp(["tick", "irn", "--store", other], environment: env).status == 0, "--store wins over the setting")
        #expect(try document(other).programme.milestone("irn-nup-approval")?.done == true)
        #expect(try knupp(["config", "colour", "x"], environment: env).status == 64)
        try Data("store = \"unterminated\n".utf8).write(to: URL(fileURLWithPath: folder.file("config/knupp/config.toml")))
        let broken = try knupp(["countries"], environment: env)
        #expect(broken.status == 64 && broken.stderr.contains("config.toml:1"))
    }

    @Test("without $USER the officer is the account's login name, not “unknown”")
    func noUser() throws {
        let path = try store()
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "USER")
        let result = try run("/usr/bin/env", ["-u", "USER", knuppBinary, "tick", "irn", "--store", path])
        #expect(result.status == 0)
        let login = String(cString: getpwuid(getuid()).pointee.pw_name)
        #expect(try document(path).programme.milestone("irn-nup-approval")?.doneBy == login)
        _ = env
    }

    @Test("with no name anywhere (no $USER, no login name for the user id), a tick asks for one instead of recording “unknown”",
          .enabled(if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "needs root and setpriv"))
    func nobodyKnown() throws {
        // Everything the stranger touches in a folder every user can reach (the build folder and
        // $TMPDIR may be under a home folder only root can enter): the store and a copy of knupp.
        let place = "/tmp/knupp-stranger-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: place, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: place) }
        chmod(place, 0o777)
        let path = place + "/programme.json"
        try FileManager.default.copyItem(atPath: AtomicFile.resolve(samplePath), toPath: path)
        chmod(path, 0o666)
        let binary = place + "/knupp"
        // Written through a close-on-exec descriptor: a copy whose descriptor a concurrently
        // started child (a tmux server) inherited could not be run ("text file busy").
        let bytes = try Data(contentsOf: URL(fileURLWithPath: knuppBinary))
        let fd = open(binary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o755)
        #expect(fd >= 0)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        let asStranger = ["--reuid", "54321", "--regid", "54321", "--clear-groups", "/usr/bin/env", "-u", "USER",
                          "XDG_CONFIG_HOME=\(place)/none", binary, "tick", "irn", "--store", path]
        let refused = try run("/usr/bin/setpriv", asStranger)
        #expect(refused.status == 64 && refused.stderr.contains("--officer NAME"), "\(refused.status) \(refused.stderr)")
        #expect(try document(path).revision == 1, "nothing recorded as “unknown”")
        let named = try run("/usr/bin/setpriv", asStranger + ["--officer", "J. Kim"])
        #expect(named.status == 0, "\(named.stderr)")
        #expect(try document(path).programme.milestone("irn-nup-approval")?.doneBy == "J. Kim")
    }

    @Test("the first run says it created a store from the sample, and how to use the team's instead")
    func firstRun() throws {
        let env = ["XDG_DATA_HOME": folder.file("data"), "XDG_CONFIG_HOME": folder.file("config"), "HOME": folder.path]
        let first = try knupp(["countries"], environment: env)
        #expect(first.status == 0 && first.stderr.contains("created your own store") && first.stderr.contains("knupp config store"))
        let second = try knupp(["countries"], environment: env)
        #expect(second.stderr.isEmpty, "said once")
    }

    @Test("global options work before the command as after it, as in git")
    func globalOptionsFirst() throws {
        let path = try store()
        let before = try knupp("--store", path, "countries")
        let after = try knupp("countries", "--store", path)
        #expect(before.status == 0 && before.stdout == after.stdout)
        #expect(try knupp("--store=\(path)", "--officer", "Amina", "tick", "irn-nup-approval").status == 0)
        #expect(try document(path).programme.milestone("irn-nup-approval")?.doneBy == "Amina")
        #expect(try knupp("--today", "2026-11-28", "--store", path, "milestones", "--status", "open").stdout.contains("phase-2-completion"))
        #expect(try knupp("--store", path, "--help").stdout.contains("SUBCOMMANDS"))
    }

    @Test("a write that fails (the disk full) leaves the store as it was, no temporary file, exit 5")
    func diskFull() throws {
        let path = try store()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        // A file size limit of 4 KiB makes the save's write fail the way a full disk does.
        let result = try run("/bin/sh", ["-c", "ulimit -f 8; trap '' XFSZ; exec \"$0\" tick irn-nup-approval --store \"$1\"",
                                         knuppBinary, path])
        #expect(result.status == 5)
        #expect(result.stderr.contains("could not save") && result.stderr.contains("is as it was"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["programme.json"])
    }

    @Test("a read-only file (newer schema) refuses a tick with exit 5")
    func readOnly() throws {
        let path = folder.file("newer.json")
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Tests/ModelTests/Fixtures/newer-schema.json").path, toPath: path)
        let result = try knupp("untick", "moz-nup-draft", "--store", path)
        #expect(result.status == 5 && result.stderr.contains("newer knupp"))
    }

    @Test("a malformed store: the precise message on stderr, exit 4, the file untouched", arguments: [
        ("truncated.json", ":"), ("trailing-garbage.json", "not valid JSON"), ("conflict-markers.json", "merge conflict"),
        ("duplicate-id.json", "used twice"), ("empty.json", "empty"), ("wrong-type.json", "programme.countries[0].phase"),
    ])
    func malformed(fixture: String, phrase: String) throws {
        let path = folder.file(fixture)
        try FileManager.default.copyItem(atPath: packageRoot.appendingPathComponent("Tests/ModelTests/Fixtures/\(fixture)").path, toPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for command in [["countries"], ["tick", "moz-nup-draft"], ["validate"]] {
            let result = try run(knuppBinary, command + ["--store", path])
            #expect(result.status == 4, "\(command)")
            #expect(result.stderr.contains(path) && result.stderr.contains(phrase), "\(result.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + ".lock"))
    }

    @Test("without a terminal, the interactive front says so and exits 1 (no broken screen)")
    func noTerminal() throws {
        let result = try knupp("--store", samplePath)
        #expect(result.status == 1 && result.stderr.contains("needs a terminal"))
    }

    @Test("validate takes a file argument and says what it checked")
    func validate() throws {
        let ok = try knupp("validate", samplePath)
        #expect(ok.status == 0 && ok.stdout.contains("valid") && ok.stdout.contains("8 countries, 16 milestones"))
    }

    @Test("init creates a store, refuses to overwrite without --force")
    func initStore() throws {
        let path = folder.file("sub/new.json")
        let empty = try knupp("init", "--store", path)
        #expect(empty.status == 0)
        #expect(try document(path).programme.countries.isEmpty)
        let refused = try knupp("init", "--sample", "--store", path)
        #expect(refused.status == 5 && refused.stderr.contains("--force"))
        let forced = try knupp("init", "--sample", "--force", "--store", path)
        #expect(forced.status == 0)
        #expect(try document(path).programme.countries.count == 8)
    }

    @Test("the first run creates the default store from the sample under XDG_DATA_HOME; KNUPP_STORE overrides")
    func defaultStore() throws {
        let xdg = folder.file("xdg")
        let result = try knupp("countries", environment: ["XDG_DATA_HOME": xdg, "HOME": folder.path])
        #expect(result.status == 0)
        let created = xdg + "/knupp/programme.json"
        #expect(try document(created).programme == (try loadSample()))
        let other = try store()
        _ = try knupp("tick", "irn-nup-approval", environment: ["KNUPP_STORE": other, "XDG_DATA_HOME": xdg])
        #expect(try document(other).programme.milestone("irn-nup-approval")?.done == true)
        #expect(try document(created).programme.milestone("irn-nup-approval")?.done == false)
    }

    @Test("bad options are usage errors with exit 64", arguments: [
        ["countries", "--today", "tomorrow"], ["report", "--format", "pdf"], ["report", "--as-of", "2026-02-30"], ["frobnicate"],
    ])
    func usage(arguments: [String]) throws {
        let result = try run(knuppBinary, arguments + ["--store", samplePath])
        #expect(result.status == 64)
        #expect(!result.stderr.isEmpty)
    }

    @Test("--version and --help on every command")
    func help() throws {
        #expect(try knupp("--version").stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "0.1.0")
        let top = try knupp("--help")
        #expect(top.status == 0 && top.stdout.contains("EXIT STATUS"))
        for command in ["countries", "show", "milestones", "tick", "untick", "report", "validate", "init", "open"] {
            let result = try knupp(command, "--help")
            #expect(result.status == 0 && result.stdout.contains("--store"), "\(command)")
        }
        #expect(try knupp("--generate-completion-script", "bash").stdout.contains("knupp"))
    }

    @Test("control characters in the data never reach stdout raw")
    func controlCharacters() throws {
        let path = try store()
        var document = try self.document(path)
        document.programme.countries[0].name = "Iran\u{1B}]0;pwned\u{07}"
        try document.encoded().write(to: URL(fileURLWithPath: path))
        for command in [["countries"], ["show", "IRN"], ["report"], ["report", "--format", "csv"]] {
            let result = try run(knuppBinary, command + ["--store", path])
            #expect(result.status == 0)
            #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{07}"), "\(command)")
        }
    }
}

@Suite("Title line path")
struct DisplayPathTests {
    @Test("the home folder shows as ~; other paths as they are")
    func home() {
        #expect(Context.displayPath("/home/amina/.local/share/knupp/programme.json", environment: ["HOME": "/home/amina"])
                == "~/.local/share/knupp/programme.json")
        #expect(Context.displayPath("/home/aminata/p.json", environment: ["HOME": "/home/amina"]) == "/home/aminata/p.json")
        #expect(Context.displayPath("/srv/p.json", environment: ["HOME": "/"]) == "/srv/p.json")
    }
}
