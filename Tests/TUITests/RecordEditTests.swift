import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation

/// Every kind of record kept with knupp (`knupp add|set|remove`): through the real binary on a
/// store on disk, refused values leave the bytes as they were, each change is one edit that
/// undo reverses, `knupp log` lists and git merges.
@Suite("Records kept with knupp: add, set, remove")
struct RecordEditTests {
    /// Per kind: the add's arguments, a set's, and what the set must have written.
    static let cases: [(kind: String, add: [String], record: String, set: [String], check: @Sendable (Programme) -> Bool)] = [
        ("country", ["--id", "TST", "--name", "Testland", "--phase", "2"], "TST", ["officialName=Republic of Testland", "scope=Test State"],
         { $0.country("TST")?.officialName == "Republic of Testland" && $0.country("TST")?.scope == .subNational("Test State") }),
        ("policy", ["--country", "MOZ", "--id", "moz-nup-2", "--title", "Second policy", "--status", "draft"], "policy:MOZ/moz-nup-2",
         ["status=pending approval", "note=Sent to the Council"],
         { $0.country("MOZ")?.policies.last?.status == .pendingApproval && $0.country("MOZ")?.policies.last?.note == "Sent to the Council" }),
        ("project", ["--country", "NGA", "--id", "nga-p2", "--title", "Minna pilot"], "NGA/nga-p2", ["peopleReached=1200"],
         { $0.country("NGA")?.projects.last?.peopleReached == 1200 }),
        ("event", ["--id", "ev-2026-05", "--date", "2026-05-20", "--title", "Validation workshop", "--countries", "MOZ, PRY"], "ev-2026-05",
         ["participants=40", "summary=Two days in Maputo"],
         { $0.events.last?.participants == 40 && $0.events.last?.countries == ["MOZ", "PRY"] && $0.events.last?.summary == "Two days in Maputo" }),
        ("publication", ["--id", "pub-new", "--title", "NUP guide", "--summary", "How to formulate"], "publication:pub-new", ["title=none", "year=2019", "link=https://unhabitat.org/nup-guide"],
         { $0.publications.last?.title == nil && $0.publications.last?.year == 2019 && $0.publications.last?.link == "https://unhabitat.org/nup-guide" }),
        ("contact", ["--id", "jane-doe", "--name", "Ms. Jane Doe", "--title", "Officer", "--unit", "Branch"], "jane-doe", ["title=Senior officer"],
         { $0.contacts.last?.title == "Senior officer" }),
        ("partner", ["--id", "kiat", "--name", "KIAT"], "partner:kiat", ["name=Korea Institute"], { $0.partners.last?.name == "Korea Institute" }),
        ("prospect", ["--id", "KEN", "--name", "Kenya"], "prospect:KEN", ["note=Asked in 2025"], { $0.prospectiveCountries.last?.note == "Asked in 2025" }),
        ("goal", ["--id", "g-new", "--title", "SDG 11.a"], "goal:g-new", ["detail=Urban-rural links"], { $0.goals.last?.detail == "Urban-rural links" }),
        ("phase", ["--number", "3", "--title", "Phase 3", "--start", "2027", "--end", "2030"], "phase:3", ["launch=2027-03", "title=Phase 3 (planned)"],
         { $0.phase(3)?.launch == CalendarDate("2027-03") && $0.phase(3)?.title == "Phase 3 (planned)" }),
        ("indicator", ["--country", "MOZ", "--id", "moz-plans", "--title", "Municipal plans", "--measure", "unit"], "indicator:MOZ/moz-plans",
         ["resultType=outcome", "sdg=11.a.1", "ascending=no"],
         { $0.country("MOZ")?.indicators.last?.resultType == .outcome && $0.country("MOZ")?.indicators.last?.sdg == "11.a.1"
             && $0.country("MOZ")?.indicators.last?.ascending == false }),
        ("budget", ["--id", "b-2024", "--phase", "2", "--country", "MOZ", "--periodStart", "2024-01-01", "--periodEnd", "2024-12-31", "--value", "250,000",
                    "--currency", "USD", "--valueDate", "2024-01-01", "--type", "original", "--status", "indicative"], "budget:b-2024",
         ["value=260000.50", "type=revised"], { $0.budgets.last?.value == "260000.5" && $0.budgets.last?.type == .revised }),
        ("expenditure", ["--id", "x-2024-03", "--phase", "2", "--country", "moz", "--date", "2024-03-31", "--value", "12500", "--currency", "USD"],
         "expenditure:x-2024-03", ["note=Validation workshop"], { $0.expenditures.last?.country == "MOZ" && $0.expenditures.last?.note == "Validation workshop" }),
        ("counterpart", ["--country", "MOZ", "--id", "moz-mpw", "--name", "Ministry of Public Works", "--role", "lead"], "counterpart:MOZ/moz-mpw",
         ["role=implementing"], { $0.country("MOZ")?.counterparts.last?.role == .implementing }),
    ]

