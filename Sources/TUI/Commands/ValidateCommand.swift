import ArgumentParser
import Model
import Presentation

/// `knupp validate [FILE]`: checks a store, for example after a git merge.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a store file and report every problem; exit status 0 when it is valid, 4 when not.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The file to check (default: the store).", completion: .file(extensions: ["json"]))
    var file: String?

    func run() throws {
        try Context.run(global) { context in
            let path = file ?? context.storePath
            let data = try AtomicFile.readBytes(path)
            let (checked, problems) = StoreDocument.check(bytes: data, path: path)
            if problems.count > 1 {
                for problem in problems { Output.error(StoreErrorText.message(problem)) }
                Output.error("\(path): \(problems.count) problems.")
                throw ExitCode(ExitStatus.storeUnreadable)
            }
            if let problem = problems.first { throw problem }
            guard let document = checked else { throw StoreError.invalid(path: path, field: "(file)", message: "cannot be read") }
            context.verified.remember(data)
            let programme = document.programme
            var notes = ""
            if document.schemaVersion > StoreDocument.currentSchemaVersion {
                notes = " Written by a newer knupp (schema \(document.schemaVersion)): this one opens it read-only."
            }
            Output.print("\(path): valid. Schema \(document.schemaVersion), revision \(document.revision); "
                         + Format.counted(programme.phases.count, "phase") + ", " + Format.counted(programme.countries.count, "country", "countries") + ", "
                         + Format.counted(programme.milestoneCount, "milestone") + ".\(notes)")
            Output.finish()
        }
    }
}
