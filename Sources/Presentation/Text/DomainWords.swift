import Model

// The record's own words (a stage, a status, a scope) as the officer reads them in the chosen
// language. The file, JSON and CSV keep the English words (`label`, `rawValue`).


extension PolicyDocument.Status {
    public var text: String {
        switch self {
        case .draft: L("draft")
        case .pendingApproval: L("pending approval")
        case .adopted: L("adopted")
        case .endorsed: L("endorsed")
        }
    }
}

extension Scope {
    /// "national", or the subdivision (the record's own name).
    public var text: String { level == .national ? L("national") : (subdivision ?? L("sub-national")) }
}

extension StatusFilter {
    public var text: String {
        switch self {
        case .open: L("open")
        case .done: L("done")
        case .overdue: L("overdue")
        case .slipped: L("slipped")
        case .all: L("all")
        }
    }
}

extension MilestoneStatus {
    /// "done", "open", "OVERDUE" as a front shows it.
    public var text: String {
        switch self {
        case .done: L("done")
        case .open: L("open")
        case .overdue: L("OVERDUE")
        }
    }
}

extension Indicator.Measure {
    public var text: String {
        switch self {
        case .unit: L("unit")
        case .percentage: L("percentage")
        case .nominal: L("nominal")
        case .ordinal: L("ordinal")
        case .qualitative: L("qualitative")
        }
    }
}


extension FieldKind {
    /// What a form's field takes, in the chosen language (`hint` is the CLI's and the file's).
    public var hintText: String {
        switch self {
        case .text: L("text")
        case .number: L("a whole number")
        case .amount: L("an amount (250000 or 1250.50)")
        case .flag: L("yes or no")
        case .date: L("YYYY-MM-DD, YYYY-MM or YYYY")
        case .word(let words): words.joined(separator: "|")
        case .scope: L("national, or the subdivision's name")
        case .texts: L("texts, with commas between them")
        case .records: L("records of their own")
        }
    }
}

extension Settings {
    /// What a setting does, in the chosen language (`Settings.keys` has the English).
    public static func helpText(_ key: String) -> String? {
        switch key {
        case "store": L("the store file to open (a team's shared store)")
        case "officer": L("who ticks milestones (default: the login name)")
        case "mouse": L("true or false: let knupp take the mouse in the front")
        case "color": L("true or false: colours in the front (NO_COLOR also turns them off)")
        case "lock_wait": L("seconds a save waits for another officer's save (default 5)")
        case "language": L("en or ko: the language of knupp's own words (default: the locale)")
        case "glyphs": L("unicode or ascii: ascii for a terminal that draws … · █ ◆ twice as wide")
        default: nil
        }
    }
}

extension Phase {
    /// "2022–2026-11 (expected)" as a screen or a sentence says it (`periodLabel` is the reports'
    /// JSON and CSV words).
    public var periodText: String {
        endIsExpected ? periodLabel.replacingOccurrences(of: " (expected)", with: " (" + L("expected") + ")") : periodLabel
    }
}

extension Slip {
    /// "+4 mo", "+121 d" as a screen says it ("+4개월"; `description` is the JSON's and CSV's).
    public var text: String {
        guard Texts.language != .en else { return description }
        if days == 0 && amount == 0 { return L("on plan") }
        let sign = amount > 0 ? "+" : ""
        switch unit {
        case .days: return L("%@ d", "\(sign)\(amount)")
        case .months: return L("%@ mo", "\(sign)\(amount)")
        case .years: return L("%@ y", "\(sign)\(amount)")
        }
    }
}

/// The words of an agenda's kinds of item ("due", "achieved", "event" …).
public enum AgendaWords {
    public static func kind(_ kind: String) -> String {
        switch kind {
        case "due": L("due")
        case "achieved": L("achieved")
        case "event": L("event")
        case "phase": L("phase")
        case "stage": L("stage")
        case "note": L("note")
        case "moved": L("moved")
        case "policy": L("policy")
        case "reached": L("reached")
        default: kind
        }
    }
}

extension Slip {
    /// A slip as a report line writes it ("+4 mo", "on plan", "date taken away"), in the chosen language.
    public static func text(of description: String) -> String {
        guard Texts.language != .en else { return description }
        if let m = description.wholeMatch(of: /([+-]?[0-9]+) (d|mo|y)/) {
            let n = String(m.output.1)
            switch m.output.2 { case "d": return L("%@ d", n); case "mo": return L("%@ mo", n); default: return L("%@ y", n) }
        }
        switch description {
        case "on plan": return L("on plan")
        case "date taken away": return L("date taken away")
        default: return description
        }
    }
}

extension Counterpart.Role {
    /// "lead", "implementing", "funding" in the chosen language.
    public var text: String {
        switch self {
        case .lead: L("lead")
        case .implementing: L("implementing")
        case .funding: L("funding")
        }
    }
}

extension Budget.Kind {
    public var text: String { self == .original ? L("original") : L("revised") }
}

extension Budget.Status {
    public var text: String { self == .indicative ? L("indicative") : L("committed") }
}
