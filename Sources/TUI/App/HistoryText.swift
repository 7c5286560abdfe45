import Model
import Presentation
import Sync

/// The history of the record as text: where it was read from, and a table of changes.
enum HistoryText {
    static func source(_ source: StoreHistory.Source) -> String {
        switch source {
        case .git(let commits): "History from git (\(commits) commit\(commits == 1 ? "" : "s") of the store), newest first."
        case .tickRecords: "History from what the store dates (outside git: ticks, notes, moves of a due or a phase's end, stage changes, indicators' actuals; not unticks or other edits), newest first."
        }
    }

    /// WHEN, WHO, WHAT, RECORD, CHANGE.
    static func table(_ entries: [StoreHistory.Entry]) -> TextTable {
        TextTable(columns: [.init(title: "WHEN"), .init(title: "WHO"), .init(title: "WHAT"), .init(title: "RECORD", flexible: true),
                            .init(title: "CHANGE")],
                  rows: entries.map { e in
                      [MomentFormat.local(e.moment), e.officer, RecordChangeText.verb(e.change.kind), "\(e.change.id): \(e.change.title)",
                       e.change.details.joined(separator: "; ")]
                  })
    }
}
