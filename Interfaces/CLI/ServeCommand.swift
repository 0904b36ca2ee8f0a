internal import ArgumentParser
internal import PocketApplication
internal import PocketBootstrap
internal import PocketHTTP

/// `serve [domain(s)] --http ADDR --origins LIST`: runs the Web API.
struct ServeCommand: ParsableArguments {
    @OptionGroup var global: GlobalOptions

    @Argument(help: "domains (TLS is not supported yet)")
    var domains: [String] = []

    @Option(name: .customLong("http"), help: "TCP address to listen for the HTTP server")
    var http = ""

    @Option(name: .customLong("https"), help: "TCP address to listen for the HTTPS server")
    var https = ""

    @Option(name: .customLong("origins"), help: "CORS allowed domain origins list")
    var origins: [String] = []

    func run(environment: [String: String]) async throws -> Int32 {
        guard https.isEmpty, domains.isEmpty else {
            Console.error("HTTPS and domain certificates are not supported by \(HelpText.name) yet; serve --http behind a TLS proxy")
            return 0
        }
        let address = http.isEmpty ? "127.0.0.1:8090" : http
        guard let (host, port) = Self.split(address) else {
            Console.error("invalid --http address \"\(address)\"")
            return 0
        }
        let app = try AppOpener.open(global, environment: environment)
        defer { app.close() }
        let pending = try app.migrations.pending()
        guard pending.isEmpty else {
            Console.error("cannot apply the pending JS migration(s) \(pending.joined(separator: ", ")): "
                + "\(HelpText.name) cannot run JS migrations yet")
            return 0
        }
        let allowed = origins.flatMap { $0.split(separator: ",").map(String.init) }
        var options = APIOptions(origins: allowed.isEmpty ? ["*"] : allowed,
                                 publicDir: global.publicDir.isEmpty ? "./pb_public" : global.publicDir,
                                 indexFallback: global.indexFallback)
        if global.dev { options.devLog = Self.printRequestLine }
        let base = "http://\(host == "0.0.0.0" || host.isEmpty ? "127.0.0.1" : host):\(port)"
        let needsSuperuser = (try? app.superuserCount()) == 0
        do {
            try await PocketServer(app: app, host: host.isEmpty ? "0.0.0.0" : host, port: port, options: options).run {
                Console.out("\(AppOpener.timestamp()) Server started at \(base)")
                Console.out("├─ REST API:  \(base)/api/")
                Console.out("└─ Dashboard: \(base)/_/")
                if needsSuperuser {
                    Console.out("\n(!) There is no superuser yet. Create the first one by running:")
                    Console.out("    \(HelpText.name) superuser upsert EMAIL PASS --dir \(global.dir)\n")
                }
            }
        } catch {
            let text = String(describing: error)
            if text.lowercased().contains("address already in use") {
                Console.error("listen tcp \(host):\(port): bind: address already in use")
                return 0
            }
            throw error
        }
        return 0
    }

    @Sendable static func printRequestLine(_ line: String) {
        Console.out(line)
    }

    /// `host:port`, `:port` or `[v6]:port`.
    static func split(_ address: String) -> (String, Int)? {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
              (0...65535).contains(port)
        else { return nil }
        var host = String(address[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }
}
