import Foundation

/// One assessment of a country's national urban policy against SDG indicator 11.a.1, by the
/// indicator's own method (UN SDG metadata, updated 2021-12-20): each evaluator scores the three
/// qualifiers — (a) responds to population dynamics, (b) ensures balanced territorial development,
/// (c) increases local fiscal space — from 0 to 100; Qa, Qb, Qc are the means over evaluators;
/// X = (Qa + Qb + Qc) / 3; a country counts when X ≥ 51, unrounded. Without a policy (no NUP) the
/// country has no evaluations and X is 0. Optional in the store, on each country.
public struct SDGAssessment: Hashable, Sendable {
    public var date: CalendarDate
    /// The id of the country's policy assessed; nil when the country has no NUP.
    public var policy: String?
    public var evidence: String?
    public var note: String?
    public var evaluations: [SDGEvaluation]

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(date: CalendarDate, policy: String?, evidence: String? = nil, note: String? = nil, evaluations: [SDGEvaluation] = []) {
        self.date = date; self.policy = policy; self.evidence = evidence; self.note = note; self.evaluations = evaluations
    }
}

/// One evaluator's scores of the three qualifiers, each a whole number from 0 to 100.
public struct SDGEvaluation: Hashable, Sendable {
    public var evaluator: String
    public var a: Int
    public var b: Int
    public var c: Int

    /// Keys the file holds for this record that this version does not know: written back as they were.
    public var unknownFields: [String: JSONValue] = [:]

    public init(evaluator: String, a: Int, b: Int, c: Int) { self.evaluator = evaluator; self.a = a; self.b = b; self.c = c }
}

/// The indicator's figures for one assessment, computed exactly: every mean is kept as a sum over
/// a count (no binary floating point decides the 51 line).
public struct SDG11a1Score: Equatable, Sendable {
    /// The sums of each qualifier's scores over the evaluators, and how many evaluators there were.
    public let sumA: Int, sumB: Int, sumC: Int, evaluators: Int

    /// No evaluations: X = 0, category 1 (never assessed, or no NUP).
    public static let zero = SDG11a1Score(sumA: 0, sumB: 0, sumC: 0, evaluators: 0)

    private init(sumA: Int, sumB: Int, sumC: Int, evaluators: Int) {
        self.sumA = sumA; self.sumB = sumB; self.sumC = sumC; self.evaluators = evaluators
    }

    /// nil when a score is outside 0...100 (a store that `validate` refuses).
    public init?(_ assessment: SDGAssessment) {
        guard assessment.policy != nil, !assessment.evaluations.isEmpty else {
            sumA = 0; sumB = 0; sumC = 0; evaluators = 0
            return
        }
        var a = 0, b = 0, c = 0
        for e in assessment.evaluations {
            guard (0...100).contains(e.a), (0...100).contains(e.b), (0...100).contains(e.c) else { return nil }
            a += e.a; b += e.b; c += e.c // at most 100 × the evaluators: no overflow from scores in range
        }
        sumA = a; sumB = b; sumC = c; evaluators = assessment.evaluations.count
    }

    /// A mean as a fraction (numerator, denominator); 0/1 without evaluators.
    public var qa: (Int, Int) { evaluators == 0 ? (0, 1) : (sumA, evaluators) }
    public var qb: (Int, Int) { evaluators == 0 ? (0, 1) : (sumB, evaluators) }
    public var qc: (Int, Int) { evaluators == 0 ? (0, 1) : (sumC, evaluators) }
    /// X = (Qa + Qb + Qc) / 3 as a fraction.
    public var x: (Int, Int) { evaluators == 0 ? (0, 1) : (sumA + sumB + sumC, 3 * evaluators) }

    /// X ≥ 51, unrounded.
    public var meets: Bool { x.0 >= 51 * x.1 }

    /// The category of a value: 1 (0), 2 (above 0, below 26), 3 (26 to below 51), 4 (51 to below 76), 5 (76 and up).
    public static func category(_ value: (Int, Int)) -> Int {
        let (n, d) = value
        if n == 0 { return 1 }
        if n < 26 * d { return 2 }
        if n < 51 * d { return 3 }
        if n < 76 * d { return 4 }
        return 5
    }

    /// A fraction to one decimal, rounded half up: "45.0", "50.7".
    public static func shown(_ value: (Int, Int)) -> String {
        let (n, d) = value
        let tenths = (n * 10 * 2 + d) / (2 * d)
        return "\(tenths / 10).\(tenths % 10)"
    }
}

extension Country {
    /// The country's latest assessment on or before `day`; nil when none: "not assessed — reported as 0".
    public func sdg11a1(asOf day: CalendarDate) -> SDGAssessment? {
        sdg11a1.filter { $0.date.lastOrdinal <= day.lastOrdinal }.max { $0.date.lastOrdinal < $1.date.lastOrdinal }
    }

    /// Developing (feasibility to formulation) or implementing (implementation, M&E), from the NUP stage.
    public var sdgStage: String? {
        switch stage {
        case .feasibility?, .diagnosis?, .formulation?: "developing"
        case .implementation?, .monitoringAndEvaluation?: "implementing"
        case nil: nil
        }
    }
}
