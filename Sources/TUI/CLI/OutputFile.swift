import ArgumentParser
import Model
import Presentation

/// The file a command writes its output to (`--output`: a report, the IATI file): never the
/// store or one of its files, and replaced whole or not at all.
enum OutputFile {
    /// Refuses an empty name and the store's own files (exit 64, nothing written).
    static func check(_ output: String?, store: String) throws {
        guard let output else { return }
        if output.isEmpty { throw ValidationError(L("--output takes a file name; it was given an empty one. Leave it out to print the report.")) }
        if StoreFiles.belongsToStore(output, store: store) {
            throw ValidationError(L("--output %@ is the store or one of its files (%@); the report would replace the record. Name another file.", output.clean, store.clean))
        }
    }

    /// Writes `bytes` to `output` whole; a failure is said in a report's words (not the store's:
    /// "the file on disk is as it was") and exits 1.
    static func write(_ bytes: [UInt8], to output: String) throws {
        do throws(StoreError) {
            try AtomicFile.writeOutput(bytes, to: output)
        } catch {
            Output.error("\(output.clean): " + L("the report was not written:") + " " + (error.reason ?? StoreErrorText.fact(error)) + ".")
            throw ExitCode(ExitStatus.failure)
        }
    }
}
