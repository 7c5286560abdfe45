import Foundation

/// A store file's bytes, known by their size and a 128-bit digest: how knupp recognises a file it
/// has already read whole and found valid, without reading it whole again (`VerifiedStores`).
///
/// Not a cryptographic hash: it guards against accidents (two different files agreeing by chance
/// has odds of about 2^-128), not against someone forging a file, who could write any file anyway.
/// Two independent 64-bit lanes, each a multiply-and-fold of 16 bytes at a time (the mixing of
/// wyhash), so a 4 MB store is digested in about a millisecond.
public struct StoreDigest: Hashable, Sendable, CustomStringConvertible {
    public let size: Int
    public let high: UInt64
    public let low: UInt64

    public init(size: Int, high: UInt64, low: UInt64) { self.size = size; self.high = high; self.low = low }

    public init(of data: Data) {
        self = data.withUnsafeBytes { StoreDigest(of: $0) }
    }

    public init(of bytes: [UInt8]) {
        self = bytes.withUnsafeBytes { StoreDigest(of: $0) }
    }

    public init(of raw: UnsafeRawBufferPointer) {
        var builder = Builder()
        builder.add(raw)
        self = builder.digest
    }

    /// The digest of bytes given in pieces: the same as of the pieces joined.
    public struct Builder {
        private static let p0: UInt64 = 0xa076_1d64_78bd_642f, p1: UInt64 = 0xe703_7ed1_a0b4_28db
        private static let p2: UInt64 = 0x8ebc_6af0_9c88_c6e3, p3: UInt64 = 0x5899_65cc_7537_4cc3
        private var a = Builder.p0, b = Builder.p3
        private var size = 0
        /// Bytes waiting for a whole block of 16.
        private var pending: (UInt64, UInt64) = (0, 0)
        private var pendingCount = 0

        public init() {}

        @inline(__always) private static func mix(_ x: UInt64, _ y: UInt64) -> UInt64 {
            let product = x.multipliedFullWidth(by: y)
            return product.high ^ product.low
        }

        @inline(__always) private mutating func block(_ w0: UInt64, _ w1: UInt64) {
            a = Builder.mix(w0 ^ Builder.p1, w1 ^ a)
            b = Builder.mix(w1 ^ Builder.p2, w0 ^ b ^ Builder.p0)
        }

        public mutating func add(_ raw: UnsafeRawBufferPointer) {
            let count = raw.count
            size += count
            var offset = 0
            while pendingCount > 0 && pendingCount < 16 && offset < count {
                withUnsafeMutableBytes(of: &pending) { $0[pendingCount] = raw[offset] }
                pendingCount += 1; offset += 1
            }
            if pendingCount == 16 {
                block(pending.0, pending.1)
                pending = (0, 0); pendingCount = 0
            }
            while offset + 16 <= count {
                block(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self),
                      raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
                offset += 16
            }
            while offset < count {
                withUnsafeMutableBytes(of: &pending) { $0[pendingCount] = raw[offset] }
                pendingCount += 1; offset += 1
            }
        }

        /// The last 0-15 bytes zero-padded, then the length.
        public var digest: StoreDigest {
            var copy = self
            copy.block(pending.0, pending.1)
            let length = UInt64(truncatingIfNeeded: size)
            let a = Builder.mix(copy.a ^ Builder.p2, copy.b ^ length ^ Builder.p3)
            let b = Builder.mix(copy.b ^ Builder.p1, copy.a ^ length ^ Builder.p0)
            return StoreDigest(size: size, high: a, low: b)
        }
    }

    /// "4184976-0123456789abcdef0123456789abcdef": how the cache file writes it.
    public var description: String {
        "\(size)-" + hex(high) + hex(low)
    }

    /// Reads `description`'s form; nil for anything else.
    public init?(_ text: Substring) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let size = Int(parts[0]), size >= 0, parts[1].utf8.count == 32,
              let high = UInt64(parts[1].prefix(16), radix: 16), let low = UInt64(parts[1].suffix(16), radix: 16) else { return nil }
        self.init(size: size, high: high, low: low)
    }

    private func hex(_ n: UInt64) -> String {
        let digits = String(n, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
