import Foundation

/// SHA-256 taken on another thread behind a read into one buffer: the reader says how far it
/// has read, and the pieces are hashed in order as they come in, so a large store's digest costs
/// no pass of its own after the read (a tenth of a second at 187 MB). The bytes are only read
/// here, each once the reader has moved past them (the lock orders the two).
final class DigestBehind: @unchecked Sendable {
    /// Bytes read at a time while hashing behind.
    static let piece = 4 << 20

    private let base: UnsafeRawPointer
    private let lock = NSLock()
    private let arrived = DispatchSemaphore(value: 0)
    private var available = 0
    private var finished = false
    /// The digest so far: of every byte read, once `run` has returned.
    private(set) var builder = StoreDigest.Builder()

    init(_ base: UnsafeRawPointer) { self.base = base }

    /// The bytes up to `count` are in.
    func advance(to count: Int) {
        lock.withLock { available = count }
        arrived.signal()
    }

    /// No more will come (the end of the file, the buffer full, or a failed read).
    func finish() {
        lock.withLock { finished = true }
        arrived.signal()
    }

    /// Hashes what comes in, until the reader finishes.
    func run() {
        var hashed = 0
        while true {
            arrived.wait()
            let (upTo, done) = lock.withLock { (available, finished) }
            if upTo > hashed {
                builder.add(UnsafeRawBufferPointer(start: base + hashed, count: upTo - hashed))
                hashed = upTo
            }
            if done { return }
        }
    }
}
