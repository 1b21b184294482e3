/// A binary task read through its classes: when the data labels finer classes than the task's two
/// groups (digits rather than "0-4 or 5-9"), a multi-class model learns the classes and answers
/// the group of the class it predicts. On MNIST 0-4:5-9 ten networks of 3 × 170 LUTs reach 0.9656,
/// against 0.872 for the paper's network of as many LUTs and 0.945 for the best network measured
/// that learns the two groups (EXPERIMENTS.md).
extension MultiClassTask {
    /// One class per label of `task`'s groups, in label order: the classes `task` is read through.
    /// Throws naming the task when it has fewer than three labels (nothing finer than its groups).
    public init(classesOf task: BinaryTask) throws(ConfigurationError) {
        let labels = (task.first + task.second).sorted()
        guard labels.count >= 3 else {
            throw .invalidValue(option: "--readout", reason: "task \(task) has one label per group; reading it through its "
                                + "classes needs a group of two labels or more")
        }
        try self.init(groups: labels.map { [$0] })
    }
}

extension ConfusionMatrix {
    /// The share of examples whose actual and predicted classes lie in the same group, class c
    /// being in group `groupOfClass[c]`.
    public func groupAccuracy(groupOfClass: [UInt8]) -> Double {
        var same = 0
        for a in 0..<classCount {
            for p in 0..<classCount where groupOfClass[a] == groupOfClass[p] { same += count(actual: a, predicted: p) }
        }
        return total == 0 ? 0 : Double(same) / Double(total)
    }
}

extension MultiClassNetwork {
    /// The same model answering the group of `task` its predicted class lies in. Throws unless
    /// every class's labels lie in one group of `task`.
    public func readingGroups(of task: BinaryTask) throws(ConfigurationError) -> MultiClassNetwork {
        guard Self.groupOfClass(self.task, in: task) != nil else {
            throw .invalidValue(option: "--readout", reason: "the classes of \(self.task) do not each lie in one group of \(task)")
        }
        var model = self
        model.groups = task
        return model
    }

    /// For every class of `classes`, its group (0 or 1) of `task`; nil when a class's labels are
    /// not all in one group.
    static func groupOfClass(_ classes: MultiClassTask, in task: BinaryTask) -> [UInt8]? {
        var result: [UInt8] = []
        for labels in classes.groups {
            let groups = Set(labels.map { task.binaryLabel(of: $0) })
            guard groups.count == 1, let group = groups.first, let group else { return nil }
            result.append(group)
        }
        return result
    }

    /// The group of `groups` of every class; nil for a model that answers its class.
    public var groupOfClass: [UInt8]? { groups.flatMap { Self.groupOfClass(task, in: $0) } }

    /// The group (0 for `groups.first`, 1 for `groups.second`) of every image of `images`, or their
    /// class for a model without `groups`.
    public func answers(_ images: ImageSet, threads: Int? = nil) throws(ConfigurationError) -> [UInt8] {
        let classes = try predict(images, threads: threads)
        guard let groupOfClass else { return classes }
        return classes.map { groupOfClass[Int($0)] }
    }

    /// Trains a model of the classes of `task` (one per label of its groups) on `dataset`, as
    /// `train(on:task:threshold:inputBits:options:progress:)` does, that answers `task`'s group of
    /// its class. Throws as that function does, and when `task` has fewer than three labels.
    public static func train(on dataset: Dataset, readingClassesOf task: BinaryTask, threshold: UInt8 = 128,
                             inputBits: [InputBitFamily] = [.threshold],
                             options: MultiClassTrainingOptions = MultiClassTrainingOptions(),
                             progress: ((MultiClassLayerReport) -> Void)? = nil) throws(ConfigurationError) -> MultiClassTrainingResult {
        let trained = try train(on: dataset, task: try MultiClassTask(classesOf: task), threshold: threshold, inputBits: inputBits,
                                options: options, progress: progress)
        return try trained.readingGroups(of: task)
    }
}

extension MultiClassTrainingResult {
    /// The result with its model answering `task`'s groups (see `MultiClassNetwork.readingGroups(of:)`).
    /// Throws unless every class's labels lie in one group of `task`.
    public func readingGroups(of task: BinaryTask) throws(ConfigurationError) -> MultiClassTrainingResult {
        MultiClassTrainingResult(network: try network.readingGroups(of: task), layers: layers, trainConfusion: trainConfusion,
                                        testConfusion: testConfusion, seconds: seconds)
    }
}

extension MultiClassNetwork {
    /// The accuracy of a model that answers a binary task's groups on the examples of `task` (by
    /// default its own `groups`) in `images`. Throws when the model answers classes, `task`'s
    /// groups do not each hold whole classes of the model, the images do not fit it, or none of
    /// them is of `task`.
    public func groupAccuracy(on images: ImageSet, task: BinaryTask? = nil, threads: Int? = nil) throws(ConfigurationError) -> Double {
        guard let groups else {
            throw .invalidValue(option: "model", reason: "it answers the classes of \(self.task), not the groups of a binary task")
        }
        let task = task ?? groups
        guard let groupOfClass = Self.groupOfClass(self.task, in: task) else {
            throw .invalidTask(task.description, reason: "the model's classes \(self.task) do not each lie in one of its groups")
        }
        let (indices, labels) = task.select(from: images.labels)
        guard !indices.isEmpty else { throw .invalidTask(task.description, reason: "\(images.source) has no example of it") }
        let classes = try predict(images, threads: threads)
        let right = zip(indices, labels).filter { groupOfClass[Int(classes[Int($0.0)])] == $0.1 }.count
        return Double(right) / Double(indices.count)
    }
}
