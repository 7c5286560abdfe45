/// Money planned for a phase or a country of it: IATI's `budget`. Its value is a decimal number
/// written as the officer gave it ("250000", "1250.50").
public struct Budget: Hashable, Sendable, Identifiable {
    /// Revised: the original was replaced; IATI's BudgetType 1 and 2.
    public enum Kind: String, Sendable, CaseIterable { case original, revised }
    /// Indicative or committed: IATI's BudgetStatus 1 and 2.
    public enum Status: String, Sendable, CaseIterable { case indicative, committed }

    public var id: String
    public var phase: Int
    /// The country whose activity it funds; none for the phase's own.
    public var country: String?
    public var periodStart: CalendarDate
    public var periodEnd: CalendarDate
    public var value: String
    public var currency: String
    public var valueDate: CalendarDate
    public var type: Kind
    public var status: Status
    public var note: String?
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, phase: Int, country: String? = nil, periodStart: CalendarDate, periodEnd: CalendarDate, value: String,
                currency: String, valueDate: CalendarDate, type: Kind = .original, status: Status = .indicative, note: String? = nil) {
        self.id = id; self.phase = phase; self.country = country; self.periodStart = periodStart; self.periodEnd = periodEnd
        self.value = value; self.currency = currency; self.valueDate = valueDate; self.type = type; self.status = status; self.note = note
    }
}

/// Money spent on a day, for a phase or a country of it: IATI's transaction of type 4.
public struct Expenditure: Hashable, Sendable, Identifiable {
    public var id: String
    public var phase: Int
    public var country: String?
    public var date: CalendarDate
    public var value: String
    public var currency: String
    public var note: String?
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, phase: Int, country: String? = nil, date: CalendarDate, value: String, currency: String, note: String? = nil) {
        self.id = id; self.phase = phase; self.country = country; self.date = date; self.value = value; self.currency = currency; self.note = note
    }
}

/// A country's government counterpart: the ministry or office the programme works with there.
public struct Counterpart: Hashable, Sendable, Identifiable {
    /// What it does for the country's NUP: leads it, implements it, or funds it.
    public enum Role: String, Sendable, CaseIterable { case lead, implementing, funding }

    public var id: String
    public var name: String
    public var role: Role
    public var unknownFields: [String: JSONValue] = [:]

    public init(id: String, name: String, role: Role) { self.id = id; self.name = name; self.role = role }
}

/// A decimal amount as the record writes it: digits, at most one point, an optional minus.
public enum Amount {
    public static func isValid(_ text: String) -> Bool {
        var digits = 0, points = 0, afterPoint = 0
        for (i, b) in text.utf8.enumerated() {
            switch b {
            case UInt8(ascii: "-") where i == 0: continue
            case UInt8(ascii: "."): points += 1; if points > 1 || digits == 0 { return false }
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1; if points == 1 { afterPoint += 1 }
            default: return false
            }
        }
        return digits > 0 && digits <= 30 && (points == 0 || afterPoint > 0)
    }

    /// A valid amount as JSON writers write the number: no leading zeros, no trailing zeros after
    /// the point ("0250.50" → "250.5", "-0" → "0").
    public static func canonical(_ text: String) -> String {
        var s = Substring(text)
        let negative = s.hasPrefix("-")
        if negative { s = s.dropFirst() }
        var whole = s.prefix { $0 != "." }, fraction = s.dropFirst(whole.count).dropFirst()
        while whole.count > 1, whole.hasPrefix("0") { whole = whole.dropFirst() }
        while fraction.hasSuffix("0") { fraction = fraction.dropLast() }
        let out = fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
        return negative && out != "0" ? "-" + out : out
    }
}
