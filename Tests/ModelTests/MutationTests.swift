import Foundation
import Testing
@testable import Model
import TestSupport

/// A property over damaged stores: whatever is done to the sample's bytes, loading either
/// succeeds or throws a `StoreError` (never a trap); a refused file is never changed by a save
/// attempt; a file that loads saves and loads back to the same programme.
///
/// Mutations come from a fixed seed, so a failure names the case that reproduces it.
@Suite("Damaged stores (mutation property)")
struct MutationTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
    }

    static let tokens = ["null", "-1", "\"x\"", "{}", "[]", "9223372036854775808", "-9223372036854775809", "1e999", "\\u0000",
                         "\"\\ud800\"", ",", "}", "]", "\"id\" : \"IRN\"", "true", "\u{202E}", "\u{0}", "\"done\" : \"yes\"", "0.5"]

    static func mutate(_ bytes: [UInt8], _ g: inout Generator) -> [UInt8] {
        var out = bytes
        for _ in 0..<(1 + g.next(3)) {
            guard !out.isEmpty else { break }
            let at = g.next(out.count)
            switch g.next(5) {
            case 0: out[at] = UInt8(g.next(256))
            case 1: out.removeSubrange(at..<min(out.count, at + 1 + g.next(40)))
            case 2: out.insert(contentsOf: Array(tokens[g.next(tokens.count)].utf8), at: at)
            case 3: out.insert(contentsOf: out[at..<min(out.count, at + 1 + g.next(60))], at: min(out.count, at + g.next(80)))
            default: out.removeSubrange(at...)
            }
        }
        return out
    }

    @Test("600 damaged copies of the sample: loaded and round-tripped, or refused with a StoreError and left as they were")
    func property() throws {
        let sample = [UInt8](try Data(contentsOf: URL(fileURLWithPath: samplePath)))
        let folder = TempFolder()
        var g = Generator(state: 20_261_201)
        var loaded = 0, refused = 0
        for i in 0..<600 {
            let bytes = MutationTests.mutate(sample, &g)
            let data = Data(bytes)
            do {
                let document = try StoreDocument.decode(data, path: "case-\(i).json")
                let again = try StoreDocument.decode(document.encoded(), path: "case-\(i).json")
                #expect(again == document, "case \(i): a loaded file saves and loads back the same")
                #expect(StoreDocument.problems(in: data, path: "x").isEmpty, "case \(i): validate agrees with loading")
                loaded += 1
            } catch {
                #expect(!StoreDocument.problems(in: data, path: "x").isEmpty, "case \(i): validate agrees with loading")
                // A refused file is never written: not by a save through the store either.
                if i % 10 == 0 {
                    let path = folder.file("case-\(i).json")
                    try data.write(to: URL(fileURLWithPath: path))
                    #expect(throws: StoreError.self) { _ = try ProgrammeStore.open(path: path, officer: "t") }
                    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == data, "case \(i)")
                }
                refused += 1
            }
        }
        // Both sides of the property were exercised (fixed seed: this is a fact of the cases, not luck).
        #expect(loaded > 0 && refused > 0, "loaded \(loaded), refused \(refused)")
    }
}
