/// Every milestone of a programme with its owner and phase, in the record's order (phase by
/// phase: the phase's own, then each of its countries'; then the countries whose phase is not in
/// the record), as places in the programme rather than copies: the programme's lists are shared,
/// not copied. At 900,000 milestones a list of copied entries was 150 MB of the front's memory,
/// beside the record that already held every one of them.
public struct MilestoneEntries: RandomAccessCollection, Equatable, Sendable {
    /// Where an entry's milestone stands: in `phases[-1 - owner]` when `owner` is negative, else
    /// in `countries[owner]`; at `index` of its milestones; counted towards `phase`.
    private struct Slot: Sendable {
        var owner: Int32
        var index: Int32
        var phase: Int
    }

    /// The programme the places are in.
    public private(set) var programme: Programme
    private var slots: [Slot]

    public init(_ programme: Programme) {
        self.programme = programme
        slots = []
        slots.reserveCapacity(programme.milestoneCount)
        let phaseNumbers = Set(programme.phases.map(\.number))
        func add(owner: Int, count: Int, phase: Int) {
            for index in 0..<count { slots.append(Slot(owner: Int32(truncatingIfNeeded: owner), index: Int32(truncatingIfNeeded: index), phase: phase)) }
        }
        for (p, phase) in programme.phases.enumerated() {
            add(owner: -1 - p, count: phase.milestones.count, phase: phase.number)
            for (c, country) in programme.countries.enumerated() where country.phase == phase.number {
                add(owner: c, count: country.milestones.count, phase: phase.number)
            }
        }
        for (c, country) in programme.countries.enumerated() where !phaseNumbers.contains(country.phase) {
            add(owner: c, count: country.milestones.count, phase: country.phase)
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { slots.count }

    public subscript(position: Int) -> MilestoneEntry {
        let slot = slots[position]
        if slot.owner < 0 {
            let p = Int(-1 - slot.owner)
            return MilestoneEntry(owner: .phase(programme.phases[p].number), phase: slot.phase,
                                  milestone: programme.phases[p].milestones[Int(slot.index)])
        }
        let c = Int(slot.owner)
        return MilestoneEntry(owner: .country(programme.countries[c].id), phase: slot.phase,
                              milestone: programme.countries[c].milestones[Int(slot.index)])
    }

    /// The milestone at `position` alone (no owner looked up).
    public func milestone(at position: Int) -> Milestone {
        let slot = slots[position]
        return slot.owner < 0 ? programme.phases[Int(-1 - slot.owner)].milestones[Int(slot.index)]
            : programme.countries[Int(slot.owner)].milestones[Int(slot.index)]
    }

    /// `body` of the milestone at `position`, read where it stands (no copy of it made).
    @inlinable
    public func withMilestone<R>(at position: Int, _ body: (Milestone) -> R) -> R {
        let (owner, index) = place(position)
        return owner < 0 ? body(programme.phases[-1 - owner].milestones[index]) : body(programme.countries[owner].milestones[index])
    }

    /// Where the milestone at `position` stands: its owner (a phase when negative, `-1 - p`;
    /// else a country's place) and its index there.
    @usableFromInline
    func place(_ position: Int) -> (owner: Int, index: Int) {
        let slot = slots[position]
        return (Int(slot.owner), Int(slot.index))
    }

    /// The phase the entry at `position` counts towards.
    public func phase(at position: Int) -> Int { slots[position].phase }

    /// The place in `programme.countries` of the country the entry at `position` belongs to;
    /// nil for a phase's own milestone.
    public func countryPlace(at position: Int) -> Int? {
        let owner = Int(slots[position].owner)
        return owner < 0 ? nil : owner
    }

    /// Whether the entries at `a` and `b` have the same owner (phase or country).
    public func sameOwner(_ a: Int, _ b: Int) -> Bool { slots[a].owner == slots[b].owner }

    /// The same places in `programme`, which must differ from the one they were made from only
    /// inside milestones (a tick, an untick: no milestone, country or phase added, removed or
    /// moved). What a tick's update of the figures uses, instead of making them again.
    public mutating func take(_ programme: Programme) { self.programme = programme }

    public static func == (a: MilestoneEntries, b: MilestoneEntries) -> Bool { a.elementsEqual(b) }
}
