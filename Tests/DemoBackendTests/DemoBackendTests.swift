import Testing
@testable import DemoBackend
