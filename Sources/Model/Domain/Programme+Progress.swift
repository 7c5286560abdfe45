extension Programme {
    /// Every milestone with its owner, phase by phase: the phase's own, then each country's in
    /// order (places in the programme, not copies: `MilestoneEntries`).
    public var milestoneEntries: MilestoneEntries { MilestoneEntries(self) }

    /// How many milestones the programme holds, its phases' and its countries'.
    public var milestoneCount: Int {
        phases.reduce(0) { $0 + $1.milestones.count } + countries.reduce(0) { $0 + $1.milestones.count }
    }

    /// The same entries one at a time, in the same order, each made when it is reached (a listing
    /// of 20,000 milestones holds no list of them; `MilestoneEntries` alone says the order).
    public func forEachMilestoneEntry(_ body: (MilestoneEntry) throws -> Void) rethrows {
        for entry in milestoneEntries { try body(entry) }
    }

    public func progress(country id: String) -> MilestoneProgress {
        MilestoneProgress.of(country(id)?.milestones ?? [])
    }

    /// The same counted list by list, with no list of them all made first.
    public func progress(phase number: Int) -> MilestoneProgress {
        countries(inPhase: number).reduce(MilestoneProgress.of(phase(number)?.milestones ?? [])) { $0 + MilestoneProgress.of($1.milestones) }
    }

    public var progress: MilestoneProgress {
        phases.reduce(MilestoneProgress(done: 0, total: 0)) { $0 + MilestoneProgress.of($1.milestones) }
            + countries.reduce(MilestoneProgress(done: 0, total: 0)) { $0 + MilestoneProgress.of($1.milestones) }
    }

    /// People reached by the demonstration projects of a phase's countries.
    public func peopleReached(phase number: Int) -> Int {
        countries(inPhase: number).reduce(0) { $0 + $1.peopleReached }
    }

    /// People reached by every country's demonstration projects: the one figure every front
    /// and report shows for the programme.
    public var peopleReached: Int {
        countries.reduce(0) { $0 + $1.peopleReached }
    }

    public func overdue(today: CalendarDate) -> [MilestoneEntry] { milestoneEntries.overdue(today: today) }

    /// Open milestones with a due date, soonest first.
    public func dueNext(today: CalendarDate) -> [MilestoneEntry] { milestoneEntries.dueNext(today: today) }

    /// Where a milestone lives, or nil.
    public func locate(milestone id: String) -> (owner: MilestoneOwner, index: Int)? {
        for phase in phases {
            if let index = phase.milestones.firstIndex(where: { $0.id == id }) { return (.phase(phase.number), index) }
        }
        for country in countries {
            if let index = country.milestones.firstIndex(where: { $0.id == id }) { return (.country(country.id), index) }
        }
        return nil
    }

    public func milestone(_ id: String) -> Milestone? {
        guard let (owner, index) = locate(milestone: id) else { return nil }
        return milestones(of: owner)?[index]
    }

    public func milestones(of owner: MilestoneOwner) -> [Milestone]? {
        switch owner {
        case .phase(let number): phase(number)?.milestones
        case .country(let id): country(id)?.milestones
        }
    }

    /// A name for an owner: "Phase 2" or "Mozambique".
    public func ownerName(_ owner: MilestoneOwner) -> String {
        switch owner {
        case .phase(let number): "Phase \(number)"
        case .country(let id): country(id)?.name ?? id
        }
    }

    /// Events that concern a country by name in the record.
    public func events(concerning countryID: String) -> [Event] {
        events.filter { $0.countries.contains(countryID) }
    }
}
