import Model
import Presentation
import Sync

/// The history of the record as text: where it was read from, and a table of changes.
enum HistoryText {
    static func source(_ source: StoreHistory.Source) -> String {
        switch source {
        case .git(let commits): commits == 1 ? L("History from git (1 commit of the store), newest first.") : L("History from git (%@ commits of the store), newest first.", "\(commits)")
        case .tickRecords: L("History from what the store dates (outside git: ticks, notes, moves of a due or a phase's end, stage changes, indicators' actuals; not unticks or other edits), newest first.")
        }
    }

    /// WHEN, WHO, WHAT, RECORD, CHANGE.
    static func table(_ entries: [StoreHistory.Entry]) -> TextTable {
        TextTable(columns: [.init(title: L("WHEN")), .init(title: L("WHO")), .init(title: L("WHAT")), .init(title: L("RECORD"), flexible: true),
                            .init(title: L("CHANGE"))],
                  rows: entries.map { e in
                      [MomentFormat.local(e.moment), e.officer, RecordChangeText.verb(e.change.kind), "\(e.change.id): \(e.change.title)",
                       e.change.details.joined(separator: "; ")]
                  })
    }
}
