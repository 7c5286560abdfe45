import Foundation

/// The K-NUPP programme as the app ships it: `sample-data/knupp.json`, bundled as a resource.
public enum Sample {
    /// The bundled sample file, or nil when the install is incomplete.
    public static var url: URL? { ResourceFile.url(module: "Model", name: "knupp.json") }

    /// The sample programme.
    public static func load() throws(StoreError) -> StoreDocument {
        guard let url else {
            throw .notFound(path: "knupp_Model.resources/knupp.json (the bundled sample; reinstall knupp)")
        }
        return try StoreDocument.decode(try ProgrammeStore.read(url.path), path: url.path)
    }
}
