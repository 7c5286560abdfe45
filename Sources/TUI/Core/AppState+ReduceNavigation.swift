import Foundation
import Model
import Presentation

extension AppState {
    /// Moving about: panels, lists, the timeline, filters and sorts, the clock, resizing, quitting.
    mutating func reduceNavigation(_ action: Action, now: Date) -> [Effect] {
        switch action {
        case .quit:
            return [.quit]
        case .resize(let w, let h):
            width = max(0, w); height = max(0, h)
            rebuildLists()
            relayout()
        case .toggleHelp:
            helpScroll = helpScroll == nil ? 0 : nil
            overlay = .help
        case .toggleMessages:
            helpScroll = helpScroll == nil ? 0 : nil
            overlay = helpScroll == nil ? .help : .messages
        case .viewRecord:
            guard helpScroll == nil else { helpScroll = nil; overlay = .help; return [] }
            if let m = selectedMilestone {
                overlay = .milestone(m.id)
            } else if let ref = selectedRecord {
                overlay = .record(ref)
            } else {
                message = Message(text: L("Select a milestone or another record to read it whole."), kind: .warning)
                return []
            }
            helpScroll = 0
        case .moveDown: move(by: 1)
        case .moveUp: move(by: -1)
        case .pageDown: move(by: max(1, Layout(width: width, height: height).listRows - 1))
        case .pageUp: move(by: -max(1, Layout(width: width, height: height).listRows - 1))
        case .top: move(by: Int.min / 2)
        case .bottom: move(by: Int.max / 2)
        case .scroll(let delta): move(by: delta * 3)
        case .selectPanel(let p):
            if p != panel, message?.kind == .info { message = nil }
            panel = p; detail = nil
            return panel == .activity ? [.loadHistory] : []
        case .nextPanel, .previousPanel:
            let step = action == .nextPanel ? 1 : Panel.allCases.count - 1
            panel = Panel(rawValue: (panel.rawValue + step) % Panel.allCases.count) ?? .overview
            detail = nil
            return panel == .activity ? [.loadHistory] : []
        case .back:
            if search?.editing == false { endSearch() }
            else if detail != nil { detail = nil }
        case .open:
            openSelection()
        case .panLeft, .panRight:
            let layout = TimelineLayout(state: self)
            let step = max(1, layout.columns / 4) * layout.daysPerColumn
            timeline.start = layout.start + (action == .panLeft ? -step : step)
        case .toggleBaseline:
            timeline.baseline.toggle()
            let moved = derived.timelineRows.reduce(0) { $0 + $1.items.filter { $0.planned != nil }.count }
            message = Message(text: timeline.baseline
                ? L("Baseline on: ◇ marks where each moved due was first planned") + " " + (moved == 0 ? L("(no due has moved).") : L("(%@ moved).", "\(moved)"))
                : L("Baseline off."))
        case .zoomIn, .zoomOut:
            let layout = TimelineLayout(state: self)
            // What stays in view: the selected mark (a milestone, an event, a start), else today;
            // at the column it stood in when it was in view, else in the middle.
            let anchor: Int
            if let item = selectedTimelineItem, item.glyph != .bar, item.glyph != .country { anchor = item.start } else { anchor = today.firstOrdinal }
            let anchorColumn = layout.column(of: anchor)
            let keptColumn = (0..<layout.columns).contains(anchorColumn) ? anchorColumn : layout.columns / 2
            // From the fitted view, the fixed zoom just finer (or coarser) than it.
            let levels = Timeline.Zoom.allCases
            let next: Timeline.Zoom?
            if timeline.fit {
                next = action == .zoomIn ? levels.first { $0.daysPerColumn < layout.daysPerColumn }
                                         : levels.last { $0.daysPerColumn > layout.daysPerColumn }
            } else {
                next = Timeline.Zoom(rawValue: timeline.zoom.rawValue + (action == .zoomIn ? 1 : -1))
            }
            guard let zoom = next else {
                message = Message(text: action == .zoomIn ? L("Already at the closest zoom (months).") : L("Already at the widest zoom (years); z fits the whole programme."))
                return []
            }
            timeline.fit = false
            timeline.zoom = zoom
            timeline.start = anchor - keptColumn * zoom.daysPerColumn
            // Where the whole programme fits at this zoom, all of it is in view (not years of
            // nothing on one side): the anchor stays in view all the same.
            let (first, last) = TimelineLayout.span(of: self)
            let columns = TimelineLayout(state: self).columns, width = columns * zoom.daysPerColumn
            let margin = 2 * zoom.daysPerColumn
            if let start = timeline.start, last - first + 2 * margin <= width {
                timeline.start = min(max(start, last + margin - width), first - margin)
            }
            message = Message(text: L("Timeline zoom: %@ (z fits the whole programme again)", zoom.label))
        case .timelineFit:
            timeline.fit = true
            timeline.start = nil
            message = Message(text: L("Timeline: the whole programme, and today"))
        case .timelineToday:
            let layout = TimelineLayout(state: self)
            timeline.start = today.firstOrdinal - layout.columns / 2 * layout.daysPerColumn
            message = Message(text: L("Timeline: today, %@", Texts.prose(today)))
        case .interrupted:
            guard form?.touched == true else { return [.quit] }
            askingToQuit = true
        case .answerQuit(let yes):
            askingToQuit = false
            if yes { return [.quit] }
            message = Message(text: L("Back to the form: nothing was lost."))
        case .openGoTo: form = .goTo
        case .openAgenda: form = .agenda(today: today)
        case .timelineGoTo(let day):
            if timeline.fit { timeline.fit = false }
            let layout = TimelineLayout(state: self)
            timeline.start = day.firstOrdinal - 2 * layout.daysPerColumn // the day at the left edge, as "from" says
            message = Message(text: L("Timeline: from %@ (t today · z the whole programme)", "\(day)"))
        case .cyclePhaseFilter:
            let numbers = programme.phases.map(\.number)
            switch phaseFilter {
            case .all: phaseFilter = numbers.first.map { .phase($0) } ?? .all
            case .phase(let n):
                let next = numbers.firstIndex(of: n).map { $0 + 1 } ?? numbers.count
                phaseFilter = next < numbers.count ? .phase(numbers[next]) : .all
            }
            rebuildLists()
            message = Message(text: (phaseFilter == .all ? L("Showing all phases") : L("Showing phase %@ only", "\(phaseFilterNumber ?? 0)")))
        case .cycleSort:
            if detail != nil { return [] }
            // The selection stays on the same record, wherever the new order puts it.
            let country = countryCursor.index < countryRows.count ? countryRows[countryCursor.index] : nil
            let milestone = selectedMilestone?.id
            if panel == .countries {
                countrySort = countrySort.next(in: ListSort.countries)
                message = Message(text: L("Countries %@", countrySort.label))
            } else if panel == .milestones {
                milestoneSort = milestoneSort.next(in: ListSort.milestones)
                message = Message(text: L("Milestones %@", milestoneSort.label))
            }
            rebuildLists()
            let visible = Layout(width: width, height: height).listRows
            if let country, let row = countryRows.firstIndex(of: country) {
                countryCursor.index = row
                countryCursor.keepVisible(count: countryRows.count, visible: visible)
            }
            if let milestone, milestoneRow(of: milestone) != nil { placeMilestoneCursor(on: milestone) }
        case .showOverdue:
            panel = .milestones
            detail = nil
            statusFilter = .overdue
            milestoneSort = .due
            rebuildLists()
            // The longest overdue first, and the cursor on it.
            placeMilestoneCursor(on: nil)
            message = Message(text: L("Every overdue milestone, soonest due first (f changes the filter, s the order)."))
        case .cycleStatusFilter:
            // The cursor stays on the milestone it was on while the new filter shows it.
            let chosen = milestoneUnderCursor?.milestone.id
            let all = StatusFilter.allCases
            statusFilter = all[((all.firstIndex(of: statusFilter) ?? 0) + 1) % all.count]
            rebuildLists()
            placeMilestoneCursor(on: chosen)
            message = Message(text: L("Showing %@ milestones", statusFilter.text))
        case .newDay(let day):
            today = day
            setProgramme(programme)
        case .click(let x, let y, let double):
            return click(x: x, y: y, double: double, now: now)
        case .clock:
            // Messages say what just happened; after a while they are old news (errors stay longer).
            if let message, let at = message.at {
                let lifetime: TimeInterval = message.kind == .error ? 15 : (message.kind == .warning ? 10 : 6)
                if now.timeIntervalSince(at) > lifetime { self.message = nil }
            }
        case .unknownKey:
            if !hintedHelp {
                hintedHelp = true
                message = Message(text: L("That key does nothing here: ? lists the keys."), at: now)
            }
        default:
            break
        }
        return []
    }
}
