import Foundation
@testable import Model
import TestSupport
@testable import Presentation

func fixture(_ name: String) -> String {
    packageRoot.appendingPathComponent("Tests/ModelTests/Fixtures/\(name)").path
}