    @Test("for every kind: add, set and remove through the binary, each committed to git; validate stays clean; knupp log lists each; the last remove gives the first bytes back",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is not installed"))
    func everyKind() throws {
        for c in RecordEditTests.cases {
            let folder = TempFolder()
            let path = try folder.copySample()
            let original = try Data(contentsOf: URL(fileURLWithPath: path))
            let repository = try TestRepository(folder.path)
            func commit(_ message: String) throws { try repository.commit(message) }
            try commit("start")
            defer {
                // The store's history in git lists the add, the set and the remove of the record.
                let log = (try? knupp("log", "--store", path).stdout) ?? ""
                let squeezed = log.replacingOccurrences(of: " +", with: " ", options: .regularExpression)
                for what in ["added \(c.kind):", "edited \(c.kind):", "removed \(c.kind):"] {
                    #expect(squeezed.contains(what), "\(c.kind): \(what) in\n\(log)")
                }
            }
            let add = try knupp(["add", c.kind] + c.add + ["--store", path, "--officer", "Amina"])
            #expect(add.status == 0 && add.stdout.hasPrefix("Added \(c.kind)"), "\(c.kind): \(add.stdout)\(add.stderr)")
            try commit("add")
            let set = try knupp(["set", c.record] + c.set + ["--store", path, "--officer", "Amina"])
            #expect(set.status == 0 && set.stdout.hasPrefix("Set "), "\(c.kind): \(set.stdout)\(set.stderr)")
            #expect(c.check(try storedProgramme(path)), "\(c.kind): the set is in the file")
            try commit("set")
            #expect(try knupp("validate", path).status == 0, "\(c.kind)")
            // Outside git the log lists what the store dates; the binary's log in git is checked below.
            let again = try knupp(["set", c.record] + c.set + ["--store", path, "--officer", "Amina"])
            #expect(again.status == 0 && again.stdout.contains("already says so"), "\(c.kind): \(again.stdout)")
            let remove = try knupp("remove", c.record, "--store", path, "--officer", "Amina")
            #expect(remove.status == 0 && remove.stdout.hasPrefix("Removed \(c.kind)"), "\(c.kind): \(remove.stdout)\(remove.stderr)")
            try commit("remove")
            // Only the revision differs from the sample now.
            var back = try StoreDocument.decode(Data(contentsOf: URL(fileURLWithPath: path)), path: path)
            back.revision = 1
            #expect(back.encoded() == original, "\(c.kind): add then remove is the sample again")
        }
    }

    @Test("refusals exit 64 and leave the bytes: a bad value, an unknown field, the id, a country with milestones, a phase nobody has; an unknown record exits 3")
    func refusals() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let refused: [([String], String)] = [
            (["set", "MOZ", "stage=approved"], "is not one of feasibility"),
            (["set", "MOZ", "phase=two"], "is not a whole number"),
            (["set", "MOZ", "colour=blue"], "has no field “colour”"),
            (["set", "MOZ", "id=MZ"], "cannot be changed"),
            (["set", "MOZ", "milestones=[]"], "holds records of their own"),
            (["set", "MOZ", "name=none"], "cannot be none"),
            (["set", "event:2023-06-side-event", "date=June"], "is not a date"),
            (["set", "MOZ", "stage=implementation", "--on", "2099-01-01"], "after today"),
            (["remove", "MOZ"], "remove it first"),
            (["set", "MOZ", "phase=9"], "9 is not a phase of the programme"),
            (["set", "project:NGA/nga-bi-water-reafforestation", "peopleReached=-5"], "cannot be negative"),
            (["set", "event:2023-06-africa-ministerial", "participants=-1"], "cannot be negative"),
            (["set", "event:2023-06-africa-ministerial", "countries=IRN,ZZZ"], "“ZZZ” is not a country"),
            (["add", "event", "--id", "e9", "--date", "2026-01-01", "--title", "T", "--countries", "ZZZ"], "“ZZZ” is not a country"),
            (["set", "phase:2", "end=2010"], "is before the phase begins"),
            (["add", "phase", "--number", "3", "--title", "P3", "--start", "2027", "--end", "2020"], "is before the phase begins"),
            (["add", "phase", "--number", "0", "--title", "P0", "--start", "2027", "--end", "2030"], "phases are numbered from 1"),
            (["add", "country", "--id", "A/B", "--name", "AB", "--phase", "2"], "an id is one word"),
            (["add", "policy", "--country", "MOZ", "--id", "moz nup", "--title", "T", "--status", "draft"], "a space"),
            (["set", "MOZ", "name=a", "name=b"], "given twice"),
            (["add", "country", "--id", "moz", "--name", "Again", "--phase", "2"], "“MOZ” already exists"),
            (["set", "MOZ"], "Give at least one FIELD=VALUE"),
            (["add", "country", "--id", "irn", "--name", "Again", "--phase", "1"], "already exists"),
            (["add", "country", "--id", "TST", "--name", "Testland", "--phase", "9"], "9 is not a phase"),
            (["add", "country", "--id", "TST"], "needs --name, --phase"),
            (["add", "planet", "--id", "x"], "not a kind of record"),
        ]
        for (arguments, words) in refused {
            let result = try knupp(arguments + ["--store", path, "--officer", "Amina"])
            #expect(result.status == 64 && result.stderr.contains(words), "\(arguments): \(result.status) \(result.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "\(arguments) left the store as it was")
        }
        let unknown = try knupp("set", "ZZZ", "name=x", "--store", path, "--officer", "Amina")
        #expect(unknown.status == 3 && unknown.stderr.contains("No record “ZZZ”"), "\(unknown.stderr)")
        let ambiguous = try knupp("remove", "publication-", "--store", path, "--officer", "Amina")
        #expect(ambiguous.status == 3 && ambiguous.stderr.contains("could be publication publication-1"), "\(ambiguous.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test("a list field is cleared with none; a country an event names stays until the event no longer names it")
    func listsAndReferences() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        #expect(try knupp("set", "event:2023-06-africa-ministerial", "countries=MMR", "--store", path, "--officer", "A").status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let refused = try knupp("remove", "MMR", "--store", path, "--officer", "A")
        #expect(refused.status == 64 && refused.stderr.contains("names it") && refused.stderr.contains("knupp set event:2023-06-africa-ministerial countries="),
                "\(refused.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try knupp("set", "event:2023-06-africa-ministerial", "countries=none", "--store", path, "--officer", "A").status == 0)
        #expect(try storedProgramme(path).events.first { $0.id == "2023-06-africa-ministerial" }?.countries == [])
        #expect(try knupp("remove", "MMR", "--store", path, "--officer", "A").status == 0)
        #expect(try knupp("validate", path).status == 0)
    }

