import Foundation
import Model
import Presentation

/// Moving, selecting and opening: the parts of `reduce` that follow the cursor.
extension AppState {
    var phaseFilterNumber: Int? { if case .phase(let n) = phaseFilter { n } else { nil } }

    /// The milestone under the cursor, in the detail screen or the milestones panel.
    var selectedMilestone: Milestone? {
        if let detail {
            guard case .milestone(let id)? = detail.selection else { return nil }
            return programme.milestone(id)
        }
        guard panel == .milestones else { return nil }
        return milestoneUnderCursor?.milestone
    }

    /// The record (other than a milestone) under the cursor: a line of the detail or the
    /// Overview that stands for one, or the country on the Countries panel's row.
    var selectedRecord: RecordRef? {
        let target = detail?.selection ?? (panel == .overview ? overviewCursor.selection : nil)
        if case .record(let ref)? = target { return ref }
        if detail == nil, panel == .countries, countryCursor.index < countryRows.count, case .country(let id) = countryRows[countryCursor.index] {
            return RecordRef(.country, id)
        }
        if detail == nil, panel == .indicators, let row = selectedIndicator { return RecordRef(.indicator, row.id, country: row.country) }
        // An event on the timeline's Events row (its items are the events by date).
        if detail == nil, panel == .timeline, timeline.row < derived.timelineRows.count, derived.timelineRows[timeline.row].kind == .events {
            let events = programme.events.sorted { $0.date < $1.date }
            if timeline.item < events.count { return RecordRef(.event, events[timeline.item].id) }
        }
        return nil
    }

    /// The kind `a` adds a record of, where the cursor is on a record or a place for one (a
    /// policy line adds a policy; the Countries panel adds a country); nil where `a` adds a milestone.
    var recordTargetForAdding: (RecordKind, country: String?)? {
        let target = detail?.selection ?? (panel == .overview ? overviewCursor.selection : nil)
        switch target {
        case .record(let ref)? where !(detail != nil && ref.kind == .country): return (ref.kind, ref.country)
        case .kind(let kind, let country)?: return (kind, country)
        default: break
        }
        if detail == nil, panel == .countries { return (.country, nil) }
        if detail == nil, panel == .indicators { return (.indicator, selectedIndicator?.country) }
        return nil
    }

    /// The indicators as of today, the programme's first (the Indicators panel's rows).
    var indicatorRows: [IndicatorRow] { IndicatorRow.all(programme, asOf: today) }

    /// The indicator under the Indicators panel's cursor.
    var selectedIndicator: IndicatorRow? {
        let rows = indicatorRows
        return indicatorCursor.index < rows.count ? rows[indicatorCursor.index] : nil
    }

    var ownerForAdding: MilestoneOwner? {
        if let detail { return .country(detail.countryID) }
        if panel == .milestones, let entry = milestoneUnderCursor { return entry.owner }
        if panel == .countries, countryCursor.index < countryRows.count, case .country(let id) = countryRows[countryCursor.index] {
            return .country(id)
        }
        return nil
    }

    var selectedTimelineItem: TimelineRow.Item? {
        let rows = derived.timelineRows
        guard timeline.row < rows.count, timeline.item < rows[timeline.row].items.count else { return nil }
        return rows[timeline.row].items[timeline.item]
    }

