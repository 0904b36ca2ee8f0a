internal import Foundation
internal import NIOCore
internal import NIOPosix

// Swift Concurrency runs on NIO's event loops: a request's handler then runs where its socket is
// served, without a hop between the concurrency pool and the event loop on every read and write.
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

// Console writes go straight to the file descriptors (no stdio buffering), so request lines reach
// a log file as they happen.
let status = await CLI.run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
exit(status)
