// swift-tools-version: 6.1
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

/// For code the console links but an idle console never runs (the AWS side, HTTP): optimised for size, which
/// measurably lowers the console's resident memory (the kernel maps code pages in 64 KB neighbourhoods).
let compact: [SwiftSetting] = strict + [.unsafeFlags(["-Osize"], .when(configuration: .release))]

let package = Package(
    name: "switchboard",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "switchboard", targets: ["switchboard"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "TUICore", swiftSettings: strict),
        .target(name: "TUICurses", dependencies: ["TUICore", "CNcursesw"], swiftSettings: strict),
        .target(
            name: "SwitchboardCore",
            dependencies: [.product(name: "Yams", package: "Yams")],
            swiftSettings: strict
        ),
        .target(name: "HTTPTransport", swiftSettings: compact),
        .target(name: "DemoBackend", dependencies: ["SwitchboardCore"], swiftSettings: strict),
        .target(name: "TrustAnalysis", dependencies: ["SwitchboardCore"], swiftSettings: strict),
        .target(
            name: "AWSBackend",
            dependencies: ["SwitchboardCore", "HTTPTransport"],
            swiftSettings: compact
        ),
        .target(
            name: "GitLabBackend",
            dependencies: ["SwitchboardCore", "HTTPTransport"],
            swiftSettings: compact
        ),
        .target(
            name: "SwitchboardTUI",
            dependencies: ["TUICore", "SwitchboardCore", "TrustAnalysis"],
            swiftSettings: strict
        ),
        .executableTarget(
            name: "switchboard",
            dependencies: [
                "SwitchboardTUI", "TUICurses", "DemoBackend", "TrustAnalysis", "AWSBackend", "GitLabBackend",
                "HTTPTransport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strict
        ),
        .target(
            name: "SwitchboardTesting",
            dependencies: ["TUICore", "SwitchboardCore", "SwitchboardTUI"],
            swiftSettings: strict
        ),
        /// The loopback fake GitLab as a process, for the end-to-end tests and the benchmark.
        .executableTarget(
            name: "fake-gitlab",
            dependencies: ["SwitchboardTesting"],
            path: "Sources/FakeGitLabServer",
            swiftSettings: strict
        ),
        .testTarget(name: "TUICoreTests", dependencies: ["TUICore", "SwitchboardTesting"], swiftSettings: strict),
        .testTarget(name: "HTTPTransportTests", dependencies: ["HTTPTransport"], swiftSettings: strict),
        .testTarget(name: "SwitchboardCoreTests", dependencies: ["SwitchboardCore"], swiftSettings: strict),
        .testTarget(
            name: "AWSBackendTests",
            dependencies: ["AWSBackend"],
            exclude: ["Vectors"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "GitLabBackendTests",
            dependencies: ["GitLabBackend", "SwitchboardTesting", "SwitchboardTUI", "HTTPTransport"],
            exclude: ["Golden"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "TrustAnalysisTests",
            dependencies: ["TrustAnalysis", "DemoBackend"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DemoBackendTests",
            dependencies: ["DemoBackend", "SwitchboardTesting"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SwitchboardTUITests",
            dependencies: ["SwitchboardTUI", "DemoBackend", "SwitchboardTesting"],
            exclude: ["Golden"],
            swiftSettings: strict
        ),
    ]
)
