import Foundation
import Testing
@testable import Model
import TestSupport

/// The tables of fields the decoder and the encoder are driven by: each record type round-trips
/// through its table with every field set, and every stored property has its line.
@Suite("Store tables: one line per field, read and written by the same line")
struct StoreTableTests {
    /// A record of every kind, every optional field set, and a key this version does not know.
    static var full: Programme {
        let extra: [String: JSONValue] = ["zzLater": .array([.number("15"), .null, .object(["a": .bool(true)])])]
        func with<R: StoreRecord>(_ record: R) -> R { var r = record; r.unknownFields = extra; return r }
        var milestone = with(Milestone(id: "m-1", title: "Draft \"NUP\"\n", due: CalendarDate("2026-05")!, done: true,
                                       doneAt: "2026-03-15T08:30:00+09:00", doneBy: "Amina", note: "tab\there", evidence: "https://example.org/a"))
        milestone.doneOn = CalendarDate("2026-03-14")
        milestone.addedAt = "2026-01-05T10:00:00Z"
        milestone.plannedDue = CalendarDate("2026")
        milestone.stage = .formulation
        milestone.template = with(TemplateRef(id: "unhabitat-nup-2015", version: 1, item: "form-draft"))
        milestone.notes = [with(MilestoneNote(text: "Final report filed", by: "Amina", at: "2026-03-15T01:30:00Z")),
                           with(MilestoneNote(text: "https://example.org/r", kind: .evidence, by: "Ji-woo", at: "2026-03-16T01:30:00+09:00"))]
        milestone.dueChanges = [with(DateChange(from: CalendarDate("2026")!, to: CalendarDate("2026-05")!, at: "2026-02-01T09:00:00Z",
                                                by: "Amina", reason: "the ministry's review"))]
        var phaseMilestone = milestone
        phaseMilestone.id = "m-2"
        var country = with(Country(id: "TST", name: "Testland", officialName: "Republic of Testland", phase: 2,
                                   scope: with(Scope.subNational("Niger State")), stage: .implementation, stageBasis: "the record",
                                   policies: [with(PolicyDocument(id: "p", title: "Policy", status: .pendingApproval, note: "n"))],
                                   projects: [with(DemonstrationProject(id: "d", title: "Project", peopleReached: 732_600, note: "n"))],
                                   funding: ["MOLIT", "é"], milestones: [milestone], notes: "notes"))
        country.unknownFields["aaFirst"] = .string("first")
        country.stageChanges = [with(FieldChange(from: "formulation", to: "implementation", on: CalendarDate("2026-05-20")!, basis: "approved",
                                                 fromBasis: "a draft", at: "2026-05-21T09:00:00Z", by: "Amina"))]
        country.policies[0].adoptedOn = CalendarDate("2026-05-20")
        country.policies[0].statusChanges = country.stageChanges
        country.projects[0].peopleReachedChanges = [FieldChange(from: nil, to: "732600", on: CalendarDate("2025"), at: "2025-06-01T00:00:00Z", by: "K")]
        let indicator = with(Indicator(id: "tst-plans", title: "Municipal plans", measure: .unit, ascending: true, aggregate: true, resultType: .outcome,
                                       sdg: "11.a.1", baseline: with(IndicatorValue(date: CalendarDate("2022-11")!, value: "0", comment: "none yet",
                                                                                     evidence: "https://example.org/b")),
                                       targets: [with(IndicatorValue(date: CalendarDate("2026-11")!, value: "12", comment: "c"))],
                                       actuals: [with(IndicatorValue(date: CalendarDate("2025-06-30")!, value: "5", comment: "c", evidence: "e",
                                                                     by: "J. Kim", at: "2025-07-01T08:00:00Z"))]))
        country.indicators = [indicator]
        country.counterparts = [with(Counterpart(id: "tst-mpw", name: "Ministry of Public Works", role: .lead))]
        country.sdg11a1 = [with(SDGAssessment(date: CalendarDate("2025-03-01")!, policy: "p", evidence: "e", note: "n",
                                              evaluations: [with(SDGEvaluation(evaluator: "A", a: 40, b: 20, c: 75))]))]
        var programme = with(Programme(name: "K-NUPP", shortName: "K", summary: "s",
                                       partners: [with(Partner(id: "molit", name: "MOLIT"))],
                                       goals: [with(Goal(id: "g", title: "Goal", detail: "d"))],
                                       phases: [with(Phase(number: 2, title: "Two", start: CalendarDate("2017")!, end: CalendarDate("2022-06-30")!,
                                                           launch: CalendarDate("2017-03")!, launchNote: "l", implementationStart: CalendarDate("2018")!,
                                                           endIsExpected: true, milestones: [phaseMilestone], plannedEnd: CalendarDate("2022")!,
                                                           endChanges: [DateChange(from: CalendarDate("2022")!, to: CalendarDate("2022-06-30")!,
                                                                                   at: "2022-01-01T00:00:00Z", by: "K", reason: "r")],
                                                           actualEnd: CalendarDate("2022-06-30")!))],
                                       countries: [country],
                                       events: [with(Event(id: "e", date: CalendarDate("2023-06-01")!, title: "E", summary: "s", participants: 63,
                                                           countries: ["TST"]))],
                                       publications: [with({ var p = Publication(id: "pub", title: "T", summary: "s"); p.year = 2019; p.link = "https://example.org/p"; return p }())],
                                       contacts: [with(Contact(id: "c", name: "N", title: "T", unit: "U"))],
                                       prospectiveCountries: [with(ProspectiveCountry(id: "LBR", name: "Liberia", note: "n"))]))
        programme.unknownFields["aaFirst"] = .number("7")
        programme.indicators = [with({ var i = indicator; i.id = "k-plans"; return i }())] // ids are unique across indicators
        programme.budgets = [with(Budget(id: "b-1", phase: 2, country: "TST", periodStart: CalendarDate("2024-01-01")!, periodEnd: CalendarDate("2024-12-31")!,
                                         value: "250000.5", currency: "USD", valueDate: CalendarDate("2024-01-01")!, type: .revised, status: .committed, note: "n"))]
        programme.expenditures = [with(Expenditure(id: "x-1", phase: 2, country: "TST", date: CalendarDate("2024-03-31")!, value: "-12.25", currency: "KRW", note: "refund"))]
        programme.iati = with(IATISettings(reportingOrg: with(IATIOrganisation(ref: "XM-DAC-41120", type: 40, name: "UN-Habitat")),
                                           identifierPrefix: "XM-DAC-41120-KNUPP", sector: "43030",
                                           partners: [with(IATIPartner(id: "molit", roles: [.funding, .accountable], type: 10, ref: "KR-GOV-1"))],
                                           phases: [with(IATIPhase(number: 2, status: 2, shares: [with(IATIShare(country: "TST", percentage: "100"))]))]))
        return programme
    }

