import Model
import Presentation

/// A text progress bar that reads without colour: "█████░░░ 5/8".
enum ProgressBar {
    /// The bar and its count in `width` cells (in a table column).
    static func spans(_ progress: MilestoneProgress, width: Int) -> [StyledLine.Span] {
        spans(progress, bar: max(0, width - "\(progress.done)/\(progress.total)".count - 1))
    }

    /// A bar of exactly `bar` cells, its count after it: bars of one page compare at a glance.
    static func spans(_ progress: MilestoneProgress, bar barWidth: Int) -> [StyledLine.Span] {
        let count = "\(progress.done)/\(progress.total)"
        let filled = progress.total == 0 ? 0 : Int((Double(barWidth) * progress.fraction).rounded(.down))
        return [
            .init(text: String(repeating: "█", count: filled), style: .done),
            .init(text: String(repeating: "░", count: barWidth - filled), style: .dim),
            .init(text: " " + count, style: .plain),
        ]
    }

    /// A bar of `bar` cells for a fraction (0 empty, 1 full; beyond either end drawn at it), its label after it.
    static func spans(fraction: Double, bar barWidth: Int, label: String) -> [StyledLine.Span] {
        let filled = Int((Double(barWidth) * min(max(fraction, 0), 1)).rounded(.down))
        return [
            .init(text: String(repeating: "█", count: filled), style: .done),
            .init(text: String(repeating: "░", count: barWidth - filled), style: .dim),
            .init(text: " " + label, style: .plain),
        ]
    }
}
