import Synchronization

/// Set once, from any thread, to stop work under way: the programs a `ChildProcess` runs with it
/// are stopped (asked first, killed a second later), and the work checks it between steps.
public final class Cancellation: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}
