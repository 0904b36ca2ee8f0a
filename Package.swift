// swift-tools-version: 6.1
import PackageDescription

/// Every Swift target opts into the same upcoming features, so `public import` marks each
/// dependency that leaks into an API and a missing import fails the build.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

func system(_ name: String, apt: String) -> Target {
    .systemLibrary(name: name, path: "Adapters/System/\(name)", providers: [.apt([apt])])
}

let package = Package(
    name: "PocketSwift",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "pocketswift", targets: ["pocketswift"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
    ],
    targets: [
        // C libraries of the system, wrapped one per adapter.
        system("CSQLite", apt: "libsqlite3-dev"),
        system("CLibPQ", apt: "libpq-dev"),
        system("CCurl", apt: "libcurl4-openssl-dev"),
        system("COpenSSL", apt: "libssl-dev"),
        system("CCrypt", apt: "libcrypt-dev"),

        // Domain: pure values and rules, no IO.
        .target(name: "PocketDomain", path: "Domain", swiftSettings: strictSettings),

        // Application: use cases and the ports they need.
        .target(name: "PocketApplication", dependencies: ["PocketDomain"], path: "Application",
                swiftSettings: strictSettings),

        // Adapters: one port implementation each.
        .target(name: "PocketSQL", dependencies: ["PocketDomain", "PocketApplication"],
                path: "Adapters/SQL", swiftSettings: strictSettings),
        .target(name: "PocketSQLite",
                dependencies: ["PocketDomain", "PocketApplication", "PocketSQL", "CSQLite"],
                path: "Adapters/SQLite", swiftSettings: strictSettings),
        .target(name: "PocketCurl", dependencies: ["PocketApplication", "CCurl"], path: "Adapters/Curl",
                swiftSettings: strictSettings),
        .target(name: "PocketFiles", dependencies: ["PocketDomain", "PocketApplication", "PocketCurl"],
                path: "Adapters/Files", swiftSettings: strictSettings),
        .target(name: "PocketMail", dependencies: ["PocketDomain", "PocketApplication", "PocketCurl"],
                path: "Adapters/Mail", swiftSettings: strictSettings),
        .target(name: "PocketCrypto",
                dependencies: ["PocketDomain", "PocketApplication", "COpenSSL", "CCrypt"],
                path: "Adapters/Crypto", swiftSettings: strictSettings),

        // Interfaces: HTTP, the composition root and the command line.
        .target(name: "PocketHTTP",
                dependencies: [
                    "PocketDomain", "PocketApplication",
                    .product(name: "Hummingbird", package: "hummingbird"),
                    .product(name: "Logging", package: "swift-log"),
                    .product(name: "NIOCore", package: "swift-nio"),
                    .product(name: "HTTPTypes", package: "swift-http-types"),
                    .product(name: "MultipartKit", package: "multipart-kit"),
                ],
                path: "Interfaces/HTTP", swiftSettings: strictSettings),
        .target(name: "PocketBootstrap",
                dependencies: [
                    "PocketDomain", "PocketApplication", "PocketSQLite", "PocketCrypto", "PocketFiles", "PocketMail",
                    "PocketCurl", "PocketHTTP",
                    .product(name: "Hummingbird", package: "hummingbird"),
                    .product(name: "Logging", package: "swift-log"),
                    .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                    .product(name: "NIOCore", package: "swift-nio"),
                    .product(name: "NIOPosix", package: "swift-nio"),
                    .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                ],
                path: "Interfaces/Bootstrap", swiftSettings: strictSettings),
        .executableTarget(name: "pocketswift",
                          dependencies: [
                              "PocketDomain", "PocketApplication", "PocketBootstrap",
                              .product(name: "ArgumentParser", package: "swift-argument-parser"),
                          ],
                          path: "Interfaces/CLI", swiftSettings: strictSettings),

        // Tests mirror the layers.
        .target(name: "PocketTestSupport", dependencies: ["PocketDomain", "PocketApplication"],
                path: "Tests/Support", swiftSettings: strictSettings),
        .testTarget(name: "DomainTests", dependencies: ["PocketDomain"], path: "Tests/DomainTests",
                    swiftSettings: strictSettings),
        .testTarget(name: "ApplicationTests",
                    dependencies: ["PocketDomain", "PocketApplication", "PocketSQLite", "PocketTestSupport"],
                    path: "Tests/ApplicationTests", swiftSettings: strictSettings),
        .testTarget(name: "SQLiteTests",
                    dependencies: ["PocketDomain", "PocketApplication", "PocketSQLite", "PocketSQL",
                                   "PocketTestSupport"],
                    path: "Tests/SQLiteTests", swiftSettings: strictSettings),
        .testTarget(name: "CryptoTests",
                    dependencies: ["PocketDomain", "PocketApplication", "PocketCrypto"],
                    path: "Tests/CryptoTests", swiftSettings: strictSettings),
        .testTarget(name: "MailTests",
                    dependencies: ["PocketDomain", "PocketApplication", "PocketMail"],
                    path: "Tests/MailTests", swiftSettings: strictSettings),
        .testTarget(name: "HTTPTests",
                    dependencies: [
                        "PocketDomain", "PocketApplication", "PocketHTTP", "PocketBootstrap",
                        "PocketTestSupport", "PocketCurl",
                        .product(name: "Hummingbird", package: "hummingbird"),
                        .product(name: "HummingbirdTesting", package: "hummingbird"),
                        .product(name: "HTTPTypes", package: "swift-http-types"),
                        .product(name: "Logging", package: "swift-log"),
                    ],
                    path: "Tests/HTTPTests", swiftSettings: strictSettings),
        .testTarget(name: "CLITests", dependencies: ["pocketswift"], path: "Tests/CLITests",
                    swiftSettings: strictSettings),
    ]
)
