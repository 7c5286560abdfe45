import Foundation
import Testing
@testable import Model
import TestSupport

/// SDG indicator 11.a.1 by the UN SDG metadata's method, computed exactly.
@Suite("SDG 11.a.1: the indicator's method, exactly")
struct SDG11a1Tests {
    func score(_ evaluations: [(Int, Int, Int)], policy: String? = "moz-nup") -> SDG11a1Score? {
        SDG11a1Score(SDGAssessment(date: CalendarDate("2025-03-01")!, policy: policy,
                                   evaluations: evaluations.enumerated().map { SDGEvaluation(evaluator: "E\($0.offset)", a: $0.element.0, b: $0.element.1, c: $0.element.2) }))
    }

    @Test("the metadata's own example: a 40, b 20, c 75 → X 45.0, categories 3/2/4, X in 3, not counted")
    func metadataExample() throws {
        let s = try #require(score([(40, 20, 75)]))
        #expect(SDG11a1Score.shown(s.x) == "45.0" && !s.meets)
        #expect([s.qa, s.qb, s.qc].map(SDG11a1Score.category) == [3, 2, 4] && SDG11a1Score.category(s.x) == 3)
    }

    @Test("four evaluators are averaged; 51/51/51 counts and 50/51/51 (X 50.67) does not, unrounded; 0 is category 1")
    func averagesAndTheLine() throws {
        let four = try #require(score([(40, 20, 75), (60, 30, 75), (50, 40, 76), (30, 10, 74)]))
        #expect(four.qa == (180, 4) && SDG11a1Score.shown(four.qa) == "45.0" && SDG11a1Score.shown(four.qc) == "75.0")
        #expect(SDG11a1Score.category(four.qc) == 4, "75.0 is below 76")
        #expect(try #require(score([(51, 51, 51)])).meets)
        let just = try #require(score([(50, 51, 51)]))
        #expect(!just.meets && SDG11a1Score.shown(just.x) == "50.7" && SDG11a1Score.category(just.x) == 3)
        #expect(SDG11a1Score.category(try #require(score([(0, 0, 0)])).x) == 1)
        #expect(SDG11a1Score.category((1, 3)) == 2, "any score above 0 is at least category 2")
    }

    @Test("no policy named (no NUP) is X 0, category 1, whatever is written; a score out of 0...100 is no score")
    func noPolicyAndBadScores() throws {
        let none = try #require(score([(90, 90, 90)], policy: nil))
        #expect(none.x == (0, 1) && !none.meets && SDG11a1Score.category(none.x) == 1)
        #expect(score([(101, 0, 0)]) == nil && score([(0, -1, 0)]) == nil)
    }

    @Test("a country's status is its latest assessment on or before the day; none before the first; developing or implementing from its stage")
    func asOf() throws {
        var country = Country(id: "MOZ", name: "Mozambique", phase: 2, stage: .formulation)
        country.sdg11a1 = [SDGAssessment(date: CalendarDate("2024-06-01")!, policy: "moz-nup", evaluations: [SDGEvaluation(evaluator: "A", a: 40, b: 20, c: 75)]),
                           SDGAssessment(date: CalendarDate("2025-03-01")!, policy: "moz-nup", evaluations: [SDGEvaluation(evaluator: "A", a: 60, b: 60, c: 60)])]
        #expect(country.sdg11a1(asOf: CalendarDate("2024-05-31")!) == nil)
        #expect(country.sdg11a1(asOf: CalendarDate("2024-12-31")!)?.date == CalendarDate("2024-06-01"))
        #expect(country.sdg11a1(asOf: CalendarDate("2026-01-01")!).flatMap(SDG11a1Score.init)?.meets == true)
        #expect(country.sdgStage == "developing")
        country.stage = .implementation
        #expect(country.sdgStage == "implementing")
    }

    @Test("a store with indicators and assessments reads and writes byte for byte; one without them is as before")
    func storeRoundTrip() throws {
        var programme = try loadSample()
        programme.countries[6].sdg11a1 = [SDGAssessment(date: CalendarDate("2025-03-01")!, policy: "moz-nup", evidence: "https://example.org/test-data",
                                                        note: "test data", evaluations: [SDGEvaluation(evaluator: "A", a: 40, b: 20, c: 75)])]
        programme.indicators = [Indicator(id: "test-indicator", title: "Test data: municipal plans", measure: .unit,
                                          baseline: IndicatorValue(date: CalendarDate("2022-11")!, value: "0"))]
        let bytes = StoreDocument(programme: programme).encoded()
        let back = try StoreDocument.decode(bytes, path: "fixture.json")
        #expect(back.programme == programme && back.encoded() == bytes)
        let sample = try Data(contentsOf: URL(fileURLWithPath: samplePath))
        #expect(try StoreDocument.decode(sample, path: samplePath).encoded() == sample)
        // The fixture on disk (labelled test data; also a seed of scripts/fuzz): byte for byte, and its figures.
        let fixture = packageRoot.appendingPathComponent("Tests/ModelTests/Fixtures/indicators-test-data.json").path
        let data = try Data(contentsOf: URL(fileURLWithPath: fixture))
        let document = try StoreDocument.decode(data, path: fixture)
        #expect(document.encoded() == data)
        let moz = try #require(document.programme.country("MOZ"))
        let s = try #require(moz.sdg11a1(asOf: CalendarDate("2026-11-28")!).flatMap(SDG11a1Score.init))
        #expect(s.qa == (100, 2) && SDG11a1Score.shown(s.x) == "50.0" && !s.meets)
        #expect(moz.indicators.first?.measure == .qualitative && document.programme.indicators.first?.actuals.first?.value == "1")
    }
}
