import CSystem
import Foundation
import Glibc

/// The one-record save without the file in memory: what keeps the front's memory near its own
/// on a large store (a 187 MB store read whole for each tick was a third of the front's peak).
///
/// When the file on disk is the very bytes this store loaded or wrote (its digest, taken as the
/// file is read a piece at a time) and they are laid out as knupp writes them, the milestone's
/// record is found as the bytes the encoder makes of it as loaded (one place only: those bytes
/// hold raw line breaks and quotes, which no string in the file can), and the new file is written
/// a piece at a time: the head with the revision raised, the bytes before the record, the new
/// record, the bytes after it. Byte for byte what `withSplice` writes. Anything else (a file laid
/// out by hand, changed since, a record not found once) returns nil, having written nothing, and
/// the save reads the file whole as before.
extension ProgrammeStore {
    /// Where the loaded milestone's record stands in the file, and the version read.
    struct StreamedScan {
        var identity: FileIdentity
        var size: Int
        /// The head as loaded ("{", the schema, the revision lines) and the record's bytes and offset.
        var head: [UInt8]
        var recordStart: Int
        var recordLength: Int
    }

    /// Pieces read and written at a time.
    static let streamPiece = 1 << 20
    /// Milestone records stand this many containers deep (a country's and a phase's alike).
    static let milestoneDepth = 5

    /// The first pass: the file's digest and where the record of milestone `id` as loaded stands.
    /// (`piece`: the bytes read at a time; the tests make it small, to cut records anywhere.)
    func scanLoaded(milestone id: String, piece: Int = ProgrammeStore.streamPiece) -> StreamedScan? {
        guard document.schemaVersion == StoreDocument.currentSchemaVersion, let old = document.programme.milestone(id) else { return nil }
        let head = Array("{\n  \"schemaVersion\" : \(document.schemaVersion),\n  \"revision\" : \(document.revision),\n".utf8)
        let record = StoreEncoder.encode(old, depth: ProgrammeStore.milestoneDepth)
        let needle = [0x0A] + [UInt8](repeating: 0x20, count: 2 * ProgrammeStore.milestoneDepth) + record
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, Int(info.st_size) == loadedDigest.size else { return nil }
        var builder = StoreDigest.Builder()
        var found: [Int] = []
        let carryMax = needle.count - 1
        var buffer = [UInt8](repeating: 0, count: carryMax + max(1, piece))
        var carry = 0, offset = 0
        // The head as loaded, read on its own (the pieces may be smaller than it).
        var first = [UInt8](repeating: 0, count: head.count)
        let got = first.withUnsafeMutableBytes { raw in pread(fd, raw.baseAddress!, raw.count, 0) }
        guard got == head.count, first == head else { return nil }
        while true {
            let n = buffer.withUnsafeMutableBytes { raw in pread(fd, raw.baseAddress! + carry, max(1, piece), off_t(offset)) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { break }
            buffer.withUnsafeBytes { raw in
                builder.add(UnsafeRawBufferPointer(rebasing: raw[carry..<(carry + n)]))
                // Matches in what was carried and what was read; none fits in the carry alone.
                let length = carry + n
                var from = 0
                needle.withUnsafeBytes { pattern in
                    while from < length, let hit = memmem(raw.baseAddress! + from, length - from, pattern.baseAddress!, pattern.count) {
                        let at = raw.baseAddress!.distance(to: UnsafeRawPointer(hit))
                        found.append(offset - carry + at)
                        from = at + 1
                    }
                }
            }
            offset += n
            // Keep the last bytes, where a record cut by the piece's end begins.
            let keep = min(carryMax, carry + n)
            buffer.withUnsafeMutableBytes { raw in
                if keep > 0 { memmove(raw.baseAddress!, raw.baseAddress! + (carry + n - keep), keep) }
            }
            carry = keep
        }
        guard found.count == 1, offset == loadedDigest.size, builder.digest == loadedDigest else { return nil }
        let start = found[0] + 1 + 2 * ProgrammeStore.milestoneDepth
        return StreamedScan(identity: FileIdentity(info), size: offset, head: head, recordStart: start, recordLength: record.count)
    }

    /// The second pass: the new file written from the old a piece at a time, with the revision
    /// raised to `next` and the record replaced by `record`; what the write came to, and the
    /// digest of the bytes written.
    func writeStreamed(_ scan: StreamedScan, revision next: Int, record: [UInt8],
                       piece size: Int = ProgrammeStore.streamPiece) -> (Result<String?, StoreError>, StoreDigest) {
        var builder = StoreDigest.Builder()
        let newHead = Array("{\n  \"schemaVersion\" : \(document.schemaVersion),\n  \"revision\" : \(next),\n".utf8)
        let result = Result { () throws(StoreError) in
            try AtomicFile.write(to: path, replacing: scan.identity) { emit in
                let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
                guard fd >= 0 else { return "cannot read the store again: \(AtomicFile.errnoText())" }
                defer { Glibc.close(fd) }
                var piece = [UInt8](repeating: 0, count: max(1, size))
                func send(_ bytes: [UInt8]) -> Bool {
                    bytes.withUnsafeBytes { raw in builder.add(raw); return emit(raw) }
                }
                /// The old file's bytes from `from` to `to`, as they are.
                func copy(_ from: Int, _ to: Int) -> String? {
                    var at = from
                    while at < to {
                        let n = piece.withUnsafeMutableBytes { raw in pread(fd, raw.baseAddress!, min(raw.count, to - at), off_t(at)) }
                        if n < 0 { if errno == EINTR { continue }; return "read: \(AtomicFile.errnoText())" }
                        if n == 0 { return "the store became shorter while it was copied" }
                        let sent = piece.withUnsafeBytes { raw in
                            let part = UnsafeRawBufferPointer(rebasing: raw[0..<n])
                            builder.add(part)
                            return emit(part)
                        }
                        if !sent { return nil } // the write failed, and says why
                        at += n
                    }
                    return nil
                }
                guard send(newHead) else { return nil }
                if let problem = copy(scan.head.count, scan.recordStart) { return problem }
                guard send(record) else { return nil }
                return copy(scan.recordStart + scan.recordLength, scan.size)
            }
        }
        return (result, builder.digest)
    }
}
