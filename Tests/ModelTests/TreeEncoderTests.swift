import Foundation
import Testing
@testable import Model

/// The store's own encoder writes exactly what Foundation's JSONEncoder writes (sorted keys,
/// pretty-printed, slashes unescaped), with empty lists and objects as "[]" and "{}".
@Suite("Store encoder matches Foundation's")
struct TreeEncoderTests {
    /// Foundation's output with Linux's "[\n  \n]" for an empty list written "[]".
    func reference<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let text = String(decoding: try encoder.encode(value), as: UTF8.self)
        let collapsed = try NSRegularExpression(pattern: "([\\[{])\\n *\\n *([\\]}])")
        return collapsed.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: "$1$2")
    }

    func ours<T: Encodable>(_ value: T) throws -> String { try PrettyJSON.encode(value) }

    @Test("the sample programme")
    func sample() throws {
        let programme = try loadSample()
        #expect(try ours(programme) == reference(programme))
    }

    @Test("text with quotes, backslashes, slashes, control characters, wide and combining characters")
    func strings() throws {
        var programme = try loadSample()
        programme.countries[0].notes = "a \"quote\" \\ back/slash\n\ttab \u{1B}[31m \u{07}\u{7F} 서울 é e\u{301} 🇰🇷 \u{2028}"
        programme.countries[1].milestones.append(Milestone(id: "x/y", title: "\u{0}\u{1F}", due: CalendarDate("2026-02")))
        #expect(try ours(programme) == reference(programme))
    }

    @Test("a large generated programme, and an empty one")
    func shapes() throws {
        var programme = try loadSample()
        for i in 0..<300 {
            programme.countries[i % 8].milestones.append(
                Milestone(id: "g\(i)", title: "Generated \(i)", due: CalendarDate.fromOrdinal(19_000 + i), done: i % 3 == 0,
                          doneAt: i % 3 == 0 ? "2026-01-01T00:00:00Z" : nil, doneBy: i % 3 == 0 ? "o" : nil, evidence: i % 5 == 0 ? "doc" : nil))
        }
        #expect(try ours(programme) == reference(programme))
        #expect(try ours(Programme.empty) == reference(Programme.empty))
        let report = ProgressReport(programme: programme, asOf: CalendarDate.fromOrdinal(20_000))
        #expect(try ours(report) == reference(report))
    }
}
