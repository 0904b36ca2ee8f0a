internal import Foundation

// Console writes go straight to the file descriptors (no stdio buffering), so request lines reach
// a log file as they happen.
let status = await CLI.run(Array(CommandLine.arguments.dropFirst()), environment: ProcessInfo.processInfo.environment)
exit(status)
