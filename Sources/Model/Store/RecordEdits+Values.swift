import Foundation

/// Values as an officer types them (`knupp set`, the record forms), and records as an officer names them.
extension FieldKind {
    /// The value an officer typed, as the file holds it: "none" (or nothing) takes an optional
    /// field away; a number, a yes/no, a date, a word of the field's, a scope ("national" or the
    /// subdivision's name), texts with commas between them. The reason when it cannot be.
    public func value(from typed: String, required: Bool) -> Result<JSONValue, FieldValueError> {
        let text = typed.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text.lowercased() == "none" {
            if !required { return .success(.null) }
            // A list may be empty ("countries=none": the event names no country).
            if self == .texts { return .success(.array([])) }
            if text.lowercased() == "none" || self != .text { return .failure(FieldValueError(L("must have a value: it cannot be none"))) }
        }
        switch self {
        case .text: return .success(.string(typed))
        case .number:
            guard let n = Int(text) else { return .failure(FieldValueError(L("“%@” is not a whole number", "\(typed)"))) }
            return .success(.number(String(n)))
        case .amount:
            // Groups of digits may be typed with commas or spaces between them: 1,250,000.
            let digits = text.filter { $0 != "," && $0 != " " && $0 != "_" }
            guard Amount.isValid(digits) else { return .failure(FieldValueError(L("“%@” is not an amount: write digits with at most one point (250000 or 1250.50)", "\(typed)"))) }
            return .success(.number(Amount.canonical(digits)))
        case .flag:
            switch text.lowercased() {
            case "true", "yes", "y", "1": return .success(.bool(true))
            case "false", "no", "n", "0": return .success(.bool(false))
            default: return .failure(FieldValueError(L("“%@” is not yes or no", "\(typed)")))
            }
        case .date:
            guard CalendarDate(text) != nil else { return .failure(FieldValueError(L("“%@” is not a date: write YYYY-MM-DD, YYYY-MM or YYYY", "\(typed)"))) }
            return .success(.string(text))
        case .word(let words):
            // The word as the file writes it, or as the screen shows it ("pending approval").
            let squeezed = text.lowercased().filter { $0.isLetter }
            if let word = words.first(where: { $0 == text }) ?? words.first(where: { $0.lowercased() == squeezed }) { return .success(.string(word)) }
            if squeezed == "me" || squeezed == "monitoringevaluation", words.contains("monitoringAndEvaluation") { return .success(.string("monitoringAndEvaluation")) }
            // The start of one word alone ("monitoring", "impl").
            let starting = words.filter { !squeezed.isEmpty && $0.lowercased().hasPrefix(squeezed) }
            if starting.count == 1 { return .success(.string(starting[0])) }
            return .failure(FieldValueError(L("“%@” is not one of ", "\(typed)") + words.joined(separator: ", ")))
        case .scope:
            if text.lowercased() == "national" { return .success(.object(["level": .string("national")])) }
            guard !text.isEmpty else { return .failure(FieldValueError(L("write “national” or the subdivision's name (“Niger State”)"))) }
            return .success(.object(["level": .string("subNational"), "subdivision": .string(text)]))
        case .texts:
            return .success(.array(text.split(separator: ",").map { .string($0.trimmingCharacters(in: .whitespaces)) }.filter { $0 != .string("") }))
        case .records:
            return .failure(FieldValueError(L("holds records of its own: add and remove them as records")))
        }
    }

    /// How the value is typed, for help and forms.
    public var hint: String {
        switch self {
        case .text: "text"
        case .number: "a whole number"
        case .amount: "an amount (250000 or 1250.50)"
        case .flag: "yes or no"
        case .date: "YYYY-MM-DD, YYYY-MM or YYYY"
        case .word(let words): words.joined(separator: "|")
        case .scope: "national, or the subdivision's name"
        case .texts: "texts, with commas between them"
        case .records: "records of their own"
        }
    }
}

/// Why a typed value cannot be a field's.
public struct FieldValueError: Error, Equatable, Sendable {
    public var message: String
    public init(_ message: String) { self.message = message }
}

extension Programme {
    /// Every record whose id an officer's word names, of any kind: exactly (ignoring case), else
    /// by a unique start. "KIND:ID" names the kind; a policy or project is "COUNTRY/ID" too.
    public func findRecords(_ query: String) -> [RecordRef] {
        var kinds = RecordKind.allCases
        var word = query
        if let colon = query.firstIndex(of: ":"), let kind = RecordKind(rawValue: String(query[..<colon]).lowercased()) {
            kinds = [kind]; word = String(query[query.index(after: colon)...])
        }
        var countryFilter: String?
        if let slash = word.firstIndex(of: "/") {
            countryFilter = String(word[..<slash]); word = String(word[word.index(after: slash)...])
        }
        var all: [RecordRef] = []
        for kind in kinds {
            if kind.mayBelongToCountry {
                for c in countries where countryFilter.map({ $0.lowercased() == c.id.lowercased() }) ?? true {
                    all += recordIDs(kind, country: c.id).map { RecordRef(kind, $0, country: c.id) }
                }
            }
            if !kind.belongsToCountry && countryFilter == nil {
                all += recordIDs(kind).map { RecordRef(kind, $0) }
            }
        }
        let folded = word.lowercased()
        let exact = all.filter { $0.id == word }
        if !exact.isEmpty { return exact }
        let caseless = all.filter { $0.id.lowercased() == folded }
        if !caseless.isEmpty { return caseless }
        return folded.isEmpty ? [] : all.filter { $0.id.lowercased().hasPrefix(folded) }
    }
}

extension JSONValue {
    /// A field's value as an officer reads and types it: text as it is, a number's digits, yes or
    /// no, a list with commas, a scope as "national" or its subdivision. The one wording for the
    /// record forms, the record pane and the changes `knupp log` lists.
    public var shown: String {
        switch self {
        case .string(let s): s
        case .number(let n): n
        case .bool(let b): b ? "yes" : "no"
        case .array(let items): items.map(\.shown).joined(separator: ", ")
        case .object(let m): m["level"] == .string("national") ? "national" : (m["subdivision"]?.shown ?? Programme.word(m["level"]) ?? text)
        case .null: ""
        }
    }
}