    @Test("a stage set with its day is logged with it: reports as of the day before show the old stage and basis, today the new; knupp log lists it")
    func stageHistory() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let set = try knupp("set", "MOZ", "stage=implementation", "stageBasis=NUP approved by the Council", "--on", "2026-05-20",
                            "--store", path, "--officer", "Amina")
        #expect(set.status == 0, "\(set.stderr)")
        let moz = try #require(try storedProgramme(path).country("MOZ"))
        #expect(moz.stage == .implementation && moz.stageChanges.count == 1)
        #expect(moz.stageChanges[0].from == "formulation" && moz.stageChanges[0].on == CalendarDate("2026-05-20") && moz.stageChanges[0].by == "Amina")
        let programme = try storedProgramme(path)
        let then = programme.asOf(CalendarDate("2026-05-19")!, in: TimeZone(identifier: "UTC")!).country("MOZ")
        #expect(then?.stage == .formulation && then?.stageBasis == "A draft of the Mozambique National Urban Policy exists.")
        #expect(programme.asOf(CalendarDate("2026-05-20")!, in: TimeZone(identifier: "UTC")!).country("MOZ")?.stage == .implementation)
        let report = try knupp("report", "--as-of", "2026-05-19", "--store", path)
        #expect(report.stdout.contains("| Mozambique (MOZ) | national | formulation |"), "\(report.stdout.prefix(3000))")
        let log = try knupp("log", "--store", path)
        #expect(log.stdout.contains("stage: “formulation” → “implementation”") && log.stdout.contains("stage changed on 2026-05-20"), "\(log.stdout)")
    }

    @Test("a policy's status and a project's people reached, set with their day: as of the day before, the old value; the adoption day kept; the log lists them")
    func datedValues() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        #expect(try knupp("set", "policy:MOZ/moz-nup", "status=adopted", "--on", "2026-06-15", "--store", path, "--officer", "Amina").status == 0)
        #expect(try knupp("set", "project:IRN/irn-covid-support", "peopleReached=5000", "--on", "2026-03", "--store", path, "--officer", "Amina").status == 0)
        let programme = try storedProgramme(path)
        let policy = try #require(programme.country("MOZ")?.policies.first)
        #expect(policy.status == .adopted && policy.adoptedOn == CalendarDate("2026-06-15") && policy.statusChanges.map(\.from) == ["draft"])
        let was = try #require(try loadSample().country("IRN")?.projects.first?.peopleReached)
        let utc = TimeZone(identifier: "UTC")!
        let before = programme.asOf(CalendarDate("2026-02-28")!, in: utc)
        #expect(before.country("MOZ")?.policies.first?.status == .draft && before.country("MOZ")?.policies.first?.adoptedOn == nil)
        #expect(before.country("IRN")?.projects.first?.peopleReached == was)
        let after = programme.asOf(CalendarDate("2026-06-30")!, in: utc)
        #expect(after.country("MOZ")?.policies.first?.status == .adopted && after.country("IRN")?.projects.first?.peopleReached == 5000)
        // In between: the count reached by March, not yet the adoption in June.
        let between = programme.asOf(CalendarDate("2026-04-01")!, in: utc)
        #expect(between.country("IRN")?.projects.first?.peopleReached == 5000 && between.country("MOZ")?.policies.first?.status == .draft)
        let log = try knupp("log", "--store", path)
        #expect(log.stdout.contains("status: “draft” → “adopted”") && log.stdout.contains("peopleReached: “\(was)” → “5000”"), "\(log.stdout)")
    }

    @Test("every edit of a record is undone by its inverse, to the very bytes; a stage's log goes with it")
    func inverses() throws {
        let sample = try loadSample()
        let write = RecordWrite(by: "Amina", at: "2026-12-01T09:00:00Z", on: CalendarDate("2026-11-30"))
        let edits: [Edit] = [
            .setRecord(RecordRef(.country, "MOZ"), ["stage": .string("implementation"), "officialName": .null], write),
            .setRecord(RecordRef(.policy, "moz-nup", country: "MOZ"), ["status": .string("adopted")], write),
            .setRecord(RecordRef(.project, "irn-covid-support", country: "IRN"), ["peopleReached": .number("10")], write),
            .addRecord(RecordRef(.event, "ev-x"), ["date": .string("2026-05-20"), "title": .string("T")], at: 0),
            .removeRecord(RecordRef(.contact, "remy-sietchiping")),
            .removeRecord(RecordRef(.project, "irn-covid-support", country: "IRN")),
            .setRecord(RecordRef(.phase, "2"), ["launchNote": .string("Launched")], write),
        ]
        let bytes = StoreDocument(programme: sample).encoded()
        for edit in edits {
            let inverse = try sample.inverse(of: edit)
            let changed = try sample.applying(edit)
            #expect(changed != sample, "\(edit)")
            let undone = try changed.applying(inverse)
            #expect(StoreDocument(programme: undone).encoded() == bytes, "\(edit) undone")
        }
    }

    @Test("two officers on two branches, one adds an event and sets a stage, the other adds a partner and removes a prospect: git merges both, and log lists them",
          .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git"), "git is not installed"))
    func mergeThroughGit() throws {
        let folder = TempFolder()
        let repo = folder.file("repo")
        try FileManager.default.createDirectory(atPath: repo, withIntermediateDirectories: true)
        let environment = ["GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
                           "GIT_COMMITTER_EMAIL": "t@example.org", "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"]
        func git(_ args: String...) throws -> RunResult { try run("/usr/bin/git", ["-C", repo] + args, environment: environment) }
        _ = try git("init", "-q", "-b", "main")
        let store = repo + "/programme.json"
        try FileManager.default.copyItem(atPath: AtomicFile.resolve(samplePath), toPath: store)
        try Data("programme.json merge=knupp\n".utf8).write(to: URL(fileURLWithPath: repo + "/.gitattributes"))
        _ = try git("config", "merge.knupp.driver", "\(knuppBinary) merge-driver %O %A %B --path %P")
        _ = try git("add", ".")
        _ = try git("commit", "-q", "-m", "start")
        _ = try git("checkout", "-q", "-b", "bongani")
        #expect(try knupp("add", "event", "--id", "ev-b", "--date", "2026-05-20", "--title", "Workshop", "--store", store, "--officer", "Bongani").status == 0)
        #expect(try knupp("set", "PRY", "stage=diagnosis", "--store", store, "--officer", "Bongani").status == 0)
        _ = try git("commit", "-q", "-am", "Bongani")
        _ = try git("checkout", "-q", "main")
        #expect(try knupp("add", "partner", "--id", "kiat", "--name", "KIAT", "--store", store, "--officer", "Amina").status == 0)
        #expect(try knupp("remove", "prospect:LSO", "--store", store, "--officer", "Amina").status == 0)
        _ = try git("commit", "-q", "-am", "Amina")
        let merge = try git("merge", "-q", "--no-edit", "bongani")
        #expect(merge.status == 0, "\(merge.stdout)\(merge.stderr)")
        let programme = try storedProgramme(store)
        #expect(programme.events.contains { $0.id == "ev-b" } && programme.partners.contains { $0.id == "kiat" })
        #expect(programme.country("PRY")?.stage == .diagnosis && programme.country("PRY")?.stageChanges.count == 1)
        #expect(!programme.prospectiveCountries.contains { $0.id == "LSO" })
        #expect(try knupp("validate", store).status == 0)
        let log = try knupp("log", "--store", store)
        for words in ["added   event:ev-b", "added   partner:kiat", "removed  prospect:LSO", "country:PRY"] {
            #expect(log.stdout.replacingOccurrences(of: "  +", with: " ", options: .regularExpression)
                        .contains(words.replacingOccurrences(of: "  +", with: " ", options: .regularExpression)), "\(words): \(log.stdout)")
        }
    }
}

