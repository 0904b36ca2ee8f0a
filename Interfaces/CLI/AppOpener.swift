internal import PocketApplication
internal import PocketBootstrap
internal import Foundation

/// Opens the application for a command, or explains why it cannot start.
enum AppOpener {
    static func open(_ global: GlobalOptions, environment: [String: String]) throws -> PocketApp {
        do {
            return try PocketApp(configuration: global.configuration(environment: environment))
        } catch {
            throw StartupFailure(message: "\(Self.timestamp()) \(describe(error))")
        }
    }

    static func describe(_ error: any Error) -> String {
        if case .internalError(let message)? = error as? ApplicationError { return message }
        return String(describing: error)
    }

    /// `2006/01/02 15:04:05`, as Go's logger prefixes lines.
    static func timestamp() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone.current
        formatter.dateFormat = "yyyy/MM/dd HH:mm:ss"
        return formatter.string(from: Date())
    }
}
