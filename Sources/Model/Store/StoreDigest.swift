import Foundation

/// A store file's bytes, known by their size and a 128-bit digest: how knupp recognises a file it
/// has already read whole and found valid, without reading it whole again (`VerifiedStores`).
///
/// Two independent 64-bit lanes, each a multiply-and-fold of 16 bytes at a time (the mixing of
/// wyhash), so a 4 MB store is digested in about a millisecond; two different files agree by
/// chance with odds of about 2^-128. Unkeyed, such a mix can be steered: a file built for it can
/// reset a lane and so match another file's digest. So the digests `VerifiedStores` trusts are
/// keyed with a random secret of the officer's own, mixed into every step and into the starting
/// state: without it, a file cannot be built to match (see DECISIONS.md for what this guards).
public struct StoreDigest: Hashable, Sendable, CustomStringConvertible {
    public let size: Int
    public let high: UInt64
    public let low: UInt64

    public init(size: Int, high: UInt64, low: UInt64) { self.size = size; self.high = high; self.low = low }

    /// The secret a digest is keyed with: 256 random bits.
    public struct Key: Equatable, Sendable {
        public var words: (UInt64, UInt64, UInt64, UInt64)
        public init(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) { words = (a, b, c, d) }
        public static let zero = Key(0, 0, 0, 0)
        /// A new key from the system's random source.
        public static func random() -> Key {
            var g = SystemRandomNumberGenerator()
            return Key(g.next(), g.next(), g.next(), g.next())
        }
        public static func == (l: Key, r: Key) -> Bool { l.words == r.words }
    }

    public init(of bytes: [UInt8], key: Key = .zero) {
        self = bytes.withUnsafeBytes { StoreDigest(of: $0, key: key) }
    }

    public init(of raw: UnsafeRawBufferPointer, key: Key = .zero) {
        var builder = Builder(key: key)
        builder.add(raw)
        self = builder.digest
    }

    /// The digest of bytes given in pieces: the same as of the pieces joined.
    public struct Builder {
        static let p0: UInt64 = 0xa076_1d64_78bd_642f, p1: UInt64 = 0xe703_7ed1_a0b4_28db
        static let p2: UInt64 = 0x8ebc_6af0_9c88_c6e3, p3: UInt64 = 0x5899_65cc_7537_4cc3
        private var a: UInt64, b: UInt64
        private let k0: UInt64, k1: UInt64
        private var size = 0
        /// Bytes waiting for a whole block of 16.
        private var pending: (UInt64, UInt64) = (0, 0)
        private var pendingCount = 0

        public init(key: Key = .zero) {
            a = Builder.p0 ^ key.words.0; b = Builder.p3 ^ key.words.1
            k0 = key.words.2; k1 = key.words.3
        }

        @inline(__always) private static func mix(_ x: UInt64, _ y: UInt64) -> UInt64 {
            let product = x.multipliedFullWidth(by: y)
            return product.high ^ product.low
        }

        @inline(__always) private mutating func block(_ w0: UInt64, _ w1: UInt64) {
            a = Builder.mix(w0 ^ Builder.p1 ^ k0, w1 ^ a)
            b = Builder.mix(w1 ^ Builder.p2 ^ k1, w0 ^ b ^ Builder.p0)
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
        "\(size)-" + StoreDigest.hex(high) + StoreDigest.hex(low)
    }

    /// Reads `description`'s form; nil for anything else.
    public init?(_ text: Substring) {
        let parts = text.split(separator: "-")
        guard parts.count == 2, let size = Int(parts[0]), size >= 0, parts[1].utf8.count == 32,
              let high = UInt64(parts[1].prefix(16), radix: 16), let low = UInt64(parts[1].suffix(16), radix: 16) else { return nil }
        self.init(size: size, high: high, low: low)
    }

    /// Sixteen lower-case hex digits.
    static func hex(_ n: UInt64) -> String {
        let digits = String(n, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
