import Foundation
import Generator
import Model

// knupp-bench generate N FILE      writes a store of N milestones (fixed seed) to FILE
// knupp-bench codec FILE [RUNS]    decode, encode, and a tick's save in-process: median ms, peak RSS
// knupp-bench outline FILE ID [RUNS]   the parts of an edit in place: digest, outline, record
// knupp-bench load FILE [RUNS]     a load with every check, and of bytes verified before
let arguments = CommandLine.arguments.dropFirst()

/// Writes through write(2): a failed write is ignored here, never a trap (a benchmark's output).
func emit(_ text: String, to fd: Int32) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress?.advanced(by: offset), $0.count - offset) }
        if n <= 0 { return }
        offset += n
    }
}

func fail(_ message: String) -> Never {
    emit(message + "\n", to: 2)
    exit(64)
}

func milliseconds(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

/// Peak resident memory of this process so far, in MiB (VmHWM).
func peakMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    let kb = Double(line.split(separator: " ").dropFirst().first.map(String.init) ?? "0") ?? 0
    return kb / 1024
}

switch arguments.first {
case "generate":
    guard arguments.count >= 3, let n = Int(arguments[arguments.startIndex + 1]) else { fail("usage: knupp-bench generate N FILE") }
    let path = arguments[arguments.startIndex + 2]
    guard let url = Sample.url, let sample = try? StoreDocument.decode(Data(contentsOf: url), path: url.path) else { fail("no sample") }
    let countries = max(8, min(2_000, n / 100))
    let programme = LargeProgramme.make(from: sample.programme, countries: countries, milestones: n)
    do { try StoreDocument(revision: 1, programme: programme).encoded().write(to: URL(fileURLWithPath: path)) } catch { fail("\(error)") }
case "codec":
    guard arguments.count >= 2 else { fail("usage: knupp-bench codec FILE [RUNS]") }
    let path = arguments[arguments.startIndex + 1]
    let runs = arguments.count >= 3 ? Int(arguments[arguments.startIndex + 2]) ?? 5 : 5
    guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else { fail("cannot read \(path)") }
    var document: StoreDocument?
    var decode: [Double] = [], encode: [Double] = [], save: [Double] = []
    for _ in 0..<runs {
        decode.append(milliseconds { document = try? StoreDocument.decode(data, path: path) })
        guard let loaded = document else { fail("\(path) does not load") }
        encode.append(milliseconds { _ = loaded.encoded() })
    }
    let copy = path + ".bench-copy"
    try? FileManager.default.removeItem(atPath: copy)
    try? data.write(to: URL(fileURLWithPath: copy))
    defer { try? FileManager.default.removeItem(atPath: copy) }
    guard let store = try? ProgrammeStore.open(path: copy, officer: "bench") else { fail("cannot open the copy") }
    let id = store.programme.milestoneEntries.first { !$0.milestone.done }?.milestone.id ?? ""
    for i in 0..<runs {
        let edit: Edit = i % 2 == 0 ? .tick(milestone: id, by: "bench", at: "2026-11-28T10:00:00Z") : .untick(milestone: id)
        save.append(milliseconds { _ = try? store.commit(edit) })
    }
    emit(String(format: "bytes %d  decode %.1f ms  encode %.1f ms  tick saved as the front saves it (lock, compare, its record written anew, write, fsync, rename) %.1f ms  peak RSS %.0f MiB",
                 data.count, median(decode), median(encode), median(save), peakMiB()) + "\n", to: 1)
case "outline":
    guard arguments.count >= 3 else { fail("usage: knupp-bench outline FILE ID [RUNS]") }
    let path = arguments[arguments.startIndex + 1], id = arguments[arguments.startIndex + 2]
    let runs = arguments.count >= 4 ? Int(arguments[arguments.startIndex + 3]) ?? 9 : 9
    guard let bytes = try? AtomicFile.readBytes(path) else { fail("cannot read \(path)") }
    var read: [Double] = [], digest: [Double] = [], outline: [Double] = []
    var found: StoreOutline?
    for _ in 0..<runs {
        read.append(milliseconds { _ = try? AtomicFile.readBytes(path) })
        digest.append(milliseconds { _ = StoreDigest(of: bytes) })
        outline.append(milliseconds { found = bytes.withUnsafeBytes { StoreOutline.find(milestone: id, in: $0) } })
    }
    guard found != nil else { fail("no milestone \(id) in \(path)") }
    emit(String(format: "bytes %d  read %.2f ms  digest %.2f ms  outline %.2f ms", bytes.count, median(read), median(digest), median(outline)) + "\n", to: 1)
case "load":
    guard arguments.count >= 2 else { fail("usage: knupp-bench load FILE [RUNS]") }
    let path = arguments[arguments.startIndex + 1]
    let runs = arguments.count >= 3 ? Int(arguments[arguments.startIndex + 2]) ?? 9 : 9
    guard let bytes = try? AtomicFile.readBytes(path) else { fail("cannot read \(path)") }
    var checked: [Double] = [], trusted: [Double] = []
    for _ in 0..<runs {
        checked.append(milliseconds { _ = StoreDocument.check(bytes: bytes, path: path) })
        trusted.append(milliseconds { _ = try? StoreDocument.decode(bytes: bytes, path: path, verified: true) })
    }
    emit(String(format: "bytes %d  load with every check %.2f ms  load of verified bytes %.2f ms", bytes.count, median(checked), median(trusted)) + "\n", to: 1)
default:
    fail("usage: knupp-bench generate N FILE | codec FILE [RUNS] | outline FILE ID [RUNS] | load FILE [RUNS]")
}
