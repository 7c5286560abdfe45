import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation

/// The sample tells the K-NUPP story exactly as the programme's own description does.
@Suite("Sample data fidelity")
struct SampleDataTests {
    @Test("the eight countries, with ISO ids, in their phases")
    func countries() throws {
        let p = try loadSample()
        #expect(p.countries.map(\.id) == ["IRN", "MMR", "NGA", "AZE", "KHM", "EGY", "MOZ", "PRY"])
        #expect(p.countries(inPhase: 1).map(\.id) == ["IRN", "MMR", "NGA"])
        #expect(p.countries(inPhase: 2).map(\.id) == ["AZE", "KHM", "EGY", "MOZ", "PRY"])
        #expect(p.country("NGA")?.scope == .subNational("Niger State"))
        #expect(p.country("IRN")?.scope == .national)
    }

    @Test("both phases with their titles, periods and Phase 2's dates")
    func phases() throws {
        let p = try loadSample()
        let one = try #require(p.phase(1)), two = try #require(p.phase(2))
        #expect(one.start == day("2017") && one.end == day("2022"))
        #expect(one.title.hasPrefix("Developing National Urban Policies and Smart City Strategies in three selected countries"))
        #expect(two.title == "Scaling up People-Centered Smart Cities through National Urban Policies")
        #expect(two.launch == day("2022-06"))
        #expect(two.implementationStart == day("2022-11"))
        #expect(two.end == day("2026-11") && two.endIsExpected)
    }

    @Test("demonstration projects and the people they reached")
    func peopleReached() throws {
        let p = try loadSample()
        #expect(p.country("NGA")?.peopleReached == 500_000)
        #expect(p.country("MMR")?.peopleReached == 32_600)
        #expect(p.country("IRN")?.peopleReached == 200_000)
        #expect(p.peopleReached(phase: 1) == 732_600) // "over 700,000 people in the three countries"
        #expect(p.peopleReached(phase: 2) == 0) // the source gives no Phase 2 figures
    }

    @Test("policies and their status as the source states them")
    func policies() throws {
        let p = try loadSample()
        func status(_ country: String, _ title: String) -> PolicyDocument.Status? {
            p.country(country)?.policies.first { $0.title == title }?.status
        }
        #expect(status("NGA", "Niger State Sub-National Urban Policy") == .adopted)
        #expect(status("NGA", "Niger State Smart City Strategy") == .endorsed)
        #expect(status("IRN", "Iran National Urban Policy") == .pendingApproval)
        #expect(status("MOZ", "Mozambique National Urban Policy") == .draft)
        #expect(p.country("EGY")?.funding.first?.contains("K-City Network") == true)
        #expect(p.country("AZE")?.funding.first?.contains("K-City Network") == true)
    }

    @Test("achievements and milestones are done; open only where the text implies one")
    func milestones() throws {
        let p = try loadSample()
        let entries = p.milestoneEntries
        #expect(entries.count == 16)
        let open = entries.filter { !$0.milestone.done }.map(\.milestone.id)
        #expect(open == ["irn-nup-approval", "phase-2-completion"])
        #expect(p.milestone("phase-2-completion")?.due == day("2026-11"))
        #expect(p.milestone("irn-nup-approval")?.due == nil)
        // Achievements recorded from the source carry no invented tick date or officer.
        #expect(entries.allSatisfy { $0.milestone.doneAt == nil && $0.milestone.doneBy == nil })
        #expect(p.phase(1)?.milestones.contains { $0.title == "Successful Phase 1 evaluation" } == true)
        #expect(p.country("MOZ")?.milestones.first?.title == "Draft of Mozambique National Urban Policy")
    }

    @Test("the two June 2023 events, 63 participants at the first")
    func events() throws {
        let p = try loadSample()
        #expect(p.events.map(\.date) == [day("2023-06-05"), day("2023-06-08")])
        #expect(p.events[0].participants == 63)
        #expect(p.events[1].participants == nil)
        #expect(p.events[1].title == "Africa Ministerial session on National Urban Policy")
    }

    @Test("publications, contacts, prospective countries, partners and goals")
    func restOfTheRecord() throws {
        let p = try loadSample()
        #expect(p.publications.count == 8)
        #expect(p.publications.allSatisfy { $0.title == nil }) // the source gives only opening words
        #expect(p.contacts.map(\.name) == ["Mr. Remy Sietchiping", "Mr. Duk Hwan Son"])
        #expect(p.prospectiveCountries.map(\.name) == ["Republic of Liberia", "Abia State, Federal Republic of Nigeria", "Kingdom of Lesotho"])
        #expect(p.partners.map(\.id) == ["un-habitat", "molit"])
        #expect(p.goals.first?.title.contains("11.a.1") == true)
    }

    static let sourcePath = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/source/knupp-programme.txt").path

    @Test("every figure in the sample appears in the source text",
          .enabled(if: FileManager.default.fileExists(atPath: SampleDataTests.sourcePath), "needs ../shared/source beside the checkout"))
    func noInventedFigures() throws {
        let source = try String(contentsOfFile: SampleDataTests.sourcePath, encoding: .utf8)
        let p = try loadSample()
        for project in p.countries.flatMap(\.projects) {
            let n = try #require(project.peopleReached)
            #expect(source.contains(Format.grouped(n)), "\(n) is not in the source")
            #expect(source.contains(project.title), "“\(project.title)” is not in the source")
        }
        for event in p.events { #expect(source.contains(event.title)) }
        #expect(source.contains("Total of 63 participants"))
    }

    @Test("the sample file is in the store's canonical form (a save rewrites nothing else)")
    func canonical() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: samplePath))
        let document = try StoreDocument.decode(data, path: samplePath)
        #expect(document.encoded() == data)
    }
}

enum Format {
    static func grouped(_ n: Int) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}
