import Foundation
import Model

/// One input from libFuzzer: whatever the bytes, loading returns a store or a `StoreError`;
/// a store that loads encodes and loads back to the same document. A trap is the bug it finds.
func fuzzOne(_ start: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    guard let start else { return 0 }
    let data = Data(bytes: start, count: count)
    _ = StoreDocument.problems(in: data, path: "fuzz.json")
    // The outline reads raw bytes through pointers: whatever they are, it stays inside them.
    let raw = UnsafeRawBufferPointer(start: start, count: count)
    for id in ["m", "irn-nup-approval", "a\\"] {
        if let outline = StoreOutline.find(milestone: id, in: raw),
           !(outline.milestone.upperBound <= count && outline.revision.upperBound <= count && outline.schemaVersion.upperBound <= count) {
            fatalError("an outline beyond the bytes")
        }
    }
    guard let document = try? StoreDocument.decode(data, path: "fuzz.json") else { return 0 }
    // In a valid store every milestone is found, as an object, by its id as it reads (however
    // the file spells it: escapes are read as the decoder reads them, by the same scanner).
    for entry in document.programme.milestoneEntries.prefix(20) where !entry.milestone.id.isEmpty {
        guard let outline = StoreOutline.find(milestone: entry.milestone.id, in: raw) else {
            fatalError("milestone \(entry.milestone.id) not found in a valid store")
        }
        guard raw[outline.milestone.lowerBound] == UInt8(ascii: "{"), raw[outline.milestone.upperBound - 1] == UInt8(ascii: "}") else {
            fatalError("an outline that is not an object")
        }
    }
    guard let again = try? StoreDocument.decode(document.encoded(), path: "fuzz.json"), again == document else {
        fatalError("a loaded store did not save and load back the same")
    }
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<Int32>,
               _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

/// SwiftPM links an executable target's entry point under this name; libFuzzer's driver runs
/// the inputs (its own `main` is not linked, this one is).
@_cdecl("FuzzLoader_main")
func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in fuzzOne(data, size) }
}
