import Model
import Sync

/// The history of the record as text: where it was read from, and a table of changes.
public enum HistoryText {
    public static func source(_ source: StoreHistory.Source) -> String {
        switch source {
        case .git(let commits): "History from git (\(commits) commit\(commits == 1 ? "" : "s") of the store), newest first."
        case .tickRecords: "History from the store's tick records (outside git only ticks are recorded), newest first."
        }
    }

    public static func verb(_ kind: RecordChange.Kind) -> String {
        switch kind {
        case .tick: "ticked"
        case .untick: "unticked"
        case .add: "added"
        case .edit: "edited"
        case .remove: "removed"
        case .notes: "notes"
        }
    }

    /// WHEN, WHO, WHAT, RECORD, CHANGE.
    public static func table(_ entries: [StoreHistory.Entry]) -> TextTable {
        TextTable(columns: [.init(title: "WHEN"), .init(title: "WHO"), .init(title: "WHAT"), .init(title: "RECORD", flexible: true),
                            .init(title: "CHANGE")],
                  rows: entries.map { e in
                      [MomentFormat.local(e.moment), e.officer, verb(e.change.kind), "\(e.change.id): \(e.change.title)",
                       e.change.details.joined(separator: "; ")]
                  })
    }
}
