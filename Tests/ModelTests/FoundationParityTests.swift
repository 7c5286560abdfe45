import Foundation
import Generator
import Testing
@testable import Model
import TestSupport

/// The store's writer against Foundation's: the same values, the same bytes, on a large store
/// with every kind of character, so files written before and after the change of writer diff
/// only where the record changed.
@Suite("Store writer parity with Foundation")
struct FoundationParityTests {
    @Test("a generated store of 20,000 milestones is written byte for byte as Foundation's sorted, pretty writer does")
    func largeStoreParity() throws {
        var programme = LargeProgramme.make(from: try loadSample(), countries: 200, milestones: 20_000)
        programme.countries[3].notes = "Quote \" backslash \\ tab \t newline \n esc \u{1B} bell \u{7} é 국가 /slash 😀"
        programme.countries[4].milestones[0].evidence = "https://example.org/a?b=c&d=e"
        let ours = StoreDocument(revision: 7, programme: programme).encoded()
        let tree = try #require(try JSONSerialization.jsonObject(with: ours) as? [String: Any])
        let body = try JSONSerialization.data(withJSONObject: try #require(tree["programme"]),
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        var expected = Array("{\n  \"schemaVersion\" : 1,\n  \"revision\" : 7,\n  \"programme\" : ".utf8)
        PrettyJSON.append(body, indent: "  ", to: &expected)
        expected += Array("\n}\n".utf8)
        let a = [UInt8](ours)
        let first = zip(a, expected).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, expected.count)
        #expect(a == expected, "first difference at byte \(first): …\(String(decoding: a[max(0, first - 40)..<min(a.count, first + 40)], as: UTF8.self))…")
        #expect(try StoreDocument.decode(ours, path: "large.json").programme == programme, "and it reads back the same")
    }

    @Test("a tick's moment and today's date, worked out by hand, agree with Foundation's formatter and time zone")
    func momentsAndDays() {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        var seconds: Double = -2_208_988_800 // 1900-01-01
        while seconds < 4_102_444_800 { // 2100-01-01
            let date = Date(timeIntervalSince1970: seconds + 0.75)
            #expect(isoMoment(date) == formatter.string(from: date), "\(seconds)")
            #expect(CalendarDate.localDay(of: date) == CalendarDate.day(of: date, in: .current), "\(seconds)")
            seconds += 86_400 * 37 + 3_671 // a day and an hour that move every step
        }
    }

    @Test("a moment read by hand names the instant Foundation's formatter reads, and falls on the day its calendar gives in Seoul and in UTC")
    func momentsRead() throws {
        let plain = ISO8601DateFormatter()
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        // From 1970: before it, some zones' offsets have seconds, which ISO 8601 moments do not.
        var seconds: Double = 0
        var step = 0
        while seconds < 4_102_444_800 {
            let date = Date(timeIntervalSince1970: seconds)
            for zone in ["UTC", "Asia/Seoul", "America/Asuncion", "Asia/Tehran"] {
                let tz = try #require(TimeZone(identifier: zone))
                plain.timeZone = tz
                fractional.timeZone = tz
                let texts = [plain.string(from: date), fractional.string(from: date.addingTimeInterval(0.125))]
                for text in texts {
                    let ours = try #require(Moment.date(text), "\(text)")
                    let theirs = try #require(text.contains(".") ? fractional.date(from: text) : plain.date(from: text))
                    #expect(abs(ours.timeIntervalSince(theirs)) < 0.000_001, "\(text)")
                    for dayZone in ["UTC", "Asia/Seoul"] {
                        let z = try #require(TimeZone(identifier: dayZone))
                        #expect(Moment.day(text, in: z) == CalendarDate.day(of: theirs, in: z), "\(text) in \(dayZone)")
                    }
                }
            }
            step += 1
            seconds += 86_400 * 41 + 3_671 * Double(step % 7)
        }
        #expect(Moment.date("2026-11-28 10:00:00Z") == nil && Moment.day("yesterday", in: .current) == nil)
    }
}
