/// A named, documented network configuration: `paper` (the defaults, the paper's network) and
/// `best` (the most accurate configuration measured within twice the paper network's training
/// time), each for both kinds of task, chosen on MNIST; and per benchmark dataset (`mnist`,
/// `fashion-mnist`, `cifar10`), the most accurate configuration measured on it, whatever its time.
/// The figures behind them are in EXPERIMENTS.md ("Richer input, class readout and presets" and
/// "Deskewed digits, neighbour bits and augmented training").
public struct Preset: Sendable, Equatable {
    /// What a task's model learns with the preset.
    public enum Readout: String, Sendable, Equatable {
        /// The task's own groups (two for a binary task, the classes of a multi-class task).
        case groups
        /// A binary task through its classes: a multi-class model of the labels inside its groups,
        /// answering the group of the class it predicts.
        case classes
    }

    /// The network of one kind of task: the values of `--k`, `--layers`, `--wiring`,
    /// `--input-bits`, `--threshold` and `--augment`, and the readout.
    public struct Network: Sendable, Equatable {
        /// The ks, as `--k` reads them (e.g. `8` or `14/8`).
        public let k: String
        /// The layers, as `--layers` reads them (per class for a multi-class model).
        public let layers: String
        /// The wiring, as `--wiring` reads it; nil for the task kind's default (random for a
        /// binary network, 6 × 6 windows for a multi-class one).
        public let wiring: String?
        /// The input bits, as `--input-bits` reads them.
        public let inputBits: String
        /// The binarization threshold, as `--threshold` reads it; nil for the default (128).
        public var threshold: Int? = nil
        /// The copies of the training images, as `--augment` reads them; nil for none.
        public var augment: String? = nil
        /// What the model learns.
        public let readout: Readout
        /// The model in a few words, with its measured accuracy.
        public let summary: String
    }

    /// The preset's name, as `--preset` reads it.
    public let name: String
    /// What the preset is, in one sentence.
    public let purpose: String
    /// The network of a binary task.
    public let binary: Network
    /// The network of a multi-class task.
    public let multiClass: Network

    /// The network of a task of this kind.
    public func network(multiClass isMultiClass: Bool) -> Network { isMultiClass ? multiClass : binary }

    /// Every preset, the paper's first.
    public static let all: [Preset] = [paper, best, mnist, fashionMNIST, cifar10]

    /// The presets' names as a sentence lists them: `paper, best, … or cifar10`.
    public static var namesText: String {
        let names = all.map(\.name)
        return names.dropLast().joined(separator: ", ") + (names.count > 1 ? " or " : "") + (names.last ?? "")
    }

    /// The preset named `name`. Throws naming `option` and the presets when there is none.
    public static func named(_ name: String, option: String = "--preset") throws(ConfigurationError) -> Preset {
        guard let preset = all.first(where: { $0.name == name }) else {
            throw .invalidValue(option: option, reason: "'\(name)' is not a preset; use \(namesText)")
        }
        return preset
    }

    /// The paper's network: the defaults of `lutnet train` (`TrainingPolicy`).
    public static let paper = Preset(
        name: "paper", purpose: "the paper's network, the defaults",
        binary: Network(k: String(TrainingPolicy.binaryK), layers: TrainingPolicy.binaryLayers, wiring: nil, inputBits: "threshold",
                        readout: .groups, summary: "k 8, 5 × 1024 LUTs, random wiring (MNIST 0-4:5-9: 0.872)"),
        multiClass: Network(k: String(TrainingPolicy.multiClassK), layers: TrainingPolicy.multiClassLayers, wiring: nil,
                            inputBits: "threshold", readout: .groups,
                            summary: "one network per class, k 10, 3 × 500 LUTs, 6 × 6 windows (MNIST ten classes: 0.954)"))

