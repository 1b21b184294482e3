import CLUTNetAPI
import Foundation
import LUTNet

/// The presets' texts as C strings that live for the whole process, made once.
private struct PresetCStrings: @unchecked Sendable {
    /// Every text of every preset's networks, by text (never freed: the strings are static to callers).
    let table: [String: UnsafePointer<CChar>]

    static let shared = PresetCStrings(table: Dictionary(
        Preset.all.flatMap { [$0.binary, $0.multiClass] }.flatMap { [$0.layers, $0.inputBits] + ($0.wiring.map { [$0] } ?? []) }
            .map { ($0, UnsafePointer(strdup($0) ?? { preconditionFailure("out of memory") }())) },
        uniquingKeysWith: { first, _ in first }))
}

/// Implements `lutnet_preset_parameters_sized` (see lutnet.h).
@c @implementation
public func lutnet_preset_parameters_sized(_ name: UnsafePointer<CChar>?, _ task: UnsafePointer<CChar>?,
                                           _ parameters: UnsafeMutablePointer<lutnet_parameters>?, _ size: Int,
                                           _ error: UnsafeMutablePointer<lutnet_error>?) -> lutnet_status {
    reportingOutcome(to: error) { () throws(APIFailure) in
        let function = "lutnet_preset_parameters"
        let name = try string(name, function, "name")
        let taskText = try string(task, function, "task")
        let out = try required(parameters, function, "parameters")
        let preset: Preset
        do throws(ConfigurationError) { preset = try Preset.named(name, option: "name") } catch { throw .invalid(function, error.description) }
        // "all", or three groups or more, is a multi-class task; the data is not needed to tell.
        let trimmed = taskText.trimmingCharacters(in: .whitespaces)
        let multiClass = trimmed == "all" || trimmed.split(separator: ":", omittingEmptySubsequences: false).count > 2
        let network = preset.network(multiClass: multiClass)
        guard network.readout == .groups else {
            throw .invalid(function, "preset '\(name)' reads binary task '\(taskText)' through its classes, which lutnet_parameters "
                           + "cannot ask for; use 'paper', or lutnet train --preset \(name)")
        }
        if let augment = network.augment {
            throw .invalid(function, "preset '\(name)' augments the training images (--augment \(augment)), which lutnet_parameters "
                           + "cannot ask for; use lutnet train --preset \(name)")
        }
        guard let k = Int32(network.k) else { throw .invalid(function, "preset '\(name)' has ks \(network.k) per layer") }
        guard (ParametersLayout.size...ParametersLayout.largestSize).contains(size) else {
            throw .invalid(function, "a lutnet_parameters of \(size) bytes: this library's has \(ParametersLayout.size); "
                           + "call lutnet_preset_parameters, which passes the struct's size")
        }
        let strings = PresetCStrings.shared.table
        var filled = defaultParameters()
        filled.k = k
        filled.layers = strings[network.layers]
        filled.wiring = network.wiring.flatMap { strings[$0] }
        filled.input_bits = network.inputBits == "threshold" ? nil : strings[network.inputBits]
        if let threshold = network.threshold { filled.threshold = Int32(threshold) }
        ParametersLayout.write(filled, to: out, size: size)
    }
}
