import ArgumentParser
import Foundation
import Model
import Presentation

extension EditError {
    var isNotFound: Bool {
        switch self {
        case .unknownMilestone, .unknownCountry, .unknownPhase, .unknownRecord: true
        default: false
        }
    }

    /// A value or a change the record refuses: a usage error (64), the store untouched.
    var isRefusal: Bool {
        switch self {
        case .invalidField, .idCannotChange, .duplicateRecord, .recordInUse, .breaksRule, .invalidSetting, .duplicateMilestone, .emptyTitle, .emptyNote: true
        default: false
        }
    }
}
