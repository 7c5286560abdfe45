import Model
import Presentation

/// A text progress bar that reads without colour: "█████░░░ 5/8".
enum ProgressBar {
    static func spans(_ progress: MilestoneProgress, width: Int) -> [StyledLine.Span] {
        let count = "\(progress.done)/\(progress.total)"
        let barWidth = max(0, width - count.count - 1)
        let filled = progress.total == 0 ? 0 : Int((Double(barWidth) * progress.fraction).rounded(.down))
        return [
            .init(text: String(repeating: "█", count: filled), style: .done),
            .init(text: String(repeating: "░", count: barWidth - filled), style: .dim),
            .init(text: " " + count, style: .plain),
        ]
    }
}
