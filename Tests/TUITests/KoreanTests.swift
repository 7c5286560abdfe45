import Foundation
import Testing
@testable import Model
import TestSupport
@testable import Presentation
@testable import TUI
import Sync

/// 한국어: the catalogue, the layout by display width, the front in a real terminal, the reports.
@Suite("Korean: the catalogue, widths, the front and the reports")
struct KoreanTests {
    static let resources = packageRoot.appendingPathComponent("Sources/Presentation/Resources")

    static func table(_ language: String) throws -> [String: String] {
        let text = try String(contentsOf: resources.appendingPathComponent("\(language).lproj/Localizable.strings"), encoding: .utf8)
        return try StringsFile.parse(text)
    }

    /// The format specifiers of a text, as the loader reads them: `%@` counted in order, `%N$@` by
    /// number; the set of argument numbers each one takes.
    static func specifiers(_ text: String) -> [Int] {
        var taken: [Int] = []
        var next = 1
        for match in text.matches(of: /%(?:([0-9]+)\$)?@/) {
            if let n = match.output.1.flatMap({ Int($0) }) { taken.append(n) } else { taken.append(next); next += 1 }
        }
        return taken.sorted()
    }

    /// Every key of the sources (`L("…")`, `N("…")`), as scripts/strings collects them.
    static func sourceKeys() throws -> Set<String> {
        var keys: Set<String> = []
        let sources = packageRoot.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).hasPrefix("//") {
                for match in line.matches(of: /([A-Za-z0-9_.]?)[LN]\(\s*"((?:[^"\\]|\\.)*)"/) where match.output.1.isEmpty {
                    let raw = String(match.output.2)
                    #expect(!raw.contains("\\("), "\(file): a key with an interpolation: \(raw)")
                    keys.insert(raw.replacing(/\\(.)/) { m in
                        switch m.output.1 { case "n": "\n"; case "t": "\t"; default: String(m.output.1) }
                    })
                }
            }
        }
        return keys
    }

    @Test("every English key is in Korean with the same format specifiers and a value; the English catalogue is what the sources use")
    func catalogue() throws {
        let en = try KoreanTests.table("en"), ko = try KoreanTests.table("ko")
        #expect(en.count > 500)
        #expect(Set(en.keys) == (try KoreanTests.sourceKeys()), "run scripts/strings")
        for (key, english) in en {
            guard let korean = ko[key] else { Issue.record("Korean lacks “\(key)”"); continue }
            #expect(!korean.trimmingCharacters(in: .whitespaces).isEmpty, "“\(key)” is empty in Korean")
            #expect(KoreanTests.specifiers(korean) == KoreanTests.specifiers(english), "“\(key)”: \(korean)")
            let taken = KoreanTests.specifiers(english)
            #expect(taken == Array(0..<taken.count).map { $0 + 1 }, "“\(key)”: arguments are numbered 1 to n")
        }
        #expect(Set(ko.keys).subtracting(en.keys).isEmpty, "Korean keeps keys no source uses: \(Set(ko.keys).subtracting(en.keys).sorted())")
    }

    @Test("the loader: positional arguments in the Korean order, a missing argument empty, a missing key in English, %% a percent")
    func loader() throws {
        #expect(Texts.format("%2$@개 중 %1$@개 완료", ["14", "16"]) == "16개 중 14개 완료")
        #expect(Texts.format("%@ of %@", ["3"]) == "3 of ")
        #expect(Texts.format("100%% · %@", ["x"]) == "100% · x")
        #expect(Texts.text("no such key, never written", in: .ko) == "no such key, never written")
        #expect(Texts.text("Overview", in: .ko) == "개요")
        // Dates in prose: the long Korean form by the date's precision; English keeps the record's ISO.
        #expect(Texts.prose(CalendarDate("2026-11-29")!, in: .ko) == "2026년 11월 29일")
        #expect(Texts.prose(CalendarDate("2026-11")!, in: .ko) == "2026년 11월" && Texts.prose(CalendarDate("2026")!, in: .ko) == "2026년")
        #expect(Texts.prose(CalendarDate("2026-11-29")!, in: .en) == "2026-11-29" && Texts.prose("not a date", in: .ko) == "not a date")
        Texts.$override.withValue(.ko) { #expect(L("%@ of %@", "14", "16") == "16 중 14") }
        #expect(L("%@ of %@", "14", "16") == "14 of 16")
        #expect(throws: StringsFile.Problem.self) { try StringsFile.parse("\"a\" = \"b\"\n\"a\" = \"c\";") }
        #expect((try? StringsFile.parse("/* c */\n\"a\\\"b\" = \"x\\ny\"; // d\n")) == ["a\"b": "x\ny"])
    }

    @Test("the language: --lang, then KNUPP_LANG, then the setting, then LC_ALL, LC_MESSAGES, LANG")
    func choice() {
        #expect(Language.choose(flag: "ko", environment: ["KNUPP_LANG": "en"], setting: "en") == .ko)
        #expect(Language.choose(flag: nil, environment: ["KNUPP_LANG": "ko", "LANG": "en_US.UTF-8"], setting: "en") == .ko)
        #expect(Language.choose(flag: nil, environment: ["LANG": "ko_KR.UTF-8"], setting: "en") == .en)
        #expect(Language.choose(flag: nil, environment: ["LANG": "ko_KR.UTF-8"], setting: nil) == .ko)
        #expect(Language.choose(flag: nil, environment: ["LC_ALL": "C", "LANG": "ko_KR.UTF-8"], setting: nil) == .en)
        #expect(Language.choose(flag: nil, environment: ["LC_ALL": "", "LC_MESSAGES": "ko_KR.UTF-8", "LANG": "C"], setting: nil) == .ko)
        #expect(Language.choose(flag: nil, environment: ["LANG": "POSIX"], setting: nil) == .en)
        #expect(Language.choose(flag: nil, environment: [:], setting: nil) == .en)
    }

    @Test("the Korean words fit their columns, by display width")
    func widths() {
        Texts.$override.withValue(.ko) {
            // The six tabs whole at 80 columns, not cut to their first letters.
            let tabs = TabLayout.tabs(width: 80)
            #expect(tabs.allSatisfy { $0.label.contains($0.panel.title) })
            #expect((tabs.last?.range.upperBound ?? 99) <= 78)
            // The Overview's stage columns are 6 cells when abbreviated; the Countries' stage column 7 at 80.
            for stage in NUPStage.allCases {
                #expect(stage.shortText.displayWidth <= 5, "\(stage.shortText)")
                #expect(stage.shortText.displayWidth <= stage.text.displayWidth)
            }
            // The timeline's month and zoom words stand in the month's columns.
            for month in ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] {
                #expect(Texts.text(month, in: .ko).displayWidth <= 4)
            }
            // Each key's help in the help overlay (72 cells: 20 for the keys) and each status hint no
            // longer than the English one where that one is over its room.
            for binding in KeyMap.bindings {
                let korean = L(binding.help), english = Texts.text(binding.help, in: .en)
                #expect(korean.displayWidth <= max(50, english.displayWidth), "\(korean)")
            }
            // Column heads fit the columns the English ones were made for.
            let heads: [(String, Int)] = [("Country", 20), ("Scope", 11), ("Stage", 7), ("Progress", 15), ("Open", 4), ("Overdue", 7),
                                          ("COUNTRY", 10), ("INDICATOR", 20), ("BASELINE", 10), ("ACTUAL", 10), ("TARGET", 10), ("PROGRESS", 10),
                                          ("WHEN", 16), ("WHO", 12), ("WHAT", 10)]
            for (key, room) in heads { #expect(L(key).displayWidth <= room, "\(key): \(L(key))") }
            // A form's labels leave room for the field (the form is 72 cells at 80 columns).
            for key in ["title", "officialName", "stageBasis", "implementationStart", "peopleReached", "resultType", "endIsExpected"] {
                #expect(FormState.label(key).displayWidth <= 20, "\(key)")
            }
        }
    }

    @Test("random Hangul cut to n cells is never wider than n, and never splits a syllable")
    func truncation() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed }
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int(next() % 30) {
                switch next() % 5 {
                case 0: text.append(" ")
                case 1: text.append(Character(Unicode.Scalar(UInt32(0x41 + next() % 26))!))
                default: text.append(Character(Unicode.Scalar(UInt32(0xAC00 + next() % 11_172))!))
                }
            }
            let n = Int(next() % 40)
            let cut = text.truncated(to: n), kept = text.cut(to: n)
            #expect(cut.displayWidth <= n, "\(text) → \(cut) (\(n))")
            #expect(kept.displayWidth <= n && text.hasPrefix(kept))
            #expect(cut.hasSuffix("…") ? text.hasPrefix(String(cut.dropLast())) : cut == text || n == 0)
            // A padded cell is exactly n wide, whatever falls at its edge.
            #expect(text.padded(to: n).displayWidth == n)
        }
    }

    @Test("every panel, the help and the detail in Korean at 80x24", arguments: Panel.allCases)
    func panels(_ panel: Panel) throws {
        let name = ["overview", "countries", "timeline", "milestones", "activity", "indicators"][panel.rawValue]
        try Texts.$override.withValue(.ko) {
            let state = try panelState(panel)
            try expectSnapshot(state.snapshot, named: "\(name)-ko-80x24")
            #expect(state.snapshot.split(separator: "\n").allSatisfy { $0.displayWidth <= 80 })
        }
    }

    @Test("the help and Nigeria's page in Korean at 80x24; ascii glyphs keep the layout")
    func helpAndDetail() throws {
        try Texts.$override.withValue(.ko) {
            var help = try sampleState()
            help.press(.char("?"))
            try expectSnapshot(help.snapshot, named: "help-ko-80x24")
            var detail = try sampleState()
            detail.press(.char("2"), .down, .down, .enter)
            try expectSnapshot(detail.snapshot, named: "detail-nigeria-ko-80x24")
            let unicode = try sampleState().snapshot
            let ascii = try Glyphs.$override.withValue(true) { try sampleState().snapshot }
            // The same cells, one for one: only the ambiguous glyphs are swapped, for one-cell ASCII.
            let a = unicode.split(separator: "\n", omittingEmptySubsequences: false), b = ascii.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(a.count == b.count && zip(a, b).allSatisfy { $0.displayWidth == $1.displayWidth })
            #expect(unicode.contains("█") && !ascii.contains(where: { Glyphs.standIns[$0] != nil }), "\(ascii)")
            #expect(ascii.contains("개요"))
        }
    }

    @Test("a box over half of a wide syllable takes the whole syllable, so closing the box draws it again")
    func boxOverHalfASyllable() throws {
        var screen = Screen(width: 10, height: 2)
        screen.put("가나다", x: 0, y: 0)
        screen.put("가나다", x: 0, y: 1)
        screen.fill(Rect(x: 1, y: 0, width: 3, height: 1)) // over 가's right half and 나's left
        #expect(screen.text.split(separator: "\n", omittingEmptySubsequences: false)[0] == "    다", "\(screen.text)")
        #expect(screen[4, 0].text == "다" && screen[0, 0].text == " " && screen[4, 0].style == .plain)
        screen.fill(Rect(x: 0, y: 1, width: 3, height: 1)) // over 가 and 나's left half
        #expect(screen[3, 1].text == " " && screen[4, 1].text == "다")
        // The front at 60x16 in Korean: the help opened over a phase's line and closed again.
        try Texts.$override.withValue(.ko) {
            var state = try sampleState(width: 60, height: 16)
            state.press(.char("2"))
            let before = state.snapshot
            state.press(.char("?"))
            var frame = AppView.render(state)
            for y in 0..<frame.height {
                for x in 0..<(frame.width - 1) where frame[x, y].text.displayWidth == 2 {
                    #expect(frame[x + 1, y].text.isEmpty, "row \(y): \(frame[x, y].text) at \(x) has no right half")
                }
            }
            state.press(.escape)
            frame = AppView.render(state)
            #expect(state.snapshot == before)
            _ = frame
        }
    }
}
