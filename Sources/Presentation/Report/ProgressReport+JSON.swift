import Model

/// The report's JSON written straight to bytes, field by field in sorted key order: the same
/// text as Foundation's sorted, pretty encoder writes with the commands' escapes (a test holds the
/// two equal on the sample, a large programme and hostile text), without Codable, which took
/// most of 8 s and 1 GiB for a report of 900,000 milestones.
extension ProgressReport {
    public func jsonText() -> String {
        var bytes = jsonBytes()
        bytes.removeLast()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The same as UTF-8 with a final newline, made in one buffer sized for it up front (a report
    /// of 900,000 milestones is 200 MB: no copy of it, and no growing it step by step).
    public func jsonBytes() -> [UInt8] {
        let milestones = phases.reduce(0) { $0 + $1.milestones.count + $1.countries.reduce(0) { $0 + $1.milestones.count } }
        var w = JSONWriter(capacity: (1 << 16) + milestones * 320, alsoEscape: JSONOutput.alsoEscaped)
        w.twoCores = true
        write(into: &w)
        return w.bytes
    }

    /// The same bytes handed to `drain` a piece at a time as they are made, for output that need
    /// not be held whole (standard output): a report of 900,000 milestones is 200 MB.
    public func writeJSON(drain: @escaping (UnsafeRawBufferPointer) -> Void) {
        var w = JSONWriter(alsoEscape: JSONOutput.alsoEscaped, drain: drain)
        w.twoCores = true
        write(into: &w)
        w.finish()
    }

    /// Writes the report into `w` (on two cores where `w` allows).
    func write(into w: inout JSONWriter) {
        w.object { w in
            w.field("asOf", asOf)
            if let changes {
                w.key("changes")
                w.object { w in
                    w.field("items", changes.items) { w, c in
                        w.object { w in
                            w.field("details", c.details); w.field("id", c.id); w.field("kind", c.kind)
                            w.field("moment", c.moment); w.field("officer", c.officer); w.field("title", c.title)
                        }
                    }
                    w.field("since", changes.since); w.field("source", changes.source)
                }
            }
            w.field("contacts", contacts) { w, c in w.object { w in w.field("name", c.name); w.field("title", c.title); w.field("unit", c.unit) } }
            w.field("events", events) { w, e in
                w.object { w in w.field("date", e.date); w.field("participants", e.participants); w.field("summary", e.summary); w.field("title", e.title) }
            }
            w.field("from", from)
            w.field("goals", goals) { w, g in w.object { w in w.field("detail", g.detail); w.field("title", g.title) } }
            writeResults(&w, key: "indicators")
            w.field("partners", partners)
            w.field("peopleReached", peopleReached)
            w.field("phaseEnds", phaseEnds, PhaseEndLine.write)
            w.field("phases", phases) { w, p in
                w.object { w in
                    w.field("actualEnd", p.actualEnd)
                    if let budget = p.budget { w.key("budget"); w.money(budget) }
                    w.longField("countries", p.countries) { $0.country($1) }
                    w.field("implementationStart", p.implementationStart)
                    w.field("label", p.label); w.field("launch", p.launch); w.field("launchNote", p.launchNote)
                    w.milestones(p.milestones)
                    w.field("number", p.number); w.field("peopleReached", p.peopleReached); w.field("period", p.period)
                    w.field("plannedEnd", p.plannedEnd)
                    w.key("progress"); w.tally(p.progress)
                    w.field("title", p.title)
                }
            }
            w.field("programme", programme)
            w.key("progress"); w.tally(progress)
            w.field("prospectiveCountries", prospectiveCountries) { w, p in w.object { w in w.field("name", p.name); w.field("note", p.note) } }
            w.field("publications", publications) { w, p in
                w.object { w in w.field("link", p.link); w.field("summary", p.summary); w.field("title", p.title); w.field("year", p.year) }
            }
            w.field("recordSource", recordSource)
            w.field("reportVersion", reportVersion)
            writeResults(&w, key: "sdg11a1")
            w.field("shortName", shortName)
            w.field("summary", summary)
            w.field("timeZone", timeZone)
            if let undatedMayBeLater { w.field("undatedMayBeLater", undatedMayBeLater) }
        }
        w.endLine()
    }
}

private extension JSONWriter {
    mutating func tally(_ t: ProgressReport.Tally) {
        object { w in w.field("done", t.done); w.field("overdue", t.overdue); w.field("percent", t.percent); w.field("total", t.total) }
    }

    /// The "milestones" field: each line made from the record as it is written (on two cores for
    /// a long list), none held.
    mutating func milestones(_ lines: ProgressReport.MilestoneLineList) {
        lines.withSource({ held in longField("milestones", held) { $0.milestone($1) } },
                         { record, maker in longField("milestones", record) { $0.milestone(maker.line($1)) } })
    }

    mutating func milestone(_ m: ProgressReport.MilestoneLine) {
        object { w in
            w.field("doneAt", m.doneAt); w.field("doneBy", m.doneBy); w.field("doneOn", m.doneOn); w.field("due", m.due)
            if let changes = m.dueChanges { w.field("dueChanges", changes, DateChangeLine.write) }
            w.field("evidence", m.evidence)
            w.field("id", m.id); w.field("knownBy", m.knownBy); w.field("note", m.note)
            if let notes = m.notes {
                w.field("notes", notes, ProgressReport.NoteLine.write)
            }
            w.field("plannedDue", m.plannedDue)
            w.field("slipDays", m.slipDays); w.field("stage", m.stage); w.field("status", m.status); w.field("title", m.title)
        }
    }

    mutating func country(_ c: ProgressReport.CountryLine) {
        object { w in
            if let budget = c.budget { w.key("budget"); w.money(budget) }
            w.field("checklistStage", c.checklistStage)
            if let counterparts = c.counterparts {
                w.field("counterparts", counterparts) { w, p in w.object { w in w.field("name", p.name); w.field("role", p.role) } }
            }
            w.field("funding", c.funding)
            w.field("id", c.id)
            w.milestones(c.milestones)
            w.field("name", c.name)
            w.field("notes", c.notes)
            w.field("officialName", c.officialName)
            w.field("peopleReached", c.peopleReached)
            w.field("policies", c.policies) { w, p in w.object { w in w.field("note", p.note); w.field("status", p.status); w.field("title", p.title) } }
            w.key("progress"); w.tally(c.progress)
            w.field("projects", c.projects) { w, p in w.object { w in w.field("peopleReached", p.peopleReached); w.field("title", p.title) } }
            w.field("scope", c.scope)
            w.field("stage", c.stage)
            w.field("stageBasis", c.stageBasis)
        }
    }

    /// Budgets and expenditures per currency: `[{"budgeted": 60000, "currency": "USD", "percent": 21, "spent": 12500.5}]`.
    mutating func money(_ lines: [FundingSummary]) {
        list(lines) { w, m in
            w.object { w in
                w.key("budgeted"); w.number("\(m.budgeted)")
                w.field("currency", m.currency)
                w.field("percent", m.percent)
                w.key("spent"); w.number("\(m.spent)")
            }
        }
    }
}