    /// The most accurate configuration measured within twice the paper network's training time.
    public static let best = Preset(
        name: "best", purpose: "the most accurate network measured within twice the paper network's training time",
        binary: Network(k: "8", layers: "3x170", wiring: "hier:7,16,2", inputBits: "threshold", readout: .classes,
                        summary: "the task through its classes: one network per class, k 8, 3 × 170 LUTs, hier:7,16,2 "
                            + "(MNIST 0-4:5-9: 0.9656)"),
        multiClass: Network(k: "12", layers: "3x500", wiring: "hier:7,32,2", inputBits: "threshold,mean", readout: .groups,
                            summary: "one network per class, k 12, 3 × 500 LUTs, hier:7,32,2, threshold and mean bits "
                                + "(MNIST ten classes: 0.966)"))
}

extension Preset {
    /// The most accurate network measured on MNIST's digits: the images deskewed, k 12.
    public static let mnist = dataset(
        name: "mnist", data: "MNIST's handwritten digits",
        network: Network(k: "12", layers: "3x500", wiring: "hier:7,32,2", inputBits: "deskew,threshold,mean", threshold: 90,
                         readout: .groups, summary: ""),
        binary: "MNIST 0-4:5-9: 0.9825", multiClass: "MNIST ten classes: 0.9756")

    /// The most accurate network measured on Fashion-MNIST: neighbour bits at threshold 64.
    public static let fashionMNIST = dataset(
        name: "fashion-mnist", data: "Fashion-MNIST's clothes",
        network: Network(k: "12", layers: "3x2000", wiring: "hier:3,16,2", inputBits: "threshold,mean,neighbours:4", threshold: 64,
                         readout: .groups, summary: ""),
        binary: "Fashion-MNIST 0-4:5-9: 0.9257", multiClass: "Fashion-MNIST ten classes: 0.8542")

    /// The most accurate network measured on CIFAR-10: k 16 over the whole image, the training
    /// images with their mirrors and shifts.
    public static let cifar10 = dataset(
        name: "cifar10", data: "CIFAR-10's colour images",
        network: Network(k: "16", layers: "2x1000", wiring: "random", inputBits: "threshold,mean,opponents", augment: "flip,shift:2",
                         readout: .groups, summary: ""),
        binary: "CIFAR-10 0-4:5-9: 0.6579", multiClass: "CIFAR-10 ten classes: 0.4552")

    /// A dataset's preset: `network` for a multi-class task, and the same network through the
    /// classes for a binary one.
    private static func dataset(name: String, data: String, network: Network, binary: String, multiClass: String) -> Preset {
        func with(_ readout: Readout, _ figure: String) -> Network {
            let words = "one network per class, k \(network.k), \(network.layers.replacingOccurrences(of: "x", with: " × ")) LUTs, "
                + "\(network.wiring ?? "default") wiring, input bits \(network.inputBits)"
                + (network.threshold.map { " at threshold \($0)" } ?? "") + (network.augment.map { ", training images augmented by \($0)" } ?? "")
            return Network(k: network.k, layers: network.layers, wiring: network.wiring, inputBits: network.inputBits,
                           threshold: network.threshold, augment: network.augment, readout: readout,
                           summary: (readout == .classes ? "the task through its classes: " : "") + words + " (\(figure))")
        }
        return Preset(name: name, purpose: "the most accurate network measured on \(data), whatever its training time",
                      binary: with(.classes, binary), multiClass: with(.groups, multiClass))
    }
}

extension Preset.Network {
    /// The network as options of `lutnet train` (e.g. `--k 8 --layers 3x170 --wiring hier:7,16,2 --readout classes`).
    public var commandLine: String {
        (["--k \(k)", "--layers \(layers)"] + (wiring.map { ["--wiring \($0)"] } ?? [])
            + (inputBits == "threshold" ? [] : ["--input-bits \(inputBits)"]) + (threshold.map { ["--threshold \($0)"] } ?? [])
            + (augment.map { ["--augment \($0)"] } ?? []) + (readout == .classes ? ["--readout classes"] : []))
            .joined(separator: " ")
    }
}
