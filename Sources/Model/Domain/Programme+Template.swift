import Foundation

/// What applying a template to a country would do, and the one edit that does it.
public struct TemplatePlan: Sendable {
    /// The milestones it adds, in the template's order (at the end of the country's).
    public var added: [Milestone]
    /// The country's milestones it marks as an item instead of adding a copy (`--link`).
    public var linked: [(milestone: String, item: String)]
    /// The items the country has already (a milestone marked as that item).
    public var already: [String]
    /// The items left out: before the stage it starts from, or `--skip`.
    public var skipped: [String]
    /// The edit: nil when there is nothing to do.
    public var edit: Edit?
}

extension Programme {
    /// The plan of applying `template` to the country `countryID`: the items from `from` on (all
    /// with `from` nil), less `skips`; each a new milestone `<country>-nup-<item>` (a clash gets
    /// -2, -3) with its stage, the template's mark and the due the officer gives, or an existing
    /// milestone of the country marked as the item (`links`: item → milestone id). An item the
    /// country has already is left as it is. Refused: an item, a milestone or a stage that is not
    /// there, a milestone linked twice or already another item.
    public func planTemplate(_ template: NUPTemplate, country countryID: String, from: NUPStage?, dues: [String: CalendarDate],
                             links: [String: String], skips: Set<String>, at moment: String) throws(EditError) -> TemplatePlan {
        guard let country = country(countryID) else { throw .unknownCountry(countryID) }
        let known = Set(template.items.map(\.id))
        for item in Set(dues.keys).union(links.keys).union(skips) where !known.contains(item) {
            throw .invalidField(.country, field: "template", L("“%@” is not an item of %@ (`knupp template show` lists them)", "\(item)", "\(template.id)"))
        }
        var marked: [String: String] = [:] // item → the milestone marked as it
        for m in country.milestones { if let t = m.template, t.id == template.id { marked[t.item] = m.id } }
        var linked: [(milestone: String, item: String)] = []
        var linkedIDs = Set<String>()
        for item in template.items.map(\.id) {
            guard let id = links[item] else { continue }
            guard let m = country.milestones.first(where: { $0.id == id }) else {
                throw .invalidField(.country, field: "template", L("“%@” is not one of %@'s own milestones (a phase's milestones cover every country of it and are not linked)", "\(id)", "\(country.name)"))
            }
            guard linkedIDs.insert(id).inserted else { throw .invalidField(.country, field: "template", L("“%@” is linked to two items", "\(id)")) }
            if skips.contains(item) { throw .invalidField(.country, field: "template", L("“%@” is both skipped and linked: say one", "\(item)")) }
            if let t = m.template, t.item != item {
                throw .invalidField(.country, field: "template", L("“%@” is already the template's “%@”", "\(id)", "\(t.item)"))
            }
            if marked[item] == nil { linked.append((id, item)) }
        }
        let order = NUPStage.allCases
        var taken = Set(milestoneEntries.map(\.milestone.id)).union(allIndicators.map(\.ref.id))
        var added: [Milestone] = [], already: [String] = [], skipped: [String] = []
        for item in template.items {
            if marked[item.id] != nil { already.append(item.id); continue }
            if links[item.id] != nil { continue }
            let before = from.map { (order.firstIndex(of: item.stage) ?? 0) < (order.firstIndex(of: $0) ?? 0) } ?? false
            if before || skips.contains(item.id) { skipped.append(item.id); continue }
            let base = "\(country.id.lowercased())-nup-\(item.id)"
            var id = base, n = 2
            while taken.contains(id) { id = "\(base)-\(n)"; n += 1 }
            taken.insert(id)
            var m = Milestone(id: id, title: item.title, due: dues[item.id])
            m.stage = item.stage
            m.template = TemplateRef(id: template.id, version: template.version, item: item.id)
            m.addedAt = moment
            added.append(m)
        }
        // A due given for an item that is not added would be dropped unseen: said instead.
        // (Again with the due the milestone has is no change: applying again adds nothing, as asked.)
        let dueThere = { (item: String) in (marked[item] ?? links[item]).flatMap { id in country.milestones.first { $0.id == id }?.due } }
        for item in template.items.map(\.id) where dues[item] != nil && !added.contains(where: { $0.template?.item == item })
            && dueThere(item) != dues[item] {
            let why = already.contains(item) ? L("is already there (move its due with `knupp due`)")
                : links[item] != nil ? L("is linked to an existing milestone (move its due with `knupp due`)") : L("is left out (before the stage it starts from, or skipped)")
            throw .invalidField(.country, field: "template", L("--due %@: the item %@", "\(item)", "\(why)"))
        }
        let edits = added.map { Edit.addMilestone($0, to: .country(country.id), at: nil) }
            + linked.map { link in
                Edit.markTemplate(milestone: link.milestone, stage: template.item(link.item)?.stage,
                                  template: TemplateRef(id: template.id, version: template.version, item: link.item))
            }
        let summary = "Applied \(template.id) to \(country.name): \(added.count) added" + (linked.isEmpty ? "" : ", \(linked.count) linked")
            + (already.isEmpty ? "" : ", \(already.count) already there")
        return TemplatePlan(added: added, linked: linked, already: already, skipped: skipped,
                            edit: edits.isEmpty ? nil : .batch(edits, summary: summary))
    }
}

extension Country {
    /// Where the country stands by its checklist (milestones marked with a stage): the first
    /// phase with an item still open; past the last phase with items when every one is done
    /// (formulation's all done: implementation). nil when no milestone has a stage.
    public var checklistStage: NUPStage? {
        let staged = milestones.filter { $0.stage != nil }
        guard !staged.isEmpty else { return nil }
        let order = NUPStage.allCases
        if let open = order.first(where: { stage in staged.contains { $0.stage == stage && !$0.done } }) { return open }
        let last = staged.compactMap { $0.stage.flatMap { order.firstIndex(of: $0) } }.max() ?? 0
        return order[min(last + 1, order.count - 1)]
    }
}
