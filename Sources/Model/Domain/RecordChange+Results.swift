import Foundation

/// The words of a change of results: an actual or a target recorded, a baseline set, an
/// evaluator's SDG 11.a.1 scores, rather than two lists of values side by side.
extension RecordChange {
    /// The details of a change of `key`, when it holds results; nil for any other field.
    static func resultDetails(_ key: String, _ old: JSONValue?, _ new: JSONValue?) -> [String]? {
        func entries(_ value: JSONValue?) -> [[String: JSONValue]] {
            guard case .array(let items)? = value else { return [] }
            return items.compactMap { if case .object(let m) = $0 { m } else { nil } }
        }
        func said(_ m: [String: JSONValue]) -> String {
            let value = Programme.word(m["value"]) ?? Programme.word(m["comment"]) ?? "no value"
            return "“\(value)” on \(Programme.word(m["date"]) ?? "?")"
        }
        switch key {
        case "baseline":
            let was: String? = { if case .object(let m)? = old { said(m) } else { nil } }()
            let now: String? = { if case .object(let m)? = new { said(m) } else { nil } }()
            return ["baseline: \(was ?? "none") → \(now ?? "none")"]
        case "actuals", "targets":
            let before = entries(old)
            let word = key == "actuals" ? "actual" : "target"
            var told = entries(new).filter { !before.contains($0) }.map { "\(word) recorded: " + said($0) }
            let after = entries(new)
            told += before.filter { m in !after.contains { $0["date"] == m["date"] } }.map { "\(word) taken away: " + said($0) }
            return told
        case "sdg11a1":
            let before = entries(old)
            var told: [String] = []
            for assessment in entries(new) {
                let day = Programme.word(assessment["date"]) ?? "?"
                let earlier = before.first { $0["date"] == assessment["date"] }
                let was = entries(earlier?["evaluations"])
                for e in entries(assessment["evaluations"]) where !was.contains(e) {
                    let scores = ["a", "b", "c"].map { "\($0) \(e[$0]?.shown ?? "?")" }.joined(separator: ", ")
                    told.append("SDG 11.a.1 of \(day): \(Programme.word(e["evaluator"]) ?? "?") scored \(scores)")
                }
                if earlier == nil && entries(assessment["evaluations"]).isEmpty { told.append("SDG 11.a.1 of \(day): assessed, no NUP (0)") }
            }
            for assessment in before where !entries(new).contains(where: { $0["date"] == assessment["date"] }) {
                told.append("SDG 11.a.1 of \(Programme.word(assessment["date"]) ?? "?") taken away")
            }
            return told
        default:
            return nil
        }
    }
}