    /// What the scrolling overlay shows: the keys, or every message said, newest first, whole
    /// (wrapped to `width`), each with the time it was said.
    func overlayLines(width: Int) -> [StyledLine] {
        switch overlay {
        case .help: return HelpContent.lines()
        case .milestone(let id):
            guard let m = programme.milestone(id) else { return [StyledLine(L("The milestone is no longer in the record."), style: .dim)] }
            return MilestoneRecord.lines(m, owner: programme.locate(milestone: id).map { programme.ownerText($0.0) } ?? "",
                                         today: today, timeZone: timeZone, width: width)
        case .record(let ref):
            return RecordPane.lines(ref, in: programme, timeZone: timeZone, width: width, readOnly: isReadOnly)
        case .agenda(let from, let to):
            return RecordPane.agenda(agendaItems, from: from, to: to, width: width)
        case .messages: break
        }
        if messageLog.isEmpty { return [StyledLine(L("Nothing has been said yet."), style: .dim)] }
        var lines: [StyledLine] = []
        for m in messageLog.reversed() {
            let time = m.at.map { MomentFormat.local($0, timeZone: timeZone) } ?? "----------  --:--"
            let style: Style = m.kind == .error ? .error : (m.kind == .warning ? .warning : .plain)
            // Its lines as it said them (a run of spaces from a line break is one space).
            let text = m.text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
            for (i, piece) in text.flatMap({ $0.clean.wrapped(to: max(8, width - 18)) }).enumerated() {
                lines.append(StyledLine((i == 0 ? time : "").padded(to: 18), style: .dim) + StyledLine(piece, style: style))
            }
        }
        return lines
    }

    mutating func move(by delta: Int) {
        let layout = Layout(width: width, height: height)
        if let help = helpScroll {
            let maxScroll = max(0, overlayLines(width: layout.helpBox.width - 4).count - layout.helpRows)
            helpScroll = min(max(0, help.addingClamped(delta)), maxScroll)
            return
        }
        if detail != nil {
            moveDetail(by: delta)
            return
        }
        switch panel {
        case .overview:
            overviewCursor.move(by: delta, lines: overviewLines, rows: layout.overviewRows(count: overviewLines.count))
            if case .milestone(let id)? = overviewCursor.selection, let m = programme.milestone(id), !errorIsFresh {
                message = Message(text: MilestoneFormat.summary(m, today: today) + " · " + L("Enter opens it"))
            }
            if !errorIsFresh {
                switch overviewCursor.selection {
                case .record(let ref)? where isReadOnly:
                    message = Message(text: L("%@ “%@” · Enter or v reads it whole (read-only)", ref.kind.title, programme.recordName(ref)))
                case .record(let ref)?:
                    message = Message(text: L("%@ “%@” · Enter or v reads it whole · e edits · d removes · a adds another", ref.kind.title, programme.recordName(ref)))
                case .kind?  where isReadOnly: break
                case .kind(let kind, _)?: message = Message(text: L("No %@ yet · a adds one", kind.pluralText))
                default: break
                }
            }
        case .countries:
            let rows = countryRows
            countryCursor.move(by: delta.clampedStep(rows.count), count: rows.count, visible: layout.listRows) { rows[$0].isSelectable }
        case .milestones:
            let rows = milestoneRows
            milestoneCursor.move(by: delta.clampedStep(rows.count), count: rows.count, visible: layout.listRows) { rows[$0].isSelectable }
            describeSelectedMilestone()
        case .timeline:
            moveTimeline(by: delta)
        case .activity:
            activityCursor.move(by: delta.clampedStep(activity.count), count: activity.count, visible: layout.listRows)
        case .indicators:
            let count = indicatorRows.count
            indicatorCursor.move(by: delta.clampedStep(count), count: count, visible: layout.listRows)
        }
    }

    /// Moves the timeline selection item by item in reading order (a page moves by rows),
    /// panning to keep it in view. Touches only the rows it passes: no pass over every item.
    mutating func moveTimeline(by delta: Int) {
        let rows = derived.timelineRows
        guard !rows.isEmpty else { return }
        var row = min(timeline.row, rows.count - 1)
        var item = min(timeline.item, max(0, rows[row].items.count - 1))
        if abs(delta) == 1 {
            item += delta
            while item < 0 || item >= rows[row].items.count {
                if item < 0 {
                    guard row > 0 else { item = 0; break }
                    row -= 1
                    item = rows[row].items.count - 1
                } else {
                    guard row < rows.count - 1 else { item = rows[row].items.count - 1; break }
                    row += 1
                    item = 0
                }
            }
        } else {
            row = min(max(0, row.addingClamped(delta.clampedStep(rows.count))), rows.count - 1)
            item = 0
        }
        timeline.row = row
        timeline.item = max(0, item)
        if let item = selectedTimelineItem {
            let layout = TimelineLayout(state: self)
            let column = layout.column(of: item.start)
            if column < 0 || column >= layout.columns {
                timeline.start = item.start - layout.columns / 3 * layout.daysPerColumn
            }
            message = Message(text: item.label)
        }
    }

