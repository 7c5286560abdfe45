import ArgumentParser
import Foundation
import Model
import Presentation

/// The documented exit statuses.
enum ExitStatus {
    static let failure: Int32 = 1
    static let notFound: Int32 = 3
    static let storeUnreadable: Int32 = 4
    static let storeNotWritable: Int32 = 5
    /// `knupp sync` stopped at a real conflict (both changed one field differently).
    static let conflict: Int32 = 6
}
