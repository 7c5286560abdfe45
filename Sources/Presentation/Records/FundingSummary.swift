import Foundation
import Model

/// Money planned and spent, in one currency: what a country's page and the reports say of a
/// phase's or a country's budgets and expenditures. Per period the revised budget stands for the
/// original; amounts are summed as decimals, never as binary fractions.
public struct FundingSummary: Codable, Equatable, Sendable {
    public var currency: String
    public var budgeted: Decimal
    public var spent: Decimal
    /// The share spent, 0–100 (more when overspent), rounded; nil without a budget.
    public var percent: Int?

    public init(currency: String, budgeted: Decimal, spent: Decimal) {
        self.currency = currency; self.budgeted = budgeted; self.spent = spent
        if budgeted > 0 {
            var share = spent / budgeted * 100, rounded = Decimal()
            NSDecimalRound(&rounded, &share, 0, .plain)
            percent = NSDecimalNumber(decimal: rounded).intValue
        }
    }

    /// One line per currency (sorted), for budgets and expenditures already chosen (a country's,
    /// or a phase's own); expenditures after `asOf` left out.
    public static func of(_ budgets: [Budget], _ expenditures: [Expenditure], asOf: CalendarDate) -> [FundingSummary] {
        // Per currency and period: the original budgets' sum, and the revised ones' where there are any.
        struct Period: Hashable { let currency: String, start: Int, end: Int }
        var original: [Period: Decimal] = [:], revised: [Period: Decimal] = [:]
        for b in budgets {
            let period = Period(currency: b.currency, start: b.periodStart.firstOrdinal, end: b.periodEnd.lastOrdinal)
            let value = Decimal(string: b.value) ?? 0
            if b.type == .revised { revised[period, default: 0] += value } else { original[period, default: 0] += value }
        }
        var budgeted: [String: Decimal] = [:], spent: [String: Decimal] = [:]
        for period in Set(original.keys).union(revised.keys) { budgeted[period.currency, default: 0] += revised[period] ?? original[period] ?? 0 }
        for e in expenditures where e.date.firstOrdinal <= asOf.lastOrdinal { spent[e.currency, default: 0] += Decimal(string: e.value) ?? 0 }
        return Set(budgeted.keys).union(spent.keys).sorted().map { FundingSummary(currency: $0, budgeted: budgeted[$0] ?? 0, spent: spent[$0] ?? 0) }
    }

    /// "USD 12,500.5 spent of 60,000 budgeted (21%)".
    public var sentence: String {
        if budgeted == 0 { return L("%@ %@ spent, no budget recorded", currency, FundingSummary.amount(spent)) }
        return L("%@ %@ spent of %@ budgeted (%@%%)", currency, FundingSummary.amount(spent), FundingSummary.amount(budgeted), "\(percent ?? 0)")
    }

    /// An amount as the record writes it, grouped: "1,250,000.5".
    public static func amount(_ value: Decimal) -> String { amount("\(value)") }

    /// A decimal's digits with its thousands grouped: "1250000.5" → "1,250,000.5".
    public static func amount(_ text: String) -> String {
        let negative = text.hasPrefix("-")
        let digits = negative ? String(text.dropFirst()) : text
        let whole = digits.prefix { $0 != "." }, rest = digits.dropFirst(whole.count)
        var out = ""
        for (i, c) in whole.enumerated() {
            if i > 0 && (whole.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (negative ? "-" : "") + out + rest
    }
}
