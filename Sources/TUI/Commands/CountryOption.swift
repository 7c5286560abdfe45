import ArgumentParser

/// `--country`, for the commands that list one country's records.
struct CountryOption: ParsableArguments {
    @Option(help: ArgumentHelp("Only this country's (id or name; a unique prefix is enough).", valueName: "country"),
            completion: .custom(Completion.countryIDs))
    var country: String?
}
