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
                Output.error("\(path): " + L("%@ problems.", "\(problems.count)"))
                throw ExitCode(ExitStatus.storeUnreadable)
            }
            if let problem = problems.first { throw problem }
            guard let document = checked else { throw StoreError.invalid(path: path, field: "(file)", message: "cannot be read") }
            context.verified.remember(data)
            let programme = document.programme
            var notes = ""
            if document.schemaVersion > StoreDocument.currentSchemaVersion {
                notes = " " + L("Written by a newer knupp (schema %@): this one opens it read-only.", "\(document.schemaVersion)")
            }
            let n = (programme.phases.count, programme.countries.count, programme.milestoneCount)
            Output.print("\(path): " + L("valid. Schema %@, revision %@;", "\(document.schemaVersion)", "\(document.revision)") + " "
                         + (n.0 == 1 ? L("1 phase") : L("%@ phases", Format.number(n.0))) + ", "
                         + (n.1 == 1 ? L("1 country") : L("%@ countries", Format.number(n.1))) + ", "
                         + (n.2 == 1 ? L("1 milestone") : L("%@ milestones", Format.number(n.2))) + ".\(notes)")
            Output.finish()
        }
    }
}