@Suite("Help for the record commands")
struct RecordHelpTests {
    @Test("knupp help set, add and remove give an example for each kind of record")
    func examples() throws {
        for command in ["set", "add", "remove"] {
            let help = try knupp("help", command)
            #expect(help.status == 0)
            for kind in RecordKind.allCases {
                let example = command == "add" ? "knupp add \(kind.rawValue) " : "knupp \(command) \(kind.rawValue):"
                let bare = command != "add" && kind == .country && help.stdout.contains("knupp \(command) MOZ")
                #expect(help.stdout.contains(example) || bare, "\(command): no example for \(kind.rawValue)")
            }
        }
    }
}

@Suite("Records changed by two officers at once")
struct RecordConcurrencyTests {
    @Test("two fronts on one file: a record change meets the colleague's save, their change and ours both kept; a change of a record they removed is refused, nothing of theirs lost")
    func twoOfficers() throws {
        let folder = TempFolder()
        let path = try folder.copySample()
        let amina = try ProgrammeStore.open(path: path, officer: "Amina")
        let bongani = try ProgrammeStore.open(path: path, officer: "Bongani")
        defer { amina.close(); bongani.close() }
        let write = RecordWrite(by: "Amina", at: "2026-11-28T09:00:00Z")
        // Bongani saves first; Amina's copy is stale when she saves.
        try bongani.commit(.setRecord(RecordRef(.country, "MOZ"), ["officialName": .string("República de Moçambique")], nil))
        let commit = try amina.commit(.setRecord(RecordRef(.country, "MOZ"), ["stage": .string("implementation")], write))
        #expect(commit.reloaded)
        var moz = try #require(try storedProgramme(path).country("MOZ"))
        #expect(moz.officialName == "República de Moçambique" && moz.stage == .implementation && moz.stageChanges.count == 1)
        // Bongani removes a contact; Amina, not having seen it, edits that contact: refused, the removal stands.
        try bongani.commit(.removeRecord(RecordRef(.contact, "duk-hwan-son")))
        #expect(throws: EditError.unknownRecord(RecordRef(.contact, "duk-hwan-son"))) {
            try amina.commit(.setRecord(RecordRef(.contact, "duk-hwan-son"), ["title": .string("Officer")], write))
        }
        let after = try storedProgramme(path)
        #expect(!after.contacts.contains { $0.id == "duk-hwan-son" })
        moz = try #require(after.country("MOZ"))
        #expect(moz.stage == .implementation && moz.officialName == "República de Moçambique")
        #expect(try knupp("validate", path).status == 0)
    }
}
