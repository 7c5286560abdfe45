import Foundation
import Testing
@testable import Presentation
@testable import Model
import TestSupport

@Suite("Text tables and display width")
struct TextTableTests {
    /// The grapheme walk: the definition the quick path must agree with.
    func walked(_ text: String) -> Int { text.reduce(0) { $0 + DisplayWidth.of($1) } }

    @Test("the quick measure agrees with the grapheme walk on random text, joining marks and emoji included")
    func quickWidth() {
        var random = SplitMix(state: 11)
        let pools: [ClosedRange<UInt32>] = [0x20...0x7E, 0xA0...0x2FF, 0xAC00...0xD7A3, 0x4E00...0x9FFF,
                                            0x300...0x36F, 0x1100...0x11FF, 0x3099...0x309A, 0x1F1E6...0x1F1FF, 0xFE0F...0xFE0F, 0x200D...0x200D]
        for round in 0..<2_000 {
            // Most rounds only from the quick path's scalars; some with scalars that join others.
            let usable = round % 3 == 0 ? pools : Array(pools.prefix(4))
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                let pool = usable.randomElement(using: &random)!
                scalars.append(Unicode.Scalar(UInt32.random(in: pool, using: &random))!)
            }
            let text = String(scalars)
            #expect(text.displayWidth == walked(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect("국가".displayWidth == 4 && "e\u{301}".displayWidth == 1 && "한\u{11A8}".displayWidth == 2 && "🇰🇷".displayWidth == 2)
    }

    @Test("columns line up by display width; piped, nothing is cut; on a terminal the flexible column gives way")
    func table() {
        let table = TextTable(columns: [.init(title: "ID"), .init(title: "N", alignRight: true), .init(title: "TITLE", flexible: true, minimum: 4)],
                              rows: [["irn", "7", "이란 국가 정책"], ["moz-long", "12", "Mozambique\u{1B}[2J"]])
        #expect(table.render(width: nil) == """
            ID         N  TITLE
            irn        7  이란 국가 정책
            moz-long  12  Mozambique␛[2J
            """)
        #expect(table.render(width: 22) == """
            ID         N  TITLE
            irn        7  이란 국…
            moz-long  12  Mozambi…
            """)
        #expect(String(decoding: table.renderedBytes(width: 22), as: UTF8.self) == table.render(width: 22))
    }
}

@Suite("Changes in words")
struct RecordChangeTextTests {
    @Test("a tick that came with a note reads as one change; other records are counted")
    func summary() throws {
        let before = try loadSample()
        let tickAndNote = try before.applying(.tick(milestone: "irn-nup-approval", by: "Amina", at: "2026-12-01T09:00:00Z", note: "Gazetted"))
        let changes = RecordChange.between(before, tickAndNote)
        #expect(changes.count == 2, "the tick and the note")
        #expect(RecordChangeText.summary(changes) == "Amina ticked “Iran National Urban Policy approved by the government and adopted” and edited it")
        let more = try tickAndNote.applying(.untick(milestone: "moz-nup-draft"))
        #expect(RecordChangeText.summary(RecordChange.between(before, more)).hasSuffix("and edited it and 1 more change"))
        #expect(RecordChangeText.summary([]) == "no change to the record")
    }
}
