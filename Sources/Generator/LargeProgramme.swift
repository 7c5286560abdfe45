import Foundation
import Model

/// A programme far larger than K-NUPP, for benchmarks and for checking that cost follows what
/// is on screen: `countries` countries over two phases, `milestones` milestones spread among
/// them (on top of the sample's own), from a fixed seed so every run measures the same store.
public enum LargeProgramme {
    public static func make(from sample: Programme, countries: Int = 200, milestones: Int = 20_000, seed: UInt64 = 42) -> Programme {
        var programme = sample
        var rng = seed
        func next() -> UInt64 {
            rng = rng &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return rng >> 33
        }
        let stages = NUPStage.allCases
        programme.countries = (0..<countries).map { i in
            let id = String(format: "C%03d", i)
            return Country(id: id, name: "Country \(i) 국가", phase: i % 2 + 1,
                           scope: i % 7 == 0 ? .subNational("State \(i)") : .national,
                           stage: i % 3 == 0 ? nil : stages[Int(next() % UInt64(stages.count))],
                           policies: [PolicyDocument(id: "\(id)-nup", title: "National Urban Policy of \(i)", status: .draft)],
                           projects: [DemonstrationProject(id: "\(id)-p", title: "Project \(i)", peopleReached: Int(next() % 100_000))])
        }
        guard countries > 0 else { return programme }
        for m in 0..<milestones {
            let c = m % countries
            let day = CalendarDate.fromOrdinal(CalendarDate.ordinal(year: 2017, month: 1, day: 1) + Int(next() % 3650))
            let done = next() % 3 == 0
            programme.countries[c].milestones.append(
                Milestone(id: "m\(m)", title: "Milestone \(m) of \(programme.countries[c].name)", due: day, done: done,
                          doneAt: done ? "2026-01-01T00:00:00Z" : nil, doneBy: done ? "officer" : nil))
        }
        return programme
    }
}
