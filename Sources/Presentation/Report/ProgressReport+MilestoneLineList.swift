import Foundation
import Model

extension ProgressReport {
    /// A country's or a phase's milestones as report lines, each line made when it is read.
    ///
    /// A report holds the record's own list and what a line needs (the day, the zone, the
    /// achievements known only by a period), not the lines themselves: at 900,000 milestones
    /// the lines were 200 MB made, held and thrown away while the JSON went out. Reading a line
    /// twice makes it twice (the same line). A report decoded from JSON holds the lines it read.
    public struct MilestoneLineList: RandomAccessCollection, Codable, Equatable, Sendable, ExpressibleByArrayLiteral {
        private enum Storage: Sendable {
            case lines([MilestoneLine])
            case record([Milestone], Maker)
        }

        private let storage: Storage

        public init(_ lines: [MilestoneLine]) { storage = .lines(lines) }
        public init(arrayLiteral lines: MilestoneLine...) { storage = .lines(lines) }
        init(_ milestones: [Milestone], _ maker: Maker) { storage = .record(milestones, maker) }

        public var startIndex: Int { 0 }
        public var endIndex: Int {
            switch storage {
            case .lines(let lines): lines.count
            case .record(let milestones, _): milestones.count
            }
        }

        public subscript(i: Int) -> MilestoneLine {
            switch storage {
            case .lines(let lines): lines[i]
            case .record(let milestones, let maker): maker.line(milestones[i])
            }
        }

        /// `record` given the record's list and the maker of a line from an element of it, or
        /// `lines` given the lines held: what lets a writer go through the list without a copy.
        func withSource<R>(_ lines: ([MilestoneLine]) -> R, _ record: ([Milestone], Maker) -> R) -> R {
            switch storage {
            case .lines(let held): lines(held)
            case .record(let milestones, let maker): record(milestones, maker)
            }
        }

        public init(from decoder: Decoder) throws { storage = .lines(try [MilestoneLine](from: decoder)) }
        public func encode(to encoder: Encoder) throws { try Array(self).encode(to: encoder) }
        public static func == (a: MilestoneLineList, b: MilestoneLineList) -> Bool { a.elementsEqual(b) }
    }

    /// What a milestone's line is made from besides the milestone: the report's day and zone,
    /// the milestones achieved on a day the record does not give, and the end of the period
    /// they are known by.
    struct Maker: Sendable {
        let today: CalendarDate
        let timeZone: TimeZone
        let undated: Set<String>
        let knownBy: String?

        func line(_ m: Milestone) -> MilestoneLine {
            let moved = m.dueMoved
            let known = m.doneAt == nil && m.doneOn == nil && (m.done || (!undated.isEmpty && undated.contains(m.id)))
            // Given where the due moved or the result came later than planned (on plan, nothing to say).
            let slip = moved || (m.done && !known) ? m.slip(in: timeZone) : nil
            let told = slip.flatMap { s in moved || s.days > 0 ? s : nil }
            return MilestoneLine(id: m.id, title: m.title, status: m.status(today: today).rawValue,
                                 due: m.due?.description, doneAt: m.doneAt, doneBy: m.doneBy, note: m.note, evidence: m.evidence,
                                 knownBy: known ? knownBy : nil, doneOn: m.doneOn?.description,
                                 plannedDue: m.plannedDue?.description, slipDays: told?.days,
                                 dueChanges: m.dueChanges.isEmpty ? nil : m.dueChanges.map(DateChangeLine.init),
                                 notes: m.notes.isEmpty ? nil : m.notes.map { NoteLine(text: $0.text, kind: $0.kind.rawValue, by: $0.by, at: $0.at) },
                                 stage: m.stage?.rawValue)
        }
    }
}
