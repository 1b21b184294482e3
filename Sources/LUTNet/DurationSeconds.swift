extension Duration {
    /// The duration in seconds: the unit of the times that training, fitting, experiments and
    /// benchmarks report (measured with `ContinuousClock`).
    package var seconds: Double {
        Double(components.seconds) + Double(components.attoseconds) * 1e-18
    }
}
