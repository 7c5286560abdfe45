import Crypto
import Foundation
import Glibc

/// A store file's bytes, known by their size and SHA-256: how knupp recognises a file it has
/// already read whole and found valid, without reading it whole again (`VerifiedStores`).
///
/// A cryptographic hash (swift-crypto's), so no file can be built to match another's digest, and
/// the cache that keeps these needs no secret of its own: it is private to the officer, and what
/// it vouches for is fixed by the bytes alone.
public struct StoreDigest: Hashable, Sendable, CustomStringConvertible {
    public let size: Int
    /// The 32 bytes of SHA-256.
    public let hash: [UInt8]

    public init(size: Int, hash: [UInt8]) { self.size = size; self.hash = hash }

    /// From this many bytes, a digest is taken on the other core beside the file's read or write
    /// (`AtomicFile.readDigested`, `ProgrammeStore.writeSpliced`); a smaller one's costs less
    /// than a thread, and is taken after.
    static let besideFrom = 16 << 20

    public init(of bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { StoreDigest(of: $0) }
    }

    public init(of raw: UnsafeRawBufferPointer) {
        var builder = Builder()
        builder.add(raw)
        self = builder.digest
    }

    /// The digest of bytes given in pieces (an edit in place writes its file in pieces): the same
    /// as of the pieces joined.
    public struct Builder {
        private var hasher = SHA256()
        private var size = 0

        public init() {}

        public mutating func add(_ raw: UnsafeRawBufferPointer) {
            size += raw.count
            hasher.update(bufferPointer: raw)
        }

        public var digest: StoreDigest {
            StoreDigest(size: size, hash: Array(hasher.finalize()))
        }
    }

    /// The digest of a file, read a piece at a time (never held whole); nil when it cannot be read.
    public static func ofFile(_ path: String, piece: Int = 1 << 20) -> StoreDigest? {
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        var builder = Builder()
        var buffer = [UInt8](repeating: 0, count: max(1, piece))
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 { if errno == EINTR { continue }; return nil }
            if n == 0 { return builder.digest }
            buffer.withUnsafeBytes { builder.add(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
        }
    }

    /// "4184976-" and 64 hex digits: how the cache file writes it.
    public var description: String {
        "\(size)-" + hash.map { byte in
            let digits = String(byte, radix: 16)
            return byte < 16 ? "0" + digits : digits
        }.joined()
    }

    /// Reads `description`'s form; nil for anything else.
    public init?(_ text: Substring) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let size = Int(parts[0]), size >= 0 else { return nil }
        let digits = Array(parts[1].utf8)
        guard digits.count == 64 else { return nil }
        var hash: [UInt8] = []
        hash.reserveCapacity(32)
        for k in stride(from: 0, to: 64, by: 2) {
            guard let byte = UInt8(String(decoding: digits[k..<(k + 2)], as: UTF8.self), radix: 16) else { return nil }
            hash.append(byte)
        }
        self.init(size: size, hash: hash)
    }
}
