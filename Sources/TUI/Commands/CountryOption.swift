import ArgumentParser
import Model

/// `--country`, for the commands that list one country's records.
struct CountryOption: ParsableArguments {
    @Option(help: ArgumentHelp("Only this country's (id or name; a unique prefix is enough).", valueName: "country"),
            completion: .custom(Completion.countriesOnly))
    var country: String?

    /// The id of the country named, or nil when none was; a NotFound that lists them when it names none.
    func id(in programme: Programme) throws -> String? {
        try country.map { try ShowCommand.resolve($0, in: programme).id }
    }
}