    /// The selected milestone in full in the status line: its id, status, due day, tick record and note.
    mutating func describeSelectedMilestone() {
        guard let m = selectedMilestone, !errorIsFresh else { return }
        message = Message(text: MilestoneFormat.summary(m, today: today))
    }

    /// An error said less than five seconds ago: moving the cursor does not wipe it.
    var errorIsFresh: Bool {
        guard let message, message.kind == .error, let at = message.at else { return false }
        return clock.timeIntervalSince(at) < 5
    }

    mutating func openSelection() {
        switch panel {
        case _ where detail != nil:
            return
        case .countries:
            guard countryCursor.index < countryRows.count, case .country(let id) = countryRows[countryCursor.index] else { return }
            openDetail(id)
        case .timeline:
            let rows = derived.timelineRows
            guard timeline.row < rows.count else { return }
            var id = selectedTimelineItem?.eventCountryID
            if id == nil, case .country(let rowID) = rows[timeline.row].kind { id = rowID }
            if let id { openDetail(id) } else {
                message = Message(text: L("This item belongs to no single country."), kind: .warning)
            }
        case .milestones:
            guard let entry = milestoneUnderCursor else { return }
            if case .country(let id) = entry.owner { openDetail(id) }
            else { message = Message(text: L("A milestone of the phase as a whole: it has no country to open.")) }
        case .overview:
            if case .record(let ref)? = overviewCursor.selection {
                overlay = .record(ref)
                helpScroll = 0
                return
            }
            if case .kind(let kind, let country)? = overviewCursor.selection {
                if readOnlyReason == nil { form = .record(kind, ref: nil, country: country, in: programme) }
                return
            }
            guard case .milestone(let id)? = overviewCursor.selection, let (owner, _) = programme.locate(milestone: id) else {
                panel = .countries
                return
            }
            if case .country(let country) = owner {
                openDetail(country)
                detail?.selection = .milestone(id)
                clampDetail()
                describeSelectedMilestone()
            } else {
                panel = .milestones
                statusFilter = .all
                rebuildLists()
                if let row = milestoneRow(of: id) {
                    milestoneCursor.index = row
                    milestoneCursor.keepVisible(count: milestoneRows.count, visible: Layout(width: width, height: height).listRows)
                }
                describeSelectedMilestone()
            }
        case .indicators:
            guard let row = selectedIndicator else { return }
            if let country = row.country { openDetail(country) } else {
                message = Message(text: L("“%@” is the programme's own indicator: it has no country to open.", row.title))
            }
        case .activity:
            guard activityCursor.index < activity.count else { return }
            let change = activity[activityCursor.index].change
            if let country = change.country {
                openDetail(country)
                if change.kind != .notes, programme.milestone(change.id) != nil {
                    detail?.selection = .milestone(change.id)
                    clampDetail()
                    describeSelectedMilestone()
                }
                if change.kind == .notes { detail?.selection = .notes; clampDetail() }
            } else if programme.milestone(change.id) != nil {
                panel = .milestones
                statusFilter = .all
                rebuildLists()
                if let row = milestoneRow(of: change.id) {
                    milestoneCursor.index = row
                    milestoneCursor.keepVisible(count: milestoneRows.count, visible: Layout(width: width, height: height).listRows)
                }
                describeSelectedMilestone()
            } else {
                message = Message(text: L("“%@” is no longer in the record.", change.title), kind: .warning)
            }
        }
    }
}

extension Int {
    /// Adds without overflowing (top and bottom move by huge steps).
    func addingClamped(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? (other > 0 ? Int.max : Int.min) : sum
    }

    /// A huge step made no larger than a list (so moves stay cheap and never overflow).
    func clampedStep(_ count: Int) -> Int { Swift.min(Swift.max(self, -count - 1), count + 1) }
}