    /// The encoding of one record alone, and the record read back from it.
    func roundTrip<R: StoreRecord & Equatable>(_ record: R) throws {
        var w = StoreEncoder()
        w.record(record)
        let bytes = w.bytes
        let back = try #require(StoreDecoder.record(R.self, from: bytes), "\(R.self) does not read back: \(String(decoding: bytes, as: UTF8.self))")
        #expect(back == record, "\(R.self) changed on the way through")
        var again = StoreEncoder()
        again.record(back)
        #expect(again.bytes == bytes, "\(R.self) is not written the same twice")
        // Every field of the table is in the bytes, in sorted order, the unknown keys among them.
        let keys = keysInOrder(bytes)
        #expect(keys == keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, "\(R.self) keys out of order")
        for field in R.storeTable.fields { #expect(keys.contains(field.key), "\(R.self).\(field.key) not written") }
        // And the table names every stored property (a property without its line would be lost on save).
        // (A milestone's rarer fields are stored boxed together, as `rare`.)
        let rare = Mirror(reflecting: Milestone.Rare()).children.compactMap(\.label)
        let labels = Mirror(reflecting: record).children.compactMap(\.label).flatMap { $0 == "rare" ? rare : [$0] }
        let properties = Set(labels).subtracting(["unknownFields"])
        #expect(properties == Set(R.storeTable.fields.map(\.key)), "\(R.self): properties and table differ")
    }

    @Test("every record type round-trips through its table with every field set, keys this version does not know kept in place")
    func everyRecordType() throws {
        let p = Self.full
        try roundTrip(p)
        try roundTrip(p.phases[0])
        try roundTrip(p.countries[0])
        try roundTrip(p.countries[0].scope)
        try roundTrip(p.countries[0].policies[0])
        try roundTrip(p.countries[0].projects[0])
        try roundTrip(p.countries[0].milestones[0])
        try roundTrip(p.events[0])
        try roundTrip(p.publications[0])
        try roundTrip(p.contacts[0])
        try roundTrip(p.prospectiveCountries[0])
        try roundTrip(p.partners[0])
        try roundTrip(p.goals[0])
        try roundTrip(p.countries[0].milestones[0].dueChanges[0])
        try roundTrip(p.countries[0].milestones[0].notes[1])
        try roundTrip(p.countries[0].stageChanges[0])
        try roundTrip(p.countries[0].indicators[0])
        try roundTrip(p.countries[0].indicators[0].actuals[0])
        try roundTrip(p.countries[0].sdg11a1[0])
        try roundTrip(p.countries[0].sdg11a1[0].evaluations[0])
        try roundTrip(p.countries[0].counterparts[0])
        try roundTrip(p.budgets[0])
        try roundTrip(p.expenditures[0])
        let iati = try #require(p.iati)
        try roundTrip(iati)
        try roundTrip(try #require(iati.reportingOrg))
        try roundTrip(iati.partners[0])
        try roundTrip(iati.phases[0])
        try roundTrip(iati.phases[0].shares[0])
    }

    @Test("the whole document with every field set: decoded and encoded to the same bytes, as Foundation's sorted pretty writer writes them")
    func wholeDocument() throws {
        let document = StoreDocument(revision: 4, programme: Self.full)
        let bytes = [UInt8](document.encoded())
        let back = try StoreDocument.decode(bytes: bytes, path: "full.json")
        #expect(back == document)
        #expect([UInt8](back.encoded()) == bytes)
        let tree = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let body = try JSONSerialization.data(withJSONObject: try #require(tree["programme"]),
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        var expected = Array("{\n  \"schemaVersion\" : 1,\n  \"revision\" : 4,\n  \"programme\" : ".utf8)
        PrettyJSON.append(body, indent: "  ", to: &expected)
        expected += Array("\n}\n".utf8)
        #expect(bytes == expected, "differs from Foundation's at byte \(zip(bytes, expected).prefix { $0 == $1 }.count)")
    }

    @Test("a milestone's rarer fields live in one box: 80 bytes inline, equal and hashed alike however it came to hold nothing, a copy untouched by a change")
    func milestoneBox() {
        // Every milestone pays its inline size (900,000 of them in the largest store): a field
        // added inline rather than to `Milestone.Rare` shows here.
        #expect(MemoryLayout<Milestone>.stride <= 80, "Milestone grew to \(MemoryLayout<Milestone>.stride) bytes: add rare fields to Milestone.Rare")
        let plain = Milestone(id: "m", title: "t")
        var touched = plain
        touched.note = "n"; touched.notes = [MilestoneNote(text: "x", by: "A", at: "2026-01-01T00:00:00Z")]; touched.stage = .feasibility
        let copy = touched
        touched.note = nil; touched.notes = []
        #expect(copy.note == "n" && copy.notes.count == 1 && copy.stage == .feasibility, "a change reached a copy")
        #expect(touched != plain && touched.stage == .feasibility)
        touched.stage = nil
        #expect(touched == plain && touched.hashValue == plain.hashValue)
        #expect(Set([touched, plain]).count == 1)
        var other = plain
        other.dueChanges = [DateChange(from: nil, to: CalendarDate("2026")!, at: "2026-01-01T00:00:00Z", by: "A")]
        #expect(other != plain && other.dueChanges.count == 1 && other.note == nil)
    }

    @Test("a required field missing, a field twice, a null where a value must be: each reported at its path, by the table")
    func problemsFromTheTable() throws {
        func problems(_ json: String) -> [String] {
            StoreDecoder.problems(Milestone.self, in: Array(json.utf8)).map { "\(StoreDocument.fieldName($0.path)): \($0.message)" }
        }
        #expect(problems("{\"done\":false,\"id\":\"a\"}") == ["title: missing"])
        #expect(problems("{\"done\":false,\"id\":\"a\",\"id\":\"b\",\"title\":\"t\"}") == ["id: stands twice in one object; keep one"])
        #expect(problems("{\"done\":null,\"id\":\"a\",\"title\":\"t\"}") == ["done: expected true or false, found null"])
        #expect(problems("{\"due\":null,\"done\":true,\"id\":\"a\",\"title\":\"t\",\"x\":1,\"x\":2}") == ["x: stands twice in one object; keep one"])
        #expect(problems("{\"due\":\"soon\",\"done\":true,\"id\":\"a\",\"title\":\"t\"}") == ["due: \"soon\" is not a date: write YYYY-MM-DD (or YYYY-MM, or YYYY)"])
    }
}

/// An object's keys in the order the text gives them.
func keysInOrder(_ bytes: [UInt8]) -> [String] {
    bytes.withUnsafeBufferPointer { buffer in
        var reader = JSONReader(buffer)
        var keys: [String] = []
        guard reader.take(.beginObject) else { return keys }
        while reader.token.kind == .string {
            keys.append(reader.text(of: reader.take()))
            guard reader.take(.colon), reader.skipValue() else { return keys }
            _ = reader.take(.comma)
        }
        return keys
    }
}
