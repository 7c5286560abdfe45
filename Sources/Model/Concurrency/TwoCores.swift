import Foundation

/// Work split in two, the second part on a thread of its own while the caller does the first:
/// what lets the largest stores be read and reported on two cores (the machines officers and CI
/// have). Both parts are done when a call returns, so the parts may read what the caller holds
/// (its buffers, its closures) without copying or escaping it. Nothing is shared between the
/// parts but what they only read.
public enum TwoCores {
    /// Does `first` here and `second` on another thread, and returns when both are done.
    public static func both(_ first: () -> Void, _ second: () -> Void) {
        withoutActuallyEscaping(second) { second in
            // The thread holds the job, not the work: the work is let go before `both` returns
            // (a thread's closure may outlive the call, and the work may not).
            let job = Job(second)
            Thread.detachNewThread {
                job.work?()
                job.work = nil
                job.done.signal()
            }
            first()
            job.done.wait()
        }
    }

    private final class Job: @unchecked Sendable {
        var work: (() -> Void)?
        let done = DispatchSemaphore(value: 0)
        init(_ work: @escaping () -> Void) { self.work = work }
    }

    /// `items.map(transform)`, the second half made on another thread when there are at least
    /// `minimum` items (below, the thread costs more than it saves).
    /// Each item is read in place, not copied out as `Array.map` does (a copy retains every text
    /// of a milestone: at 900,000 of them, a tenth of a report).
    public static func map<T, U>(_ items: [T], minimum: Int = 2, _ transform: (T) -> U) -> [U] {
        items.withUnsafeBufferPointer { all in
            func part(_ range: Range<Int>) -> [U] {
                var made: [U] = []
                made.reserveCapacity(range.count)
                for i in range { made.append(transform(all[i])) }
                return made
            }
            guard all.count >= max(2, minimum) else { return part(all.indices) }
            let middle = all.count / 2
            var head: [U] = [], tail: [U] = []
            both({ head = part(0..<middle) }, { tail = part(middle..<all.count) })
            head.append(contentsOf: tail)
            return head
        }
    }
}
