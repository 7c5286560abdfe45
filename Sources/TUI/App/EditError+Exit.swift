import ArgumentParser
import Foundation
import Model
import Presentation

extension EditError {
    var isNotFound: Bool {
        switch self {
        case .unknownMilestone, .unknownCountry, .unknownPhase: true
        default: false
        }
    }
}
