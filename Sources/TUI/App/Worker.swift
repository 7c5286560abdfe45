import Dispatch
import Synchronization

/// Runs work that can take longer than a frame (git for a sync, the history) on a thread of its
/// own, one job after another, while the loop keeps drawing and taking keys; each job's outcome
/// comes back as an action, which the loop takes at its next turn (bubbletea's Cmds, lazygit's
/// `OnWorker`). Jobs touch no state of the loop's: they are given values and give back actions.
final class Worker: Sendable {
    private let queue = DispatchQueue(label: "knupp.worker")
    private let inbox = Mutex<[Action]>([])
    private let running = Atomic<Int>(0)

    /// Runs `job` after the jobs before it; its action arrives through `take`.
    func run(_ job: @escaping @Sendable () -> Action) {
        runAll { [job()] }
    }

    /// The same for a job whose outcome is several actions, taken in their order.
    func runAll(_ job: @escaping @Sendable () -> [Action]) {
        running.add(1, ordering: .relaxed)
        queue.async { [self] in
            let actions = job()
            inbox.withLock { $0.append(contentsOf: actions) }
            running.subtract(1, ordering: .relaxed)
        }
    }

    /// The actions of the jobs that finished since the last call, in the order they finished.
    func take() -> [Action] {
        inbox.withLock { actions in
            defer { actions.removeAll() }
            return actions
        }
    }

    /// True while a job is waiting or running.
    var isBusy: Bool { running.load(ordering: .relaxed) > 0 }
}
