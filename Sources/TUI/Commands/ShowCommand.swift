import ArgumentParser
import Model
import Presentation

/// `knupp show COUNTRY`: one country in full.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one country in full, or `show programme`: phases, events, publications, contacts.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "A country id or name, case-insensitive (a unique prefix is enough), or “programme”.",
              completion: .custom(Completion.countryIDs))
    var country: String

    func run() throws {
        try Context.run(global) { context in
            let programme = try context.programme()
            if ["programme", "program"].contains(country.lowercased()), case .notFound = programme.findCountry(country) {
                Output.print(ProgrammeText.render(programme, today: context.today))
                return
            }
            let found = try ShowCommand.resolve(country, in: programme)
            Output.print(CountryText.render(found, programme: programme, today: context.today))
        }
    }

    /// The country a query names, or a NotFound that lists what there is.
    static func resolve(_ query: String, in programme: Programme) throws -> Country {
        switch programme.findCountry(query) {
        case .found(let country): return country
        case .ambiguous(let matches):
            throw NotFound(message: "“\(query.clean)” could be " + matches.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
                           + ". Type more of it.")
        case .notFound:
            throw NotFound(message: L("No country “%@”. The countries are:", query.clean) + " "
                           + programme.countries.map { "\($0.id) (\($0.name))" }.joined(separator: ", ") + ".")
        }
    }
}
